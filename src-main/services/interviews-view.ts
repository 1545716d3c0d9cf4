import type { InterviewView } from '../../src-shared/contract/interviews';
import { currentStep, INTERVIEW_STEPS, type InterviewStep } from '../../src-shared/domain/interview-steps';
import type { Actor, ServiceContext } from './context';
import { fullName, requestView } from './requests-view';
import { findBeneficiary } from '../store/beneficiaries';
import { listInterviewSteps, type InterviewRow } from '../store/interviews';
import { findRequest } from '../store/requests';
import { findUserById } from '../store/users';

type DraftData = NonNullable<InterviewView['draft']>['data'];

function isStep(value: string | null): value is InterviewStep {
  return value !== null && (INTERVIEW_STEPS as readonly string[]).includes(value);
}

/** A draft that cannot be read back (a torn write from an old version) is dropped, not fatal. */
function parseDraft(row: InterviewRow): InterviewView['draft'] {
  if (!isStep(row.draft_step) || row.draft_json === null || row.draft_saved_at === null) return null;
  try {
    const data = JSON.parse(row.draft_json) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    return { step: row.draft_step, data: data as DraftData, savedAt: row.draft_saved_at };
  } catch {
    return null;
  }
}

export async function completedSteps(ctx: ServiceContext, interviewId: string): Promise<InterviewStep[]> {
  const rows = await listInterviewSteps(ctx.db, interviewId);
  return rows.map((r) => r.step).filter(isStep);
}

export async function interviewView(ctx: ServiceContext, actor: Actor, row: InterviewRow): Promise<InterviewView> {
  const steps = await listInterviewSteps(ctx.db, row.id);
  const beneficiary = row.beneficiary_id ? await findBeneficiary(ctx.db, row.beneficiary_id) : undefined;
  const request = row.request_id ? await findRequest(ctx.db, row.request_id) : undefined;
  const desk = await findUserById(ctx.db, row.desk_user_id);
  const done = steps.map((s) => s.step).filter(isStep);
  return {
    id: row.id,
    status: row.status as InterviewView['status'],
    deskUserId: row.desk_user_id,
    deskUserName: desk?.display_name ?? null,
    createdAt: row.created_at,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: beneficiary ? fullName(beneficiary) : null,
    beneficiaryNationalId: beneficiary?.national_id ?? null,
    inquiryQuestions: row.inquiry_questions,
    inquiryAnswers: row.inquiry_answers,
    steps: steps.filter((s) => isStep(s.step)).map((s) => ({
      step: s.step as InterviewStep,
      outcome: s.outcome,
      completedAt: s.completed_at,
      completedByName: s.completed_by_name,
    })),
    currentStep: currentStep(done),
    draft: parseDraft(row),
    request: request ? await requestView(ctx, actor, request) : null,
  };
}
