/**
 * The seven steps of the Beneficiary Relations Policy, in the order the desk must take them.
 * Stored as these codes in `interview_steps`; shown in Arabic by the renderer.
 */
export const INTERVIEW_STEPS = [
  'reception', // 1. receive politely, answer every inquiry
  'data_verification', // 2. collect the data and verify it at submission
  'referral', // 3. refer to the social researcher when procedures are unclear (or record that it was not needed)
  'attestation', // 4. verify and have the applicant sign
  'submission', // 5. the committee clock starts
  'registration', // 6. registration completed once the requests are complete
  'service', // 7. the service provided (recorded by the committee and delivery work)
] as const;
export type InterviewStep = (typeof INTERVIEW_STEPS)[number];

/** Steps the desk completes in the interview; the last is completed by the delivery of the service. */
export const DESK_STEPS: readonly InterviewStep[] = INTERVIEW_STEPS.slice(0, 6);

export type StepGate =
  | { ok: true }
  | { ok: false; reason: 'already_done' }
  | { ok: false; reason: 'out_of_order'; missing: InterviewStep };

export function stepNumber(step: InterviewStep): number {
  return INTERVIEW_STEPS.indexOf(step) + 1;
}

/** The first step not yet completed (the one the wizard shows), or null when all seven are done. */
export function currentStep(completed: readonly InterviewStep[]): InterviewStep | null {
  return INTERVIEW_STEPS.find((step) => !completed.includes(step)) ?? null;
}

/** A step may be completed only once, and only when every step before it is complete. */
export function gateStep(completed: readonly InterviewStep[], step: InterviewStep): StepGate {
  if (completed.includes(step)) return { ok: false, reason: 'already_done' };
  const missing = INTERVIEW_STEPS.slice(0, INTERVIEW_STEPS.indexOf(step)).find((s) => !completed.includes(s));
  return missing ? { ok: false, reason: 'out_of_order', missing } : { ok: true };
}

/** Whether the desk may still change the case data (before the applicant signs it). */
export function dataEditable(completed: readonly InterviewStep[]): boolean {
  return !completed.includes('attestation');
}
