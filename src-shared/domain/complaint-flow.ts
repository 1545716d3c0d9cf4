/**
 * Complaints and suggestions (policy: received on any channel, acknowledged, assigned, answered within
 * a set time, closed with the beneficiary informed). The flow is one way; each step is recorded.
 */
export const COMPLAINT_KINDS = ['complaint', 'suggestion'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'assigned', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STEPS = ['acknowledge', 'assign', 'answer', 'close'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** From which statuses each step may be taken (assigning again hands the case to someone else). */
const FROM: Readonly<Record<ComplaintStep, readonly ComplaintStatus[]>> = {
  acknowledge: ['received'],
  assign: ['received', 'acknowledged', 'assigned'],
  answer: ['acknowledged', 'assigned'],
  close: ['answered'],
};

const TO: Readonly<Record<ComplaintStep, ComplaintStatus>> = { acknowledge: 'acknowledged', assign: 'assigned', answer: 'answered', close: 'closed' };

export function canTake(step: ComplaintStep, status: ComplaintStatus): boolean {
  return FROM[step].includes(status);
}

export function statusAfter(step: ComplaintStep): ComplaintStatus {
  return TO[step];
}

/** The default answer time: five working days, the association may change it. */
export const DEFAULT_RESPONSE_DAYS = 5;

/** Open and past its response day (Riyadh days, ISO). */
export function isOverdue(status: ComplaintStatus, responseDue: string, today: string): boolean {
  return status !== 'answered' && status !== 'closed' && today > responseDue;
}
