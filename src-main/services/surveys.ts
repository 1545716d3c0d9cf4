import { uuidv7 } from 'uuidv7';
import type { FollowUpView, ScoreGroup } from '../../src-shared/contract/surveys';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import { FOLLOW_UP_DAYS, MIN_RESPONSES_TO_SHOW, needsFollowUp, summarise, summariseBy, type SurveyChannel, type SurveyService } from '../../src-shared/domain/survey-scores';
import { findFollowUp, findFollowUpView, listFollowUps, listScores, type FollowUpRow, type ScoreRowWithKeys } from '../store/surveys';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import { survivingId } from '../store/duplicate-reviews';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { requireActor, scopedBranch } from './context';
import { DomainError } from './domain-error';
import { requireRequestInScope } from './requests';
import { surveyInvitationHandlers } from './survey-invitations';
import { surveyTrendHandlers } from './survey-trends';

function followUpView(row: FollowUpRow): FollowUpView {
  return {
    id: row.id,
    responseId: row.response_id,
    status: row.status as FollowUpView['status'],
    dueOn: row.due_on,
    csat: row.csat,
    nps: row.nps,
    comment: row.comment,
    service: row.service as SurveyService,
    channel: row.channel as SurveyChannel,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: row.beneficiary_name || null,
    answeredAt: row.answered_at,
    resolution: row.resolution,
    closedAt: row.closed_at,
  };
}

function groups(rows: ScoreRowWithKeys[], key: (r: ScoreRowWithKeys) => string, label: (r: ScoreRowWithKeys) => string | null = () => null): ScoreGroup[] {
  const labels = new Map(rows.map((r) => [key(r), label(r)]));
  return summariseBy(rows, key).map((g) => ({ ...g, label: labels.get(g.key) ?? null }));
}

export const surveyHandlers = {
  ...surveyInvitationHandlers,
  ...surveyTrendHandlers,

  'surveys.submit': async (ctx, input) => {
    const actor = requireActor(ctx);
    // Saved under the person as they are now: the survivor of a record merged into another.
    let beneficiaryId = input.beneficiaryId ? (await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId)).id : input.beneficiaryId;
    if (input.requestId) {
      const request = await requireRequestInScope(ctx, actor, input.requestId);
      beneficiaryId = beneficiaryId ?? (await survivingId(ctx.db, request.beneficiary_id));
    }
    const stamp = ctx.stamp();
    const id = uuidv7();
    // The member of staff who served is the session's user: the kiosk runs on their desk, and a
    // phone answer is entered by whoever made the call.
    await insertTravelling(
      ctx.db,
      'survey_responses',
      { id, branch_id: actor.branchId, beneficiary_id: beneficiaryId, request_id: input.requestId, service: input.service, channel: input.channel, staff_id: actor.id, csat: input.csat, nps: input.nps, comment: input.comment, answered_at: stamp.now, entered_by: actor.id },
      stamp,
    );
    let followUpId: string | null = null;
    if (needsFollowUp(input.csat)) {
      followUpId = uuidv7();
      const due = new Date(riyadhDay(ctx.now).getTime() + FOLLOW_UP_DAYS * 86_400_000).toISOString().slice(0, 10);
      await insertTravelling(ctx.db, 'survey_follow_ups', { id: followUpId, branch_id: actor.branchId, response_id: id, status: 'open', due_on: due, resolution: null, closed_by: null, closed_at: null }, stamp);
    }
    // Scores only, never the comment: free text may name people.
    ctx.describe({ entity: 'survey_response', entityId: id, detail: { service: input.service, channel: input.channel, csat: input.csat, nps: input.nps, followUp: followUpId !== null } });
    return { id, followUpId };
  },

  'surveys.results': async (ctx, input) => {
    const actor = requireActor(ctx);
    const rows = await listScores(ctx.db, { from: input.from, to: input.to, branchId: scopedBranch(actor) });
    return {
      overall: summarise(rows),
      byService: groups(rows, (r) => r.service),
      byBranch: groups(rows, (r) => r.branch_id, (r) => r.branch_name),
      byChannel: groups(rows, (r) => r.channel),
      byMonth: groups(rows, (r) => r.month),
    };
  },

  'surveys.mine': async (ctx, input) => {
    const actor = requireActor(ctx);
    const team = await listScores(ctx.db, { from: input.from, to: input.to, branchId: actor.branchId });
    const mine = team.filter((r) => r.staff_id === actor.id);
    const shown = mine.length >= MIN_RESPONSES_TO_SHOW;
    return { mine: shown ? summarise(mine) : null, myResponses: mine.length, team: summarise(team), mineByMonth: shown ? groups(mine, (r) => r.month) : [] };
  },

  'surveys.followUps': async (ctx, input) => {
    const actor = requireActor(ctx);
    return { items: (await listFollowUps(ctx.db, { branchId: scopedBranch(actor), status: input.status })).map(followUpView) };
  },

  'surveys.closeFollowUp': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await findFollowUp(ctx.db, input.id);
    if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
    const branch = scopedBranch(actor);
    if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
    if (row.status !== 'open') throw new DomainError('CONFLICT', 'error.followUpClosed');
    const stamp = ctx.stamp();
    await updateTravelling(ctx.db, 'survey_follow_ups', row, { status: 'closed', resolution: input.resolution, closed_by: actor.id, closed_at: stamp.now }, stamp, { history: true, hiddenFromHistory: new Set(['closed_at', 'closed_by']) });
    ctx.describe({ entity: 'survey_follow_up', entityId: row.id, detail: { closed: true } });
    const after = await findFollowUpView(ctx.db, row.id);
    if (!after) throw new Error(`Follow-up ${row.id} vanished while being closed.`);
    return followUpView(after);
  },
} satisfies Partial<Handlers>;
