import { uuidv7 } from 'uuidv7';
import { gateStep, stepNumber, type InterviewStep } from '../../src-shared/domain/interview-steps';
import { documentShortfalls } from '../../src-shared/domain/required-documents';
import { DomainError } from './domain-error';
import { scopedBranch, type Actor, type ServiceContext } from './context';
import { completedSteps } from './interviews-view';
import { documentChecklist } from './requests-view';
import { findInterview, type InterviewRow } from '../store/interviews';
import type { SupportRequestRow } from '../store/requests';
import { insertTravelling, updateTravelling } from '../store/row-writer';

export async function requireInterviewInScope(ctx: ServiceContext, actor: Actor, id: string): Promise<InterviewRow> {
  const row = await findInterview(ctx.db, id);
  if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
  const branch = scopedBranch(actor);
  if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  return row;
}

/** Work on an interview needs it open: not finished, and not waiting for the researcher's answer. */
export function requireOpen(row: InterviewRow): void {
  if (row.status === 'referred') throw new DomainError('CONFLICT', 'error.interviewReferred');
  if (row.status !== 'open') throw new DomainError('CONFLICT', 'error.interviewClosed');
}

/** Refuses a step taken out of order or twice, naming the steps by their number in the policy. */
export async function requireStepOpen(ctx: ServiceContext, row: InterviewRow, step: InterviewStep): Promise<void> {
  const gate = gateStep(await completedSteps(ctx, row.id), step);
  if (gate.ok) return;
  if (gate.reason === 'already_done') throw new DomainError('CONFLICT', 'error.stepAlreadyDone', { values: { step: stepNumber(step) } });
  throw new DomainError('CONFLICT', 'error.stepOutOfOrder', { values: { step: stepNumber(step), missing: stepNumber(gate.missing) } });
}

/** Writes the step's completion (insert-only: who, when, outcome) and drops the draft typed for it. */
export async function recordStep(ctx: ServiceContext, actor: Actor, row: InterviewRow, step: InterviewStep, outcome: string | null): Promise<void> {
  const stamp = ctx.stamp();
  await insertTravelling(
    ctx.db,
    'interview_steps',
    { id: uuidv7(), branch_id: row.branch_id, interview_id: row.id, step, outcome, completed_by: actor.id, completed_at: stamp.now },
    stamp,
  );
  const fresh = await findInterview(ctx.db, row.id);
  if (fresh && fresh.draft_step === step) {
    await updateTravelling(ctx.db, 'interviews', fresh, { draft_step: null, draft_json: null, draft_saved_at: null }, stamp, { history: false });
  }
}

/** Every required document of the request's type seen and verified, or a refusal naming the missing ones. */
export async function requireDocumentsComplete(ctx: ServiceContext, request: SupportRequestRow): Promise<void> {
  const checklist = await documentChecklist(ctx, request);
  const shortfalls = documentShortfalls(
    checklist.map((d) => ({ code: d.code, required: d.required })),
    checklist.map((d) => ({ code: d.code, seen: d.seen, verified: d.verified })),
  );
  if (shortfalls.length === 0) return;
  const names = shortfalls.map((s) => checklist.find((d) => d.code === s.code)?.nameAr ?? s.code);
  throw new DomainError('VALIDATION', 'error.requiredDocumentsMissing', { values: { documents: names.join('، ') }, details: { shortfalls } });
}
