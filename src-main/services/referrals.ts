import { uuidv7 } from 'uuidv7';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch } from './context';
import { requireInterviewInScope, requireOpen, requireStepOpen } from './interviews-steps';
import { referralView } from './requests-view';
import { findInterview } from '../store/interviews';
import { findReferral, listReferrals } from '../store/referrals';
import { insertTravelling, updateTravelling } from '../store/row-writer';

/** Policy step 3: when procedures are unclear, the desk refers; the researcher notes and answers. */
export const referralHandlers = {
  'referrals.create': async (ctx, input) => {
    const actor = requireActor(ctx);
    const interview = await requireInterviewInScope(ctx, actor, input.interviewId);
    requireOpen(interview);
    await requireStepOpen(ctx, interview, 'referral');
    const stamp = ctx.stamp();
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'referrals',
      {
        id,
        branch_id: interview.branch_id,
        interview_id: interview.id,
        request_id: interview.request_id,
        beneficiary_id: interview.beneficiary_id,
        reason: input.reason,
        status: 'open',
        referred_by: actor.id,
        referred_at: stamp.now,
      },
      stamp,
    );
    // The interview waits for the answer; the desk may serve others meanwhile and resume it later.
    await updateTravelling(ctx.db, 'interviews', interview, { status: 'referred' }, stamp, { history: true });
    ctx.describe({ entity: 'referral', entityId: id, detail: { interviewId: interview.id } });
    const row = await findReferral(ctx.db, id);
    if (!row) throw new Error(`Referral ${id} was written but cannot be read back.`);
    return referralView(row);
  },

  'referrals.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    const rows = await listReferrals(ctx.db, { status: input.status, branchId: scopedBranch(actor), limit: input.limit });
    return { items: rows.map(referralView) };
  },

  'referrals.answer': async (ctx, input) => {
    const actor = requireActor(ctx);
    const referral = await findReferral(ctx.db, input.id);
    if (!referral) throw new DomainError('NOT_FOUND', 'error.notFound');
    const branch = scopedBranch(actor);
    if (branch && referral.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
    if (referral.status !== 'open') throw new DomainError('CONFLICT', 'error.referralAnswered');
    const stamp = ctx.stamp();
    const { beneficiary_name: _b, referred_by_name: _r, researcher_name: _n, ...row } = referral;
    await updateTravelling(
      ctx.db,
      'referrals',
      row,
      { status: 'answered', researcher_id: actor.id, researcher_notes: input.researcherNotes, answer: input.answer, answered_at: stamp.now },
      stamp,
      { history: false },
    );
    const interview = await findInterview(ctx.db, referral.interview_id);
    if (interview?.status === 'referred') {
      await updateTravelling(ctx.db, 'interviews', interview, { status: 'open' }, stamp, { history: true });
    }
    ctx.describe({ entity: 'referral', entityId: referral.id, detail: { interviewId: referral.interview_id } });
    const after = await findReferral(ctx.db, referral.id);
    if (!after) throw new Error(`Referral ${referral.id} vanished during its own answer.`);
    return referralView(after);
  },
} satisfies Partial<Handlers>;
