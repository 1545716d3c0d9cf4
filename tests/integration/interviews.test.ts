import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src-shared/contract/errors';
import { dataVersionHash } from '../../src-shared/domain/canonical-json';
import { beneficiaryInput, setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';
import { b64, distinctName, rentCaseData, signaturePng, verifyAllDocuments } from './support/interview-fixtures';

let s: TestStore;
let desk: Caller;
let researcher: Caller;
let committee: Caller;

beforeAll(async () => {
  s = await setUpStore();
  const { branches } = await s.admin.call('branches.list', {});
  const branchId = branches[0]!.id;
  desk = await userOf(s, 'reception', branchId, 'desk1');
  researcher = await userOf(s, 'researcher', branchId, 'researcher1');
  committee = await userOf(s, 'committee', branchId, 'committee1');
});
afterAll(async () => s.close());

const count = (sql: string, ...params: unknown[]) => (s.runtime.store.sqlite.prepare(sql).get(...params) as { n: number }).n;

/** An interview taken through steps 1 and 2 (rent request, all documents verified). */
async function interviewThroughVerification() {
  const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput(distinctName()), household: [], confirmedDistinctFrom: [] });
  const started = await desk.call('interviews.start', {});
  await desk.call('interviews.recordInquiry', { id: started.id, questions: 'ما الدعم المتاح للإيجار؟', answers: 'شرحنا شروط دعم الإيجار والمستندات.' });
  await desk.call('interviews.setBeneficiary', { id: started.id, beneficiaryId });
  const withCase = await desk.call('interviews.saveCaseData', { id: started.id, caseData: rentCaseData() });
  await verifyAllDocuments(desk, withCase.request!.id);
  await desk.call('interviews.completeVerification', { id: started.id, identityChecked: true });
  return { id: started.id, requestId: withCase.request!.id, beneficiaryId };
}

function expectRefusal(result: ApiResult<unknown>, messageKey: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.messageKey).toBe(messageKey);
    expect(result.error.message.ar).toMatch(/[\u0600-\u06FF]/);
  }
}

describe('the seven-step interview through the router', () => {
  it('runs a whole visit: inquiry, verification, referral answered, signature, committee clock, registration', async () => {
    const { id, requestId } = await interviewThroughVerification();

    const referral = await desk.call('referrals.create', { interviewId: id, reason: 'الأسرة لا تعرف إجراءات دعم الإيجار' });
    expect((await desk.call('interviews.get', { id })).status).toBe('referred');
    const queue = await researcher.call('referrals.list', { status: 'open' });
    expect(queue.items.map((r) => r.id)).toContain(referral.id);
    expect(queue.items.find((r) => r.id === referral.id)?.reason).toBe('الأسرة لا تعرف إجراءات دعم الإيجار');
    await researcher.call('referrals.answer', { id: referral.id, researcherNotes: 'تواصلت مع الأسرة', answer: 'يُقدَّم الطلب مع عقد الإيجار الموثق' });
    expect((await desk.call('interviews.get', { id })).status).toBe('open');
    await desk.call('interviews.completeReferralStep', { id, outcome: 'answered' });

    const attestation = await desk.call('interviews.attestation', { id });
    expect(attestation.data.referral?.answer).toBe('يُقدَّم الطلب مع عقد الإيجار الموثق');
    expect(attestation.dataHash).toBe(await dataVersionHash(attestation.data));
    const signed = await desk.call('interviews.sign', { id, signerName: 'أحمد عبدالله محمد الحربي', signaturePngBase64: b64(signaturePng(true)), dataHash: attestation.dataHash });
    expect(signed.request?.signature?.dataHash).toBe(attestation.dataHash);
    const stored = s.runtime.store.sqlite.prepare('SELECT signed_data, data_hash FROM signatures WHERE request_id = ?').get(requestId) as { signed_data: string; data_hash: string };
    expect(stored.signed_data).toBe(attestation.canonical);

    const submitted = await desk.call('interviews.submit', { id });
    expect(submitted.request?.state).toBe('submitted');
    const submittedAt = new Date(submitted.request!.submittedAt!);
    const expectedDue = new Date(Date.UTC(submittedAt.getUTCFullYear(), submittedAt.getUTCMonth(), submittedAt.getUTCDate()) + (submittedAt.getUTCHours() >= 21 ? 15 : 14) * 86_400_000);
    expect(submitted.request?.dueDate).toBe(expectedDue.toISOString().slice(0, 10));

    const done = await desk.call('interviews.completeRegistration', { id });
    expect(done.status).toBe('completed');
    expect(done.steps.map((st) => st.step)).toEqual(['reception', 'data_verification', 'referral', 'attestation', 'submission', 'registration']);
    expect(done.steps.every((st) => st.completedByName === 'desk1')).toBe(true);
    expect(done.currentStep).toBe('service');

    const receipt = await desk.call('interviews.receipt', { id });
    expect(receipt).toMatchObject({ requestId, dueDate: submitted.request!.dueDate, clock: { days: 14, mode: 'calendar' }, requestTypeNameAr: 'سداد إيجار السكن' });

    // The committee's side moves the request on; every move is audited and kept as history.
    await researcher.call('requests.transition', { id: requestId, to: 'under_study', expectedState: 'submitted' });
    // A decision is the committee's record (committee.decide), never a bare change of state.
    expectRefusal(await committee.raw('requests.transition', { id: requestId, to: 'decided_accepted', expectedState: 'under_study' }), 'error.decideThroughCommittee');
    const studied = await committee.call('requests.get', { id: requestId });
    expect(studied.history.map((h) => h.to)).toEqual(['draft', 'submitted', 'under_study']);
    expect(studied.nextStates).not.toContain('decided_accepted');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'requests.transition' AND entity_id = ?", requestId)).toBe(1);
    for (const action of ['interviews.recordInquiry', 'interviews.completeVerification', 'referrals.answer', 'interviews.sign', 'interviews.submit']) {
      expect(count('SELECT count(*) AS n FROM audit_log WHERE action = ?', action)).toBeGreaterThan(0);
    }
    // Every row written travels: it is in the change log.
    expect(count("SELECT count(*) AS n FROM change_log WHERE table_name = 'interview_steps'")).toBeGreaterThanOrEqual(6);
  });

  it('lets the desk skip the researcher when no referral was needed', async () => {
    const { id } = await interviewThroughVerification();
    const view = await desk.call('interviews.completeReferralStep', { id, outcome: 'not_needed' });
    expect(view.steps.find((st) => st.step === 'referral')?.outcome).toBe('not_needed');
    expect(view.currentStep).toBe('attestation');
  });

  it('lists open interviews on the desk, with where each one stands', async () => {
    const { id } = await interviewThroughVerification();
    const { items } = await desk.call('interviews.listOpen', {});
    expect(items.find((i) => i.id === id)).toMatchObject({ currentStep: 'referral', mine: true });
  });
});

describe('bad input at the interview changes nothing', () => {
  it('refuses a step out of order, in Arabic, writing nothing', async () => {
    const started = await desk.call('interviews.start', {});
    const audits = count('SELECT count(*) AS n FROM audit_log');
    expectRefusal(await desk.raw('interviews.completeVerification', { id: started.id, identityChecked: true }), 'error.stepOutOfOrder');
    expectRefusal(await desk.raw('interviews.submit', { id: started.id }), 'error.stepOutOfOrder');
    expect(count('SELECT count(*) AS n FROM interview_steps WHERE interview_id = ?', started.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });

  it('refuses completing a step twice', async () => {
    const started = await desk.call('interviews.start', {});
    await desk.call('interviews.recordInquiry', { id: started.id, questions: 'سؤال', answers: 'جواب' });
    expectRefusal(await desk.raw('interviews.recordInquiry', { id: started.id, questions: 'سؤال', answers: 'جواب' }), 'error.stepAlreadyDone');
  });

  it('refuses skipping the signature: submitting straight after verification', async () => {
    const { id } = await interviewThroughVerification();
    await desk.call('interviews.completeReferralStep', { id, outcome: 'not_needed' });
    const result = await desk.raw('interviews.submit', { id });
    expectRefusal(result, 'error.stepOutOfOrder');
    if (!result.ok) expect(result.error.message.ar).toContain('الخطوة 5');
  });

  it('refuses completing verification with a required document missing or unverified, naming it', async () => {
    const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput(distinctName()), household: [], confirmedDistinctFrom: [] });
    const started = await desk.call('interviews.start', { beneficiaryId });
    await desk.call('interviews.recordInquiry', { id: started.id, questions: 'سؤال', answers: 'جواب' });
    const view = await desk.call('interviews.saveCaseData', { id: started.id, caseData: rentCaseData() });
    const requestId = view.request!.id;
    await verifyAllDocuments(desk, requestId, { skip: ['lease_contract'] });
    const missing = await desk.raw('interviews.completeVerification', { id: started.id, identityChecked: true });
    expectRefusal(missing, 'error.requiredDocumentsMissing');
    if (!missing.ok) expect(missing.error.message.ar).toContain('عقد الإيجار الموثق');

    await desk.call('requests.markDocument', { requestId, documentTypeCode: 'lease_contract', seen: true, verified: false });
    const unverified = await desk.raw('interviews.completeVerification', { id: started.id, identityChecked: true });
    expectRefusal(unverified, 'error.requiredDocumentsMissing');
    expect(count("SELECT count(*) AS n FROM interview_steps WHERE interview_id = ? AND step = 'data_verification'", started.id)).toBe(0);

    // An optional document (the IBAN for rent) never blocks.
    await desk.call('requests.markDocument', { requestId, documentTypeCode: 'lease_contract', seen: true, verified: true });
    await desk.call('requests.markDocument', { requestId, documentTypeCode: 'bank_iban', seen: false, verified: false });
    await desk.call('interviews.completeVerification', { id: started.id, identityChecked: true });
  });

  it('refuses a document outside the chosen type’s checklist, and verifying one not seen', async () => {
    const started = await desk.call('interviews.start', {});
    const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput(distinctName()), household: [], confirmedDistinctFrom: [] });
    await desk.call('interviews.recordInquiry', { id: started.id, questions: 'سؤال', answers: 'جواب' });
    await desk.call('interviews.setBeneficiary', { id: started.id, beneficiaryId });
    const view = await desk.call('interviews.saveCaseData', { id: started.id, caseData: rentCaseData({ requestTypeCode: 'food_basket', housingType: 'owned', monthlyRent: null }) });
    expectRefusal(await desk.raw('requests.markDocument', { requestId: view.request!.id, documentTypeCode: 'medical_report', seen: true, verified: true }), 'error.documentNotInChecklist');
    expectRefusal(await desk.raw('requests.markDocument', { requestId: view.request!.id, documentTypeCode: 'identity_copy', seen: false, verified: true }), 'error.verifiedNotSeen');
  });

  it('refuses an empty signature and a signature over changed data', async () => {
    const { id, requestId } = await interviewThroughVerification();
    await desk.call('interviews.completeReferralStep', { id, outcome: 'not_needed' });
    const { dataHash } = await desk.call('interviews.attestation', { id });
    const signatureFiles = count("SELECT count(*) AS n FROM attachments WHERE kind = 'signature'");
    expectRefusal(await desk.raw('interviews.sign', { id, signerName: 'أحمد', signaturePngBase64: b64(signaturePng(false)), dataHash }), 'error.signatureEmpty');
    expectRefusal(await desk.raw('interviews.sign', { id, signerName: 'أحمد', signaturePngBase64: '', dataHash }), 'error.validation');
    expectRefusal(await desk.raw('interviews.sign', { id, signerName: 'أحمد', signaturePngBase64: b64(signaturePng(true)), dataHash: 'f'.repeat(64) }), 'error.signedDataChanged');
    expect(count('SELECT count(*) AS n FROM signatures WHERE request_id = ?', requestId)).toBe(0);
    expect(count("SELECT count(*) AS n FROM attachments WHERE kind = 'signature'")).toBe(signatureFiles);
    expect(count('SELECT count(*) AS n FROM interview_steps WHERE interview_id = ? AND step = ?', id, 'attestation')).toBe(0);

    await desk.call('interviews.sign', { id, signerName: 'أحمد', signaturePngBase64: b64(signaturePng(true)), dataHash });
    // Signed data is locked: the checklist can no longer change.
    expectRefusal(await desk.raw('requests.markDocument', { requestId, documentTypeCode: 'identity_copy', seen: true, verified: false }), 'error.dataLocked');
  });

  it('refuses to move a request along an edge the role does not hold, or that does not exist', async () => {
    const { id, requestId } = await interviewThroughVerification();
    expectRefusal(await desk.raw('requests.transition', { id: requestId, to: 'submitted', expectedState: 'draft' }), 'error.submitThroughInterview');
    await desk.call('interviews.completeReferralStep', { id, outcome: 'not_needed' });
    const { dataHash } = await desk.call('interviews.attestation', { id });
    await desk.call('interviews.sign', { id, signerName: 'أحمد', signaturePngBase64: b64(signaturePng(true)), dataHash });
    await desk.call('interviews.submit', { id });
    expectRefusal(await desk.raw('requests.transition', { id: requestId, to: 'under_study', expectedState: 'submitted' }), 'error.transitionRole');
    expectRefusal(await committee.raw('requests.transition', { id: requestId, to: 'decided_accepted', expectedState: 'submitted' }), 'error.decideThroughCommittee');
    expectRefusal(await committee.raw('requests.transition', { id: requestId, to: 'closed', expectedState: 'submitted' }), 'error.transitionNotAllowed');
    expectRefusal(await committee.raw('requests.transition', { id: requestId, to: 'under_study', expectedState: 'draft' }), 'error.requestStateChanged');
    expect((await desk.call('requests.get', { id: requestId })).state).toBe('submitted');
  });

  it('keeps the desk from working an interview while it waits for the researcher', async () => {
    const { id } = await interviewThroughVerification();
    await desk.call('referrals.create', { interviewId: id, reason: 'استفسار عن الإجراءات' });
    expectRefusal(await desk.raw('interviews.completeReferralStep', { id, outcome: 'answered' }), 'error.interviewReferred');
    const { items } = await researcher.call('referrals.list', { status: 'open' });
    const open = items.find((r) => r.interviewId === id)!;
    await researcher.call('referrals.answer', { id: open.id, researcherNotes: 'ملاحظة', answer: 'إجابة' });
    expectRefusal(await researcher.raw('referrals.answer', { id: open.id, researcherNotes: 'ملاحظة', answer: 'إجابة' }), 'error.referralAnswered');
    expectRefusal(await desk.raw('referrals.list', { status: 'open' }), 'error.forbidden');
  });

  it('uses the committee clock from settings: days and working-day counting', async () => {
    expectRefusal(await desk.raw('requests.setClockSettings', { days: 10, mode: 'working' }), 'error.forbidden');
    expectRefusal(await s.admin.raw('requests.setClockSettings', { days: 0, mode: 'working' }), 'error.validation');
    await s.admin.call('requests.setClockSettings', { days: 10, mode: 'working' });
    const { id } = await interviewThroughVerification();
    await desk.call('interviews.completeReferralStep', { id, outcome: 'not_needed' });
    const { dataHash } = await desk.call('interviews.attestation', { id });
    await desk.call('interviews.sign', { id, signerName: 'أحمد', signaturePngBase64: b64(signaturePng(true)), dataHash });
    const view = await desk.call('interviews.submit', { id });
    expect(view.request).toMatchObject({ clockDays: 10, clockMode: 'working' });
    expect([5, 6]).not.toContain(new Date(`${view.request!.dueDate!}T00:00:00Z`).getUTCDay());
    await s.admin.call('requests.setClockSettings', { days: 14, mode: 'calendar' });
  });
});
