import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_SECTIONS, type SubjectExport } from '../../src-shared/contract/privacy';
import { formFilePath } from '../../src-main/store/signed-forms';
import { attachmentPath } from '../../src-main/store/attachments';
import { retentionFacts } from '../../src-main/store/privacy-retention';
import { postgresCopy } from './support/report-fixtures';
import { beneficiaryInput, setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { REPORT, submittedRequest } from './support/committee-fixtures';
import { b64, signaturePng } from './support/interview-fixtures';

/** Sunday 1 March 2026, 10:00 in Riyadh. */
const START = new Date('2026-03-01T07:00:00Z');
const PERIOD = { kind: 'range' as const, from: '2026-03-01', to: '2026-03-31' };

let s: TestStore & { clock: TestClock };
let hq: string;
let desk: Caller;
let manager: Caller;
let otherManager: Caller;
let admin: Caller;
let subject: { requestId: string; beneficiaryId: string };
let bystander: { requestId: string; beneficiaryId: string };
let subjectNationalId: string;
let bystanderNationalId: string;
let bystanderAttachments: string[];
let consentFormId: string;
const users: Array<[Caller, string]> = [];

async function signIn(role: 'reception' | 'researcher' | 'committee' | 'manager' | 'admin', branchId: string, name: string, scope: 'own' | 'all' = 'own'): Promise<Caller> {
  const caller = await userOf(s, role, branchId, name, scope);
  users.push([caller, name]);
  return caller;
}
async function advanceDays(days: number): Promise<void> {
  s.clock.advanceDays(days);
  for (const [caller, name] of users) await caller.call('auth.login', { username: name, password: 'second-password-2' });
}
async function exportOf(caller: Caller, beneficiaryId: string, format: 'json' | 'pdf') {
  const request = await desk.call('privacy.requestExport', { beneficiaryId, channel: 'in_person_interview' });
  return caller.call('privacy.export', { requestId: request.id, format });
}

beforeAll(async () => {
  s = await setUpStoreAt(START);
  hq = (await s.admin.call('branches.list', {})).branches[0]!.id;
  const other = (await s.admin.call('branches.create', { code: 'SB', nameAr: 'فرع صبيا', city: 'صبيا' })).id;
  desk = await signIn('reception', hq, 'desk1');
  const researcher = await signIn('researcher', hq, 'researcher1');
  const committee = await signIn('committee', hq, 'committee1');
  manager = await signIn('manager', hq, 'manager1');
  otherManager = await signIn('manager', other, 'manager2');
  admin = await signIn('admin', hq, 'admin2', 'all');

  subject = await submittedRequest(desk);
  bystander = await submittedRequest(desk);
  subjectNationalId = (await manager.call('privacy.export', { requestId: (await desk.call('privacy.requestExport', { beneficiaryId: subject.beneficiaryId, channel: 'phone' })).id, format: 'json' }).then((f) => JSON.parse(Buffer.from(f.contentBase64, 'base64').toString('utf8')) as SubjectExport)).beneficiary.national_id as string;
  const bystanderData = await exportOf(manager, bystander.beneficiaryId, 'json').then((f) => JSON.parse(Buffer.from(f.contentBase64, 'base64').toString('utf8')) as SubjectExport);
  bystanderNationalId = bystanderData.beneficiary.national_id as string;
  bystanderAttachments = bystanderData.records.attachments.map((a) => String(a.sha256));

  await desk.call('household.add', { beneficiaryId: subject.beneficiaryId, member: { fullName: 'نورة خالد', relation: 'daughter', gender: 'female', birthDate: '2012-05-01' } });
  await researcher.call('committee.writeReport', { requestId: subject.requestId, report: REPORT });
  await committee.call('committee.decide', { requestId: subject.requestId, decision: { outcome: 'accepted', amount: 1500, schedule: 'one_off', installments: 1 } });
  await desk.call('delivery.record', { requestId: subject.requestId, amount: 1500, items: [{ description: 'دفعة إيجار' }], place: 'مقر الجمعية', signerName: 'خالد المستلم', signaturePngBase64: b64(signaturePng(true, 210)) });
  await desk.call('contacts.record', { contact: { beneficiaryId: subject.beneficiaryId, channel: 'phone', direction: 'inbound', contactKind: 'inquiry', subject: 'استفسار عن موعد الصرف', details: 'اتصل من رقم قريبه', outcome: 'answered', nextStep: null, followUpOn: null } });
  await desk.call('complaints.receive', { beneficiaryId: subject.beneficiaryId, kind: 'complaint', channel: 'website', subject: 'تأخر الرد', details: 'انتظرت طويلاً' });
  await desk.call('surveys.submit', { beneficiaryId: subject.beneficiaryId, service: 'delivery', channel: 'kiosk', csat: 2, nps: 4, comment: 'الانتظار طويل' });
  consentFormId = (await desk.call('forms.generateConsent', { beneficiaryId: subject.beneficiaryId })).id;
  await desk.call('privacy.recordConsent', { beneficiaryId: subject.beneficiaryId, status: 'given', formId: consentFormId, channel: 'in_person_interview' });
  await manager.call('beneficiaries.get', { id: subject.beneficiaryId });
  await desk.call('contacts.record', { contact: { beneficiaryId: bystander.beneficiaryId, channel: 'letters', direction: 'outbound', contactKind: 'answer', subject: 'خطاب للمستفيد الآخر', details: null, outcome: 'informed', nextStep: null, followUpOn: null } });
}, 180_000);
afterAll(async () => s.close());

describe('the subject access export', () => {
  let data: SubjectExport;
  let raw: string;
  beforeAll(async () => {
    const file = await exportOf(manager, subject.beneficiaryId, 'json');
    raw = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    data = JSON.parse(raw) as SubjectExport;
  });

  it('is schema-versioned JSON holding every area’s records of that beneficiary', () => {
    expect(data.schema).toBe('mamen.subject-export');
    expect(data.schemaVersion).toBe(1);
    expect(data.beneficiary.id).toBe(subject.beneficiaryId);
    for (const section of EXPORT_SECTIONS) expect(Array.isArray(data.records[section])).toBe(true);
    const seeded = ['household_members', 'support_requests', 'request_documents', 'interviews', 'interview_steps', 'signatures', 'research_reports', 'committee_decisions', 'deliveries', 'contacts', 'survey_responses', 'survey_follow_ups', 'complaints', 'signed_forms', 'attachments', 'field_history', 'privacy_consents', 'privacy_exports'] as const;
    for (const section of seeded) expect(data.records[section].length, section).toBeGreaterThan(0);
    expect(data.records.deliveries[0]).toMatchObject({ amount: 1500, request_id: subject.requestId });
    expect(data.records.signed_forms.map((f) => f.kind)).toContain('data_consent');
    expect(data.consent).toMatchObject({ status: 'given' });
  });

  it('names who viewed the file, from the audit log', () => {
    expect(data.fileAccess.some((a) => a.action === 'beneficiaries.get' && a.userName === 'manager1' && a.role === 'manager')).toBe(true);
  });

  it('holds nothing about anyone else', () => {
    expect(raw).not.toContain(bystander.beneficiaryId);
    expect(raw).not.toContain(bystander.requestId);
    expect(raw).not.toContain(bystanderNationalId);
    expect(raw).not.toContain('خطاب للمستفيد الآخر');
  });

  it('records who asked, when, and when the copy was handed over', async () => {
    const rights = await manager.call('privacy.rights', { beneficiaryId: subject.beneficiaryId });
    const delivered = rights.exports.find((e) => e.formats.includes('json') && e.channel === 'in_person_interview');
    expect(delivered).toMatchObject({ requestedByName: 'desk1', deliveredByName: 'manager1', channel: 'in_person_interview' });
    expect(delivered?.deliveredAt).toBeTruthy();
    const audit = s.runtime.store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'privacy.export' ORDER BY seq DESC LIMIT 1").get() as { detail: string };
    expect(audit.detail).not.toContain(subjectNationalId);
  });

  it('prints an Arabic PDF with the name and every section', async () => {
    // Free text as typed may hold what no font draws: the copy prints it as "?" instead of failing.
    await desk.call('contacts.record', { contact: { beneficiaryId: subject.beneficiaryId, channel: 'social_media', direction: 'inbound', contactKind: 'suggestion', subject: 'شكراً لكم 🌹', details: null, outcome: 'answered', nextStep: null, followUpOn: null } });
    const file = await exportOf(manager, subject.beneficiaryId, 'pdf');
    const path = join(s.dir, 'export.pdf');
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('نسخة البيانات الشخصية للمستفيد');
    expect(text).toContain(String(data.beneficiary.family_name));
    expect(text).toContain(String(data.beneficiary.first_name));
    for (const title of ['البيانات الأساسية', 'أفراد الأسرة', 'طلبات الدعم', 'قرارات لجنة البحث', 'الخدمات المسلّمة', 'سجل التواصل', 'الشكاوى والاقتراحات', 'النماذج الموقّعة', 'سجل الاطلاع على الملف']) {
      expect(text).toContain(title);
    }
    expect(text).toContain(subjectNationalId);
    expect(text).not.toContain('للتحقق من صحة المستند');
    expect(text).toContain('شكراً لكم ?');
  });

  it('refuses reception, and a manager of another branch', async () => {
    const request = await desk.call('privacy.requestExport', { beneficiaryId: subject.beneficiaryId, channel: 'phone' });
    expect((await desk.raw('privacy.export', { requestId: request.id, format: 'json' })).ok).toBe(false);
    const denied = await otherManager.raw('privacy.export', { requestId: request.id, format: 'json' });
    expect(denied.ok ? null : denied.error.code).toBe('OUT_OF_SCOPE');
    const rights = await otherManager.raw('privacy.rights', { beneficiaryId: subject.beneficiaryId });
    expect(rights.ok ? null : rights.error.code).toBe('OUT_OF_SCOPE');
  });
});

describe('correction requests', () => {
  it('records a request due in 30 days, lists it open, and applies it through the edit path when accepted', async () => {
    const request = await desk.call('privacy.requestCorrection', { beneficiaryId: subject.beneficiaryId, field: 'address', requestedValue: 'جازان، حي الشاطئ', justification: 'انتقل إلى سكن جديد', channel: 'in_person_interview' });
    expect(request.status).toBe('open');
    expect(request.dueOn).toBe('2026-03-31');
    const open = await manager.call('privacy.openCorrections', {});
    expect(open.items.map((i) => i.id)).toContain(request.id);
    expect(open.correctionDays).toBe(30);

    const decided = await manager.call('privacy.decideCorrection', { id: request.id, outcome: 'accepted', informChannel: 'phone' });
    expect(decided).toMatchObject({ status: 'accepted', decidedByName: 'manager1', informed: true });
    const history = await manager.call('beneficiaries.history', { id: subject.beneficiaryId });
    expect(history.changes.find((c) => c.field === 'address')).toMatchObject({ newValue: 'جازان، حي الشاطئ', changedByName: 'manager1' });
    const contacts = await manager.call('contacts.forBeneficiary', { beneficiaryId: subject.beneficiaryId });
    expect(JSON.stringify(contacts)).toContain('إبلاغ بقبول طلب تصحيح البيانات');
    expect((await manager.call('privacy.openCorrections', {})).items.map((i) => i.id)).not.toContain(request.id);
  });

  it('records a rejection with its reason, and refuses a second decision', async () => {
    const request = await desk.call('privacy.requestCorrection', { beneficiaryId: subject.beneficiaryId, field: 'birthDate', requestedValue: '1990-01-01', justification: 'خطأ في التاريخ', channel: 'phone' });
    const missingReason = await manager.raw('privacy.decideCorrection', { id: request.id, outcome: 'rejected', informChannel: 'phone' });
    expect(missingReason.ok ? null : missingReason.error.fields).toHaveProperty('decisionReason');
    const rejected = await manager.call('privacy.decideCorrection', { id: request.id, outcome: 'rejected', decisionReason: 'يخالف ما في الهوية الأصلية', informChannel: 'phone' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'يخالف ما في الهوية الأصلية' });
    const again = await manager.raw('privacy.decideCorrection', { id: request.id, outcome: 'accepted', informChannel: 'phone' });
    expect(again.ok ? null : again.error.messageKey).toBe('error.correctionDecided');
  });

  it('refuses a requested value the registry would refuse, in Arabic, recording nothing', async () => {
    const before = (await manager.call('privacy.rights', { beneficiaryId: subject.beneficiaryId })).corrections.length;
    const bad = await desk.raw('privacy.requestCorrection', { beneficiaryId: subject.beneficiaryId, field: 'nationalId', requestedValue: '1234567890', justification: 'رقم جديد', channel: 'phone' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
    expect((await manager.call('privacy.rights', { beneficiaryId: subject.beneficiaryId })).corrections.length).toBe(before);
  });

  it('corrects an ID number with the type its number shows (an iqama starts with 2)', async () => {
    const { withCheckDigit } = await import('../../src-shared/domain/national-id');
    const iqama = withCheckDigit('212345678');
    const request = await desk.call('privacy.requestCorrection', { beneficiaryId: bystander.beneficiaryId, field: 'nationalId', requestedValue: iqama, justification: 'مقيم وليس مواطناً', channel: 'in_person_interview' });
    await manager.call('privacy.decideCorrection', { id: request.id, outcome: 'accepted', informChannel: 'in_person_interview' });
    const row = s.runtime.store.sqlite.prepare('SELECT id_type, national_id FROM beneficiaries WHERE id = ?').get(bystander.beneficiaryId);
    expect(row).toEqual({ id_type: 'iqama', national_id: iqama });
    bystanderNationalId = iqama;
  });

  it('shows an unanswered request as overdue once its day passes, and only to its branch', async () => {
    const request = await desk.call('privacy.requestCorrection', { beneficiaryId: subject.beneficiaryId, field: 'city', requestedValue: 'صبيا', justification: 'تصحيح المدينة', channel: 'letters' });
    expect((await otherManager.call('privacy.openCorrections', {})).items).toHaveLength(0);
    await advanceDays(31);
    const late = (await manager.call('privacy.openCorrections', {})).items.find((i) => i.id === request.id);
    expect(late?.overdue).toBe(true);
    expect((await desk.raw('privacy.decideCorrection', { id: request.id, outcome: 'accepted', informChannel: 'phone' })).ok).toBe(false);
    await manager.call('privacy.decideCorrection', { id: request.id, outcome: 'accepted', informChannel: 'letters' });
  });
});

describe('consent', () => {
  it('shows the standing consent with its signed form, and records a withdrawal', async () => {
    const given = await desk.call('privacy.rights', { beneficiaryId: subject.beneficiaryId });
    expect(given.consent).toMatchObject({ status: 'given', formId: consentFormId });
    const withdrawn = await desk.call('privacy.recordConsent', { beneficiaryId: subject.beneficiaryId, status: 'withdrawn', channel: 'phone' });
    expect(withdrawn.consent?.status).toBe('withdrawn');
    expect(withdrawn.consentHistory.map((c) => c.status)).toEqual(['withdrawn', 'given']);
    const again = await desk.raw('privacy.recordConsent', { beneficiaryId: subject.beneficiaryId, status: 'withdrawn', channel: 'phone' });
    expect(again.ok ? null : again.error.messageKey).toBe('error.consentNotGiven');
  });

  it('refuses consent without a signed consent form of that beneficiary', async () => {
    const none = await desk.raw('privacy.recordConsent', { beneficiaryId: bystander.beneficiaryId, status: 'given' });
    expect(none.ok ? null : none.error.fields).toHaveProperty('formId');
    const foreign = await desk.raw('privacy.recordConsent', { beneficiaryId: bystander.beneficiaryId, status: 'given', formId: consentFormId });
    expect(foreign.ok ? null : foreign.error.messageKey).toBe('error.consentFormRequired');
  });
});

describe('retention', () => {
  it('counts in a dry run exactly whom the run anonymises, keeping report totals, search and duplicates clear', async () => {
    // The subject's case is closed; a registration with no request sits beside it.
    const request = await manager.call('requests.get', { id: subject.requestId });
    await manager.call('requests.transition', { id: subject.requestId, to: 'closed', expectedState: request.state });
    const quietInput = beneficiaryInput({ firstName: 'مساعد', fatherName: 'حمد', grandfatherName: 'راشد', familyName: 'البلوي', phonePrimary: '0557770001' });
    const quiet = await desk.call('beneficiaries.register', { beneficiary: quietInput, household: [], confirmedDistinctFrom: [] });
    const totalsBefore = (await manager.call('reports.dashboard', { period: PERIOD })).headline;
    const forms = (await manager.call('forms.list', { beneficiaryId: subject.beneficiaryId })).items;
    const subjectData = JSON.parse(Buffer.from((await exportOf(manager, subject.beneficiaryId, 'json')).contentBase64, 'base64').toString('utf8')) as SubjectExport;

    // Rules are off by default: nothing is counted. Then one year each; two years pass.
    expect((await admin.call('privacy.retentionPreview', {})).total).toBe(0);
    const saved = await admin.call('privacy.saveRetentionSettings', { rules: [{ code: 'closed_cases', years: 1, active: true }, { code: 'registered_only', years: 1, active: true }], correctionDays: 30 });
    expect(saved.rules.every((r) => r.active && r.years === 1)).toBe(true);
    expect((await manager.raw('privacy.saveRetentionSettings', { rules: [], correctionDays: 30 })).ok).toBe(false);
    expect((await admin.call('privacy.retentionPreview', {})).total).toBe(0);
    await advanceDays(2 * 366);

    const preview = await admin.call('privacy.retentionPreview', {});
    expect(preview.byRule).toEqual(expect.arrayContaining([{ code: 'closed_cases', count: 1 }, { code: 'registered_only', count: 1 }]));
    // The bystander's request is still open: kept.
    expect(preview.total).toBe(2);
    expect((await manager.raw('privacy.retentionRun', { confirm: true })).ok).toBe(false);
    expect((await admin.raw('privacy.retentionRun', {})).ok).toBe(false);
    const run = await admin.call('privacy.retentionRun', { confirm: true });
    expect(run.byRule).toEqual(preview.byRule);
    expect(run.total).toBe(preview.total);
    expect(run.failed).toBe(0);
    expect(run.filesRemoved).toBeGreaterThan(0);
    expect((await admin.call('privacy.retentionPreview', {})).total).toBe(0);

    // Not found by name, ID or phone; no duplicate candidate; the ID can be registered afresh.
    for (const query of [String(subjectData.beneficiary.first_name), String(subjectData.beneficiary.family_name), subjectNationalId, 'البلوي', '0557770001']) {
      const found = await admin.call('beneficiaries.search', { query });
      expect(found.items.map((i) => i.id), query).not.toContain(subject.beneficiaryId);
      expect(found.items.map((i) => i.id), query).not.toContain(quiet.id);
    }
    const check = await desk.call('beneficiaries.checkDuplicates', { beneficiary: { ...quietInput, nationalId: quietInput.nationalId } });
    expect(check.candidates.map((c) => c.id)).not.toContain(quiet.id);
    const again = await desk.raw('beneficiaries.register', { beneficiary: quietInput, household: [], confirmedDistinctFrom: [] });
    expect(again.ok).toBe(true);

    // Statutory records and figures stay; personal fields and their history are gone.
    expect((await manager.call('reports.dashboard', { period: PERIOD })).headline).toEqual(totalsBefore);
    const sqlite = s.runtime.store.sqlite;
    const row = sqlite.prepare('SELECT first_name, national_id, phone_primary, address, birth_date FROM beneficiaries WHERE id = ?').get(subject.beneficiaryId) as Record<string, string | null>;
    expect(row).toMatchObject({ first_name: 'محذوف', national_id: null, phone_primary: null, address: null });
    expect(row.birth_date).toMatch(/^\d{4}-01-01$/);
    expect(sqlite.prepare('SELECT amount FROM deliveries WHERE request_id = ?').get(subject.requestId)).toEqual({ amount: 1500 });
    expect(sqlite.prepare('SELECT amount, outcome FROM committee_decisions WHERE request_id = ?').get(subject.requestId)).toEqual({ amount: 1500, outcome: 'accepted' });
    const history = sqlite.prepare("SELECT old_value, new_value FROM field_history WHERE row_id = ? AND field = 'address'").all(subject.beneficiaryId) as Array<Record<string, string | null>>;
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.old_value === null && h.new_value === null)).toBe(true);
    const changeLog = (sqlite.prepare('SELECT fields FROM change_log WHERE row_id = ?').all(subject.beneficiaryId) as Array<{ fields: string }>).map((c) => c.fields).join('\n');
    expect(changeLog).not.toContain(subjectNationalId);
    expect(changeLog).not.toContain(String(subjectData.beneficiary.family_name));
    // The signed form files left the shelf; their rows (code, hash) remain.
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) expect(existsSync(formFilePath(s.runtime.store.path, form.sha256))).toBe(false);
    // A scan or signature with the very bytes of the bystander's stays for the bystander; the others go.
    const own = subjectData.records.attachments.map((a) => String(a.sha256));
    expect(own.some((sha) => !bystanderAttachments.includes(sha))).toBe(true);
    for (const sha of own) expect(existsSync(attachmentPath(s.runtime.store.path, sha)), sha).toBe(bystanderAttachments.includes(sha));
    expect((await manager.call('forms.list', { beneficiaryId: subject.beneficiaryId })).items).toHaveLength(forms.length);
    // The bystander's files are untouched.
    const bystanderForms = (await manager.call('forms.list', { beneficiaryId: bystander.beneficiaryId })).items;
    for (const form of bystanderForms) expect(existsSync(formFilePath(s.runtime.store.path, form.sha256))).toBe(true);

    // Audited per person, without personal data; the profile shows it and refuses further rights requests.
    const audits = sqlite.prepare("SELECT entity_id, detail FROM audit_log WHERE action = 'privacy.anonymise'").all() as Array<{ entity_id: string; detail: string }>;
    expect(audits.map((a) => a.entity_id).sort()).toEqual([subject.beneficiaryId, quiet.id].sort());
    const rights = await manager.call('privacy.rights', { beneficiaryId: subject.beneficiaryId });
    expect(rights.anonymisedAt).toBeTruthy();
    const refused = await desk.raw('privacy.requestExport', { beneficiaryId: subject.beneficiaryId, channel: 'phone' });
    expect(refused.ok ? null : refused.error.messageKey).toBe('error.privacyAnonymised');
  });

  it('runs as the install’s background job once a day, audited with its count', async () => {
    const { runRetention } = await import('../../src-main/services/privacy-retention');
    const quiet = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'ضيف', fatherName: 'علي', grandfatherName: 'حسن', familyName: 'الشهري', phonePrimary: '0557770002' }), household: [], confirmedDistinctFrom: [] });
    await advanceDays(400);
    const waiting = (await admin.call('privacy.retentionPreview', {})).total;
    expect(waiting).toBeGreaterThan(0);
    // As if the timer had already gone through the registry earlier today: it does not again.
    const today = new Date(s.clock.now().getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
    s.runtime.store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('privacy_retention_last_day', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(today);
    expect(await s.runtime.router.runJob('privacy.retention', runRetention)).toBe(0);
    expect((await admin.call('privacy.retentionPreview', {})).total).toBe(waiting);
    await advanceDays(1);
    expect(await s.runtime.router.runJob('privacy.retention', runRetention)).toBe(waiting);
    const last = s.runtime.store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'job.privacy.retention' ORDER BY seq DESC LIMIT 1").get() as { detail: string };
    expect(JSON.parse(last.detail)).toEqual({ count: waiting });
    expect((await manager.call('privacy.rights', { beneficiaryId: quiet.id })).anonymisedAt).toBeTruthy();
    expect((await admin.call('privacy.retentionPreview', {})).total).toBe(0);
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))('retention on PostgreSQL', () => {
  it('reads the same facts from the same rows as SQLite', async () => {
    const copy = await postgresCopy(s.runtime.store.db);
    try {
      const byId = (rows: Awaited<ReturnType<typeof retentionFacts>>) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      // Anonymisation records are not copied: compare over the people SQLite still counts.
      const sqlite = byId(await retentionFacts(s.runtime.store.db, ['closed']));
      const postgres = byId(await retentionFacts(copy.store.db, ['closed'])).filter((r) => sqlite.some((x) => x.id === r.id));
      expect(postgres).toEqual(sqlite);
    } finally {
      await copy.close();
    }
  });
});
