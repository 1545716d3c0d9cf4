import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';
import { b64, distinctName, rentCaseData, signaturePng, verifyAllDocuments } from './support/interview-fixtures';

/**
 * The forms whose records other areas keep, generated from those records as a desk reaches them:
 * the referral slip (step 3), the signed support request (step 4), the committee receipt (step 5)
 * and the queue ticket.
 */

let s: TestStore;
let desk: Caller;
const OUT = 'test-results/forms/from-store';

beforeAll(async () => {
  s = await setUpStore();
  const { branches } = await s.admin.call('branches.list', {});
  desk = await userOf(s, 'reception', branches[0]!.id, 'desk1');
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => s.close());

async function keep(name: string, id: string): Promise<string> {
  const file = await desk.call('forms.save', { id });
  const path = join(OUT, `${name}.pdf`);
  writeFileSync(path, Buffer.from(file.pdfBase64, 'base64'));
  expect(() => execFileSync('qpdf', ['--check', path], { stdio: 'pipe' })).not.toThrow();
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E]/g, '');
}

describe('forms generated from the other areas’ records', () => {
  it('prints the referral slip, the signed request and the receipt of one visit', async () => {
    const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput(distinctName()), household: [], confirmedDistinctFrom: [] });
    const started = await desk.call('interviews.start', {});
    await desk.call('interviews.recordInquiry', { id: started.id, questions: 'ما الدعم المتاح للإيجار؟', answers: 'شرحنا الشروط.' });
    await desk.call('interviews.setBeneficiary', { id: started.id, beneficiaryId });
    const withCase = await desk.call('interviews.saveCaseData', { id: started.id, caseData: rentCaseData() });
    const requestId = withCase.request!.id;
    await verifyAllDocuments(desk, requestId);
    await desk.call('interviews.completeVerification', { id: started.id, identityChecked: true });

    const referral = await desk.call('referrals.create', { interviewId: started.id, reason: 'الأسرة لا تعرف إجراءات دعم الإيجار' });
    const slip = await desk.call('forms.generateReferralSlip', { referralId: referral.id });
    expect(slip).toMatchObject({ kind: 'researcher_referral', beneficiaryId });
    expect(await keep('researcher_referral', slip.id)).toContain('الأسرة لا تعرف إجراءات دعم الإيجار');

    expect(await desk.raw('forms.generateSupportRequest', { requestId })).toMatchObject({ ok: false, error: { messageKey: 'error.formNeedsSignature' } });
    const { branches } = await s.admin.call('branches.list', {});
    const researcher = await userOf(s, 'researcher', branches[0]!.id, 'researcher1');
    await researcher.call('referrals.answer', { id: referral.id, researcherNotes: 'تم', answer: 'يُقدَّم الطلب مع عقد الإيجار' });
    await desk.call('interviews.completeReferralStep', { id: started.id, outcome: 'answered' });
    const attestation = await desk.call('interviews.attestation', { id: started.id });
    await desk.call('interviews.sign', { id: started.id, signerName: 'أحمد عبدالله محمد الحربي', signaturePngBase64: b64(signaturePng(true)), dataHash: attestation.dataHash });

    const signed = await desk.call('forms.generateSupportRequest', { requestId });
    const signedText = await keep('support_request', signed.id);
    expect(signedText).toContain(attestation.dataHash);
    expect(signedText).toContain('مسؤولية المباشرة');

    expect(await desk.raw('forms.generateReceipt', { requestId })).toMatchObject({ ok: false, error: { messageKey: 'error.formNeedsSubmission' } });
    await desk.call('interviews.submit', { id: started.id });
    const receipt = await desk.call('forms.generateReceipt', { requestId });
    expect(await keep('submission_receipt', receipt.id)).toContain('لجنة البحث');

    const kinds = (await desk.call('forms.list', { beneficiaryId })).items.map((f) => f.kind).sort();
    expect(kinds).toEqual(['researcher_referral', 'submission_receipt', 'support_request']);
  });

  it('prints the queue ticket on an 80 mm roll', async () => {
    const ticket = await desk.call('queue.issue', { service: 'new_request', priority: 'elderly' });
    const form = await desk.call('forms.generateTicket', { ticketId: ticket.id });
    const text = await keep('queue_ticket', form.id);
    expect(text).toContain(ticket.number);
    expect(text).toContain('كبار السن');
    const size = execFileSync('pdfinfo', [join(OUT, 'queue_ticket.pdf')], { encoding: 'utf8' });
    expect(size).toMatch(/Page size:\s+226\.7\d? x/);
  });
});
