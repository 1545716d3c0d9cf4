import type { FormData } from '../../../src-shared/contract/forms';
import type { Block } from '../form-blocks';
import { ltr } from '../form-document';
import { amount, bothCalendars, dateAndTime, documentLines, personRows } from './form-parts';

/** (a) The support request the applicant signs (policy step 4) and (d) the receipt they take home (step 5). */

export function supportRequestBlocks(data: FormData<'support_request'>, signature: Buffer): Block[] {
  const { request } = data;
  return [
    { kind: 'title', text: 'طلب دعم مستفيد' },
    { kind: 'section', text: 'بيانات طالب الدعم' },
    { kind: 'fields', columns: 2, rows: personRows(data.applicant, 'اسم طالب الدعم') },
    { kind: 'section', text: 'بيانات الطلب' },
    {
      kind: 'fields',
      columns: 2,
      rows: [
        { label: 'رقم الطلب', value: ltr(request.reference) },
        { label: 'نوع الطلب', value: request.typeName },
        { label: 'اسم السجين', value: request.prisonerName ?? '—' },
        { label: 'صلة القرابة', value: request.prisonerRelation ?? '—' },
        { label: 'السجن', value: request.prisonName ?? '—' },
        { label: 'حالة القضية', value: request.caseStatus ?? '—' },
        { label: 'الدخل الشهري', value: amount(request.monthlyIncome) },
        { label: 'عدد أفراد الأسرة', value: request.householdSize === null ? '—' : String(request.householdSize) },
        { label: 'السكن', value: [request.housingType, request.monthlyRent === null ? null : `الإيجار ${amount(request.monthlyRent)}`].filter(Boolean).join(' — ') || '—' },
      ],
    },
    ...(request.summary ? [{ kind: 'paragraph', text: `ملخص الحالة: ${request.summary}` } as const] : []),
    ...(data.documents.length > 0
      ? ([{ kind: 'section', text: 'المستندات' }, { kind: 'list', items: documentLines(data.documents) }] as const)
      : []),
    { kind: 'section', text: 'إقرار طالب الدعم' },
    { kind: 'paragraph', text: data.attestation, framed: true, bold: true, size: 12, keepWithNext: true },
    {
      kind: 'paragraph',
      text: `بصمة البيانات الموقّع عليها (SHA-256): ${ltr(data.signature.signedDataHash)}`,
      size: 8.5,
      keepWithNext: true,
    },
    {
      kind: 'signatures',
      boxes: [
        { label: 'توقيع طالب الدعم', name: data.signature.signerName, image: signature, note: bothCalendars(data.signature.signedAt) },
        { label: 'موظف الاستقبال', name: data.receptionistName, image: null },
      ],
    },
  ];
}

export function submissionReceiptBlocks(data: FormData<'submission_receipt'>): Block[] {
  const { request } = data;
  return [
    { kind: 'title', text: 'إيصال استلام طلب دعم' },
    { kind: 'fields', rows: personRows(data.applicant, 'اسم مقدم الطلب') },
    {
      kind: 'fields',
      rows: [
        { label: 'رقم الطلب', value: ltr(request.reference) },
        { label: 'نوع الطلب', value: request.typeName },
        { label: 'تاريخ التقديم', value: dateAndTime(request.submittedAt) },
        { label: 'موعد رد لجنة البحث', value: `${bothCalendars(request.dueDate)} (خلال ${request.committeeDays} يوماً)` },
      ],
    },
    {
      kind: 'paragraph',
      text: `رُفع طلبك إلى لجنة البحث لدراسته، وسيُرد عليك بالقبول أو الرفض في موعد أقصاه ${bothCalendars(request.dueDate)}. احتفظ بهذا الإيصال واذكر رقم الطلب عند المراجعة أو الاتصال.`,
      framed: true,
    },
    ...(data.documents.length > 0
      ? ([{ kind: 'section', text: 'المستندات المستلمة' }, { kind: 'list', items: documentLines(data.documents) }] as const)
      : []),
    { kind: 'signatures', boxes: [{ label: 'موظف الاستقبال', name: data.receptionistName, image: null }] },
  ];
}
