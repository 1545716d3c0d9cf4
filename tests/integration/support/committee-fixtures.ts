import { beneficiaryInput, type Caller } from './test-runtime';
import { b64, distinctName, rentCaseData, signaturePng, verifyAllDocuments } from './interview-fixtures';

/** Takes a new beneficiary through the interview to a request submitted to the committee; returns its id. */
let phone = 0;

export async function submittedRequest(desk: Caller): Promise<{ requestId: string; beneficiaryId: string }> {
  const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput({ ...distinctName(), phonePrimary: `0553${String(++phone).padStart(6, '0')}` }), household: [], confirmedDistinctFrom: [] });
  const interview = await desk.call('interviews.start', { beneficiaryId });
  await desk.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
  const view = await desk.call('interviews.saveCaseData', { id: interview.id, caseData: rentCaseData() });
  const requestId = view.request!.id;
  await verifyAllDocuments(desk, requestId);
  await desk.call('interviews.completeVerification', { id: interview.id, identityChecked: true });
  await desk.call('interviews.completeReferralStep', { id: interview.id, outcome: 'not_needed' });
  const attestation = await desk.call('interviews.attestation', { id: interview.id });
  await desk.call('interviews.sign', { id: interview.id, signerName: 'أحمد عبدالله محمد الحربي', signaturePngBase64: b64(signaturePng(true)), dataHash: attestation.dataHash });
  await desk.call('interviews.submit', { id: interview.id });
  return { requestId, beneficiaryId };
}

export const REPORT = {
  visitDate: '2026-03-02',
  visitKind: 'home_visit' as const,
  householdSize: 5,
  monthlyIncome: 1200,
  monthlyExpenses: 2600,
  housingCondition: 'poor' as const,
  needs: 'سداد متأخرات الإيجار',
  narrative: 'زار الباحث الأسرة في منزلها المستأجر، والأم تعول خمسة أبناء بعد سجن الزوج.',
  recommendation: 'accept' as const,
  recommendedAmount: 4500,
};
