import { uuidv7 } from 'uuidv7';
import { checkNationalId } from '../../src-shared/domain/national-id';
import { committeeDueDate } from '../../src-shared/domain/committee-clock';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type ServiceContext } from './context';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { interviewView } from './interviews-view';
import { recordStep, requireDocumentsComplete, requireInterviewInScope, requireOpen, requireStepOpen } from './interviews-steps';
import { attestationOf } from './interviews-attestation';
import { caseColumns, requireRequestOf, saveCaseData, signInterview } from './interviews-case';
import { listInterviewSteps, listOpenInterviews, findInterview, type InterviewRow } from '../store/interviews';
import { latestReferralOfInterview } from '../store/referrals';
import { findRequest } from '../store/requests';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import { moveRequest } from './requests';
import { readCommitteeClock } from './requests-clock';
import { currentStep, INTERVIEW_STEPS, type InterviewStep } from '../../src-shared/domain/interview-steps';
import { findBranch } from '../store/branches';
import { findUserById } from '../store/users';

async function reload(ctx: ServiceContext, id: string): Promise<InterviewRow> {
  const row = await findInterview(ctx.db, id);
  if (!row) throw new Error(`Interview ${id} vanished during its own update.`);
  return row;
}

export const interviewHandlers = {
  'interviews.start': async (ctx, input) => {
    const actor = requireActor(ctx);
    // A merged-away id is written as the survivor's: new rows never name an alias.
    const person = input.beneficiaryId ? await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId) : null;
    const id = uuidv7();
    await insertTravelling(ctx.db, 'interviews', { id, branch_id: actor.branchId, beneficiary_id: person?.id ?? null, desk_user_id: actor.id, status: 'open' }, ctx.stamp());
    ctx.describe({ entity: 'interview', entityId: id });
    return interviewView(ctx, actor, await reload(ctx, id));
  },

  'interviews.listOpen': async (ctx) => {
    const actor = requireActor(ctx);
    const rows = await listOpenInterviews(ctx.db, scopedBranch(actor));
    const items = [];
    for (const row of rows) {
      const steps = (await listInterviewSteps(ctx.db, row.id)).map((s) => s.step as InterviewStep).filter((s) => INTERVIEW_STEPS.includes(s));
      items.push({
        id: row.id,
        status: row.status as 'open' | 'referred',
        beneficiaryName: row.beneficiary_name && row.beneficiary_name.trim() !== '' ? row.beneficiary_name : null,
        currentStep: currentStep(steps),
        deskUserName: row.desk_user_name,
        mine: row.desk_user_id === actor.id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        draftSavedAt: row.draft_saved_at,
      });
    }
    return { items };
  },

  'interviews.get': async (ctx, input) => {
    const actor = requireActor(ctx);
    return interviewView(ctx, actor, await requireInterviewInScope(ctx, actor, input.id));
  },

  'interviews.saveDraft': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    if (row.status !== 'open' && row.status !== 'referred') throw new DomainError('CONFLICT', 'error.interviewClosed');
    const stamp = ctx.stamp();
    await updateTravelling(ctx.db, 'interviews', row, { draft_step: input.step, draft_json: JSON.stringify(input.data), draft_saved_at: stamp.now }, stamp, { history: false });
    // The draft's content may hold personal data: the audit names the step only.
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { draftStep: input.step } });
    return { savedAt: stamp.now };
  },

  'interviews.recordInquiry': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'reception');
    await updateTravelling(ctx.db, 'interviews', row, { inquiry_questions: input.questions, inquiry_answers: input.answers }, ctx.stamp(), { history: false });
    await recordStep(ctx, actor, row, 'reception', null);
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { step: 'reception' } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.setBeneficiary': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'data_verification');
    await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    const stamp = ctx.stamp();
    await updateTravelling(ctx.db, 'interviews', row, { beneficiary_id: input.beneficiaryId }, stamp, { history: true });
    if (row.request_id) {
      const request = await requireRequestOf(ctx, row);
      await updateTravelling(ctx.db, 'support_requests', request, { beneficiary_id: input.beneficiaryId }, stamp, { history: true });
    }
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { beneficiaryId: input.beneficiaryId } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.saveCaseData': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'data_verification');
    const requestId = await saveCaseData(ctx, actor, row, caseColumns(input.caseData), input.caseData.requestTypeCode);
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { requestId, requestType: input.caseData.requestTypeCode } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.completeVerification': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'data_verification');
    if (!row.beneficiary_id) throw new DomainError('CONFLICT', 'error.beneficiaryRequired');
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, row.beneficiary_id);
    // Verified at submission (policy step 2): the ID on file must still pass its checksum.
    if ((beneficiary.id_type === 'national_id' || beneficiary.id_type === 'iqama') && !checkNationalId(beneficiary.national_id ?? '').ok) {
      throw new DomainError('VALIDATION', 'error.identityInvalid');
    }
    const request = await requireRequestOf(ctx, row);
    await requireDocumentsComplete(ctx, request);
    await recordStep(ctx, actor, row, 'data_verification', 'identity_checked');
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { step: 'data_verification' } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.completeReferralStep': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'referral');
    const referral = await latestReferralOfInterview(ctx.db, row.id);
    if (referral?.status === 'open') throw new DomainError('CONFLICT', 'error.referralOpen');
    if (input.outcome === 'answered' && referral?.status !== 'answered') throw new DomainError('CONFLICT', 'error.referralNotAnswered');
    await recordStep(ctx, actor, row, 'referral', input.outcome);
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { step: 'referral', outcome: input.outcome } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.attestation': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    await requireStepOpen(ctx, row, 'attestation');
    return attestationOf(ctx, row);
  },

  'interviews.sign': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'attestation');
    const signatureId = await signInterview(ctx, actor, row, input);
    await recordStep(ctx, actor, row, 'attestation', null);
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { step: 'attestation', signatureId, dataHash: input.dataHash } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.submit': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'submission');
    const request = await requireRequestOf(ctx, row);
    await requireDocumentsComplete(ctx, request);
    const clock = await readCommitteeClock(ctx);
    const dueDate = committeeDueDate(ctx.now, clock);
    await moveRequest(ctx, actor, request, 'submitted', {
      submitted_at: ctx.now.toISOString(),
      submitted_by: actor.id,
      due_date: dueDate,
      clock_days: clock.days,
      clock_mode: clock.mode,
    });
    await recordStep(ctx, actor, row, 'submission', dueDate);
    ctx.describe({ entity: 'support_request', entityId: request.id, detail: { step: 'submission', dueDate, clock } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.completeRegistration': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    requireOpen(row);
    await requireStepOpen(ctx, row, 'registration');
    const request = await requireRequestOf(ctx, row);
    await requireDocumentsComplete(ctx, request);
    await recordStep(ctx, actor, row, 'registration', null);
    // The desk's part is done; step 7 (the service) is recorded by the committee and delivery work.
    await updateTravelling(ctx.db, 'interviews', await reload(ctx, row.id), { status: 'completed' }, ctx.stamp(), { history: true });
    ctx.describe({ entity: 'interview', entityId: row.id, detail: { step: 'registration' } });
    return interviewView(ctx, actor, await reload(ctx, row.id));
  },

  'interviews.receipt': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireInterviewInScope(ctx, actor, input.id);
    const request = row.request_id ? await findRequest(ctx.db, row.request_id) : undefined;
    if (!request?.submitted_at || !request.due_date) throw new DomainError('CONFLICT', 'error.requestNotSubmitted');
    const view = await interviewView(ctx, actor, row);
    const branch = await findBranch(ctx.db, request.branch_id);
    const desk = request.submitted_by ? await findUserById(ctx.db, request.submitted_by) : undefined;
    return {
      requestId: request.id,
      beneficiaryName: view.beneficiaryName ?? '',
      beneficiaryNationalId: view.beneficiaryNationalId,
      requestTypeNameAr: view.request?.requestTypeNameAr ?? request.request_type_code,
      requestTypeNameEn: view.request?.requestTypeNameEn ?? request.request_type_code,
      submittedAt: request.submitted_at,
      dueDate: request.due_date,
      clock: { days: request.clock_days ?? 14, mode: request.clock_mode === 'working' ? 'working' : 'calendar' },
      branchName: branch?.name_ar ?? '',
      deskUserName: desk?.display_name ?? null,
      dataHash: view.request?.signature?.dataHash ?? null,
    };
  },
} satisfies Partial<Handlers>;
