import type { ExportRecord, ExportSection, SubjectExport } from '../../../src-shared/contract/privacy';
import { EXPORT_SECTIONS } from '../../../src-shared/contract/privacy';
import { auditActionLabel } from '../../../src-shared/domain/audit-actions';
import { reportLabel } from '../../../src-shared/domain/report-labels';
import { fieldLabel } from '../../../src-shared/i18n/field-labels';
import { faceChain, faceFor, MissingGlyphError } from '../font-faces';
import type { Block, FieldRow } from '../form-blocks';
import { ltr, renderFormPdf } from '../form-document';
import { amount, bothCalendars, dateAndTime } from '../forms/form-parts';

/**
 * The Arabic PDF of a beneficiary's data export: the same page frame as the signed forms (logo,
 * association, branch, both calendars, page x of n, document number), then the profile and one
 * section per area with a line for each record. The JSON copy beside it carries every column.
 */

export const SUBJECT_EXPORT_TITLE = 'نسخة البيانات الشخصية للمستفيد';

const SECTION_TITLES: Readonly<Record<ExportSection, string>> = {
  merged_records: 'سجلات أخرى للشخص نفسه دُمجت في سجله',
  household_members: 'أفراد الأسرة',
  support_requests: 'طلبات الدعم',
  request_documents: 'مستندات الطلبات',
  interviews: 'المقابلات',
  interview_steps: 'خطوات المقابلات',
  referrals: 'الإحالات إلى الباحث الاجتماعي',
  signatures: 'الإقرارات الموقّعة',
  research_reports: 'تقارير البحث الاجتماعي',
  committee_decisions: 'قرارات لجنة البحث',
  deliveries: 'الخدمات المسلّمة',
  contacts: 'سجل التواصل',
  survey_responses: 'استبيانات الرضا',
  survey_follow_ups: 'متابعات الاستبيانات',
  outreach_tasks: 'التواصل الاستباقي',
  complaints: 'الشكاوى والاقتراحات',
  tickets: 'تذاكر الانتظار',
  signed_forms: 'النماذج الموقّعة',
  attachments: 'المرفقات',
  field_history: 'سجل تعديل البيانات',
  privacy_consents: 'الموافقة على معالجة البيانات',
  privacy_corrections: 'طلبات تصحيح البيانات',
  privacy_exports: 'طلبات نسخة البيانات',
};

const ACTIONS: Readonly<Record<string, string>> = {
  'beneficiaries.get': 'اطلاع على الملف',
  'beneficiaries.register': 'تسجيل',
  'beneficiaries.update': 'تعديل البيانات',
  'beneficiaries.resolveDuplicate': 'مطابقة سجل مكرر',
  'privacy.requestExport': 'طلب نسخة البيانات',
  'privacy.export': 'تسليم نسخة البيانات',
  'privacy.requestCorrection': 'طلب تصحيح',
  'privacy.decideCorrection': 'قرار طلب تصحيح',
  'privacy.recordConsent': 'تسجيل الموافقة',
};

/** Free text as typed may hold a character no font draws (an emoji): it prints as "?" rather than failing the copy. */
function printable(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(ch)) {
      out += cp < 0x20 ? ' ' : ch;
      continue;
    }
    try {
      faceFor(cp, faceChain('regular'));
      faceFor(cp, faceChain('bold'));
      out += ch;
    } catch (error) {
      if (!(error instanceof MissingGlyphError)) throw error;
      out += '?';
    }
  }
  return out;
}

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : printable(String(v)));

/** Arabic names of the stored codes these lines print (an unknown code prints as is). */
const CODES: Readonly<Record<string, string>> = {
  reception: 'الاستقبال', data_verification: 'التحقق من البيانات', referral: 'الإحالة', attestation: 'الإقرار والتوقيع',
  submission: 'رفع الطلب للجنة', registration: 'استكمال التسجيل', service: 'تقديم الخدمة',
  open: 'مفتوح', done: 'منجز', closed: 'مغلق', completed: 'مكتملة', abandoned: 'متروكة', in_progress: 'جارية',
  received: 'مستلمة', acknowledged: 'أُشعر بالاستلام', assigned: 'مسندة', answered: 'تم الرد',
  accepted: 'مقبول', rejected: 'مرفوض', pending: 'بانتظار الباحث',
  after_service: 'بعد تقديم الخدمة', release_approaching: 'قرب الإفراج', missing_documents: 'مستندات ناقصة', no_contact: 'انقطاع التواصل', seasonal: 'برنامج موسمي',
  identity_checked: 'طوبقت الهوية', not_needed: 'لم تلزم', referred: 'أُحيل',
  spouse: 'زوج/زوجة', son: 'ابن', daughter: 'ابنة', father: 'أب', mother: 'أم', brother: 'أخ', sister: 'أخت', grandparent: 'جد/جدة', grandchild: 'حفيد', other: 'أخرى',
};
/** A column or field name (snake_case in history, camelCase in requests) by its form label. */
const fieldName = (v: unknown): string => (typeof v === 'string' ? fieldLabel(v.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())).ar : '—');
const named = (v: unknown): string => (typeof v === 'string' && CODES[v] ? CODES[v] : text(v));
const day = (v: unknown): string => (typeof v === 'string' && v.length >= 10 ? bothCalendars(v) : '—');
const code = (v: unknown): string => (typeof v === 'string' && v ? ltr(printable(v)) : '—');
const channel = (v: unknown): string => (typeof v === 'string' ? reportLabel('contactChannel', v) : '—');

/** One line per record: what it was, when, and its few telling values. */
const LINES: Readonly<Record<ExportSection, (r: ExportRecord) => string>> = {
  merged_records: (r) => `${text([r.first_name, r.father_name, r.grandfather_name, r.family_name].filter(Boolean).join(' '))} — سُجّل ${day(r.created_at)}`,
  household_members: (r) => `${text(r.full_name)} — ${named(r.relation)} — ${day(r.birth_date)}${r.removed_at ? ' (أزيل من الأسرة)' : ''}`,
  support_requests: (r) => `${text(r.request_type_code)} — ${reportLabel('requestState', String(r.state))} — ${day(r.created_at)} — الدخل: ${amount(r.monthly_income as number | null)}`,
  request_documents: (r) => `${text(r.document_type_code)} — ${r.verified ? 'تمت المطابقة' : r.seen ? 'اطُّلع عليه' : 'لم يُقدَّم'}`,
  interviews: (r) => `${named(r.status)} — ${day(r.created_at)}`,
  interview_steps: (r) => `${named(r.step)} — ${named(r.outcome)} — ${day(r.completed_at)}`,
  referrals: (r) => `${text(r.reason)} — ${named(r.status)} — ${day(r.referred_at)}`,
  signatures: (r) => `${text(r.signer_name)} — ${day(r.signed_at)}`,
  research_reports: (r) => `${day(r.visit_date)} — الدخل ${amount(r.monthly_income as number)} — المصروفات ${amount(r.monthly_expenses as number)} — ${text(r.needs)}`,
  committee_decisions: (r) => `${reportLabel('decisionOutcome', String(r.outcome))} — ${amount(r.amount as number | null)} — ${day(r.decided_at)}${r.reason ? ` — ${text(r.reason)}` : ''}`,
  deliveries: (r) => `${amount(r.amount as number)} — ${text(r.place)} — ${day(r.delivered_at)}`,
  contacts: (r) => `${channel(r.channel)} — ${text(r.subject)} — ${day(r.occurred_at)}`,
  survey_responses: (r) => `${reportLabel('surveyService', String(r.service))} — الرضا ${text(r.csat)} من ٥ — ${day(r.answered_at)}`,
  survey_follow_ups: (r) => `${named(r.status)} — ${day(r.due_on)}`,
  outreach_tasks: (r) => `${named(r.kind)} — ${channel(r.channel)} — ${named(r.status)} — ${day(r.due_on)}`,
  complaints: (r) => `${text(r.subject)} — ${named(r.status)} — ${day(r.received_at)}`,
  tickets: (r) => `${code(r.number)} — ${reportLabel('queueService', String(r.service_code))} — ${day(r.issued_at)}`,
  signed_forms: (r) => `${text(r.title)} — رمز التحقق ${code(r.code)} — ${day(r.issued_at)}`,
  attachments: (r) => `${text(r.kind)} — ${code(r.mime_type)} — ${text(r.size_bytes)} بايت`,
  field_history: (r) => `${fieldName(r.field)}: ${text(r.old_value)} ← ${text(r.new_value)} — ${text(r.changed_by_name)} — ${day(r.changed_at)}`,
  privacy_consents: (r) => `${r.status === 'given' ? 'موافقة' : 'سحب الموافقة'} — ${day(r.recorded_at)}`,
  privacy_corrections: (r) => `${fieldName(r.field)} — ${named(r.status)} — ${day(r.received_at)}`,
  privacy_exports: (r) => `${channel(r.channel)} — ${day(r.requested_at)}${r.delivered_at ? ` — سُلّمت ${day(r.delivered_at)}` : ''}`,
};

function profileRows(b: SubjectExport['beneficiary']): FieldRow[] {
  return [
    { label: 'الاسم', value: [b.first_name, b.father_name, b.grandfather_name, b.family_name].map(text).join(' ') },
    { label: 'رقم الهوية/الإقامة', value: code(b.national_id) },
    { label: 'تاريخ الميلاد', value: day(b.birth_date) },
    { label: 'الجوال', value: code(b.phone_primary) },
    { label: 'جوال آخر', value: code(b.phone_secondary) },
    { label: 'المحافظة / المدينة', value: `${text(b.governorate)} / ${text(b.city)}` },
    { label: 'العنوان', value: text(b.address) },
    { label: 'الفرع', value: text(b.branch_name) },
    { label: 'تاريخ التسجيل', value: day(b.created_at) },
  ];
}

export function subjectExportBlocks(data: SubjectExport): Block[] {
  const consent = data.consent
    ? `${data.consent.status === 'given' ? 'قائمة' : 'مسحوبة'} منذ ${day(data.consent.recordedAt)}${data.consent.formCode ? ` — النموذج ${code(data.consent.formCode)}` : ''}`
    : 'لم تُسجَّل';
  const blocks: Block[] = [
    { kind: 'title', text: SUBJECT_EXPORT_TITLE },
    {
      kind: 'paragraph',
      text: `أُعدّت هذه النسخة بناءً على طلب صاحب البيانات المسجَّل في ${dateAndTime(data.request.requestedAt)} عبر ${channel(data.request.channel)}، وفق نظام حماية البيانات الشخصية. تصحبها نسخة إلكترونية (JSON) تضم جميع الحقول.`,
    },
    { kind: 'section', text: 'البيانات الأساسية' },
    { kind: 'fields', rows: [...profileRows(data.beneficiary), { label: 'الموافقة على معالجة البيانات', value: consent }] },
  ];
  const empty: string[] = [];
  for (const section of EXPORT_SECTIONS) {
    const records = data.records[section];
    if (records.length === 0) {
      empty.push(SECTION_TITLES[section]);
      continue;
    }
    blocks.push({ kind: 'section', text: `${SECTION_TITLES[section]} (${records.length})` });
    blocks.push({ kind: 'list', items: records.map(LINES[section]) });
  }
  // Areas with nothing held are named together, so the copy says so without a page of empty headings.
  if (empty.length > 0) {
    blocks.push({ kind: 'section', text: 'أقسام لا توجد فيها بيانات للمستفيد' });
    blocks.push({ kind: 'paragraph', text: empty.join('، '), size: 9.5 });
  }
  blocks.push({ kind: 'section', text: `سجل الاطلاع على الملف وتعديله (${data.fileAccess.length})` });
  blocks.push(
    data.fileAccess.length === 0
      ? { kind: 'paragraph', text: 'لا يوجد.', size: 9.5 }
      : { kind: 'list', items: data.fileAccess.map((a) => `${text(a.userName)} — ${ACTIONS[a.action] ?? auditActionLabel(a.action, 'ar')} — ${dateAndTime(a.at)}`) },
  );
  return blocks;
}

/** Renders the export; `documentNo` is the request's id, printed in the footer of every page. */
export function renderSubjectExport(data: SubjectExport, branchName: string, documentNo: string): Promise<Buffer> {
  return renderFormPdf({
    format: 'a4',
    blocks: subjectExportBlocks(data),
    frame: {
      title: SUBJECT_EXPORT_TITLE,
      associationName: data.association,
      branchName,
      issuedAt: data.generatedAt,
      documentNo,
      verificationCode: null,
      qrText: null,
    },
  });
}
