import { uuidv7 } from 'uuidv7';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import { clockLevel, daysLeft, escalationMoments } from '../../src-shared/domain/committee-escalation';
import type { RequestState } from '../../src-shared/domain/request-state';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { clockOf, evaluateClocks } from './committee-clocks';
import { caseRows, committeeCase, sessionViews } from './committee-view';
import { decisionLetterSource, informBeneficiary } from './committee-letter';
import { formSummary, issueForm } from './forms-issue';
import { moveRequest, requireRequestInScope } from './requests';
import { findSession, listAgenda, listBoard, listSessions } from '../store/committee';
import { countUnread, findNotification, listNotifications, markNotificationRead } from '../store/notifications';
import { findRequest, type SupportRequestRow } from '../store/requests';
import { insertTravelling, updateTravelling } from '../store/row-writer';

/** The state a decision outcome leaves its request in; a deferral keeps it under study. */
const STATE_OF_OUTCOME: Record<'accepted' | 'rejected' | 'deferred', RequestState> = {
  accepted: 'decided_accepted',
  rejected: 'decided_rejected',
  deferred: 'under_study',
};

async function reread(ctx: ServiceContext, id: string): Promise<SupportRequestRow> {
  const row = await findRequest(ctx.db, id);
  if (!row) throw new Error(`Request ${id} vanished during its own use case.`);
  return row;
}

/**
 * A decision needs a request under study with a research report (a complete file); a correction must
 * name the current decision and may not undo what was already delivered against it.
 */
async function checkDecision(ctx: ServiceContext, request: SupportRequestRow, supersedesId: string | null) {
  const rows = await caseRows(ctx, request.id);
  const current = rows.currentDecision;
  if (!current) {
    if (supersedesId) throw new DomainError('VALIDATION', 'error.decisionNotCurrent', { fields: { supersedesId: 'error.decisionNotCurrent' } });
    if (request.state !== 'under_study' || !rows.currentReport) throw new DomainError('CONFLICT', 'error.decisionNeedsStudy');
    return { current: null };
  }
  if (!supersedesId) {
    // A deferral leaves the file open: the next decision supersedes it, still naming it.
    throw new DomainError('CONFLICT', 'error.decisionExists');
  }
  if (supersedesId !== current.id) throw new DomainError('CONFLICT', 'error.decisionNotCurrent', { fields: { supersedesId: 'error.decisionNotCurrent' } });
  if (rows.deliveries.some((d) => d.decision_id === current.id)) throw new DomainError('CONFLICT', 'error.decisionHasDeliveries');
  if (!['under_study', 'decided_accepted', 'decided_rejected'].includes(request.state)) throw new DomainError('CONFLICT', 'error.decisionNeedsStudy');
  return { current };
}

export const committeeHandlers = {
  'committee.board': async (ctx, input) => {
    const actor = requireActor(ctx);
    await evaluateClocks(ctx);
    const rows = await listBoard(ctx.db, { states: input.states, branchId: scopedBranch(actor), limit: input.limit });
    ctx.describe({ entity: 'committee_board', entityId: null, detail: { count: rows.length } });
    return {
      today: riyadhDay(ctx.now).toISOString().slice(0, 10),
      items: rows.map((r) => {
        const clock = clockOf(r);
        const moments = escalationMoments(new Date(r.submitted_at), clock);
        const waiting = r.state === 'submitted' || r.state === 'under_study';
        return {
          requestId: r.id,
          beneficiaryId: r.beneficiary_id,
          beneficiaryName: r.beneficiary_name,
          requestTypeNameAr: r.type_name_ar,
          requestTypeNameEn: r.type_name_en,
          state: r.state as RequestState,
          submittedAt: r.submitted_at,
          dueDate: r.due_date,
          warningDate: moments.warningDate,
          clockMode: clock.mode,
          daysLeft: waiting ? daysLeft(r.due_date, ctx.now, clock.mode) : null,
          level: waiting ? clockLevel(moments, ctx.now) : ('decided' as const),
          hasReport: Boolean(r.has_report),
        };
      }),
    };
  },

  'committee.checkClocks': async (ctx) => {
    const created = await evaluateClocks(ctx);
    ctx.describe({ entity: 'committee_clock', entityId: null, detail: { created } });
    return { created };
  },

  'committee.case': async (ctx, input) => {
    const actor = requireActor(ctx);
    return committeeCase(ctx, actor, await requireRequestInScope(ctx, actor, input.requestId));
  },

  'committee.writeReport': async (ctx, input) => {
    const actor = requireActor(ctx);
    const request = await requireRequestInScope(ctx, actor, input.requestId);
    if (request.state !== 'submitted' && request.state !== 'under_study') throw new DomainError('CONFLICT', 'error.reportNeedsSubmission');
    const { currentReport } = await caseRows(ctx, request.id);
    // Written once, like a decision: a revision names the report it replaces.
    if ((currentReport?.id ?? null) !== input.supersedesId) {
      const key = currentReport ? 'error.reportExists' : 'error.reportNotCurrent';
      throw new DomainError('CONFLICT', key, { fields: { supersedesId: key } });
    }
    const r = input.report;
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'research_reports',
      {
        id,
        branch_id: request.branch_id,
        request_id: request.id,
        visit_date: r.visitDate,
        visit_kind: r.visitKind,
        household_size: r.householdSize,
        monthly_income: r.monthlyIncome,
        monthly_expenses: r.monthlyExpenses,
        housing_condition: r.housingCondition,
        needs: r.needs,
        narrative: r.narrative,
        recommendation: r.recommendation,
        recommended_amount: r.recommendedAmount,
        researcher_id: actor.id,
        written_at: ctx.now.toISOString(),
        supersedes_id: input.supersedesId,
      },
      ctx.stamp(),
    );
    if (request.state === 'submitted') await moveRequest(ctx, actor, request, 'under_study');
    ctx.describe({ entity: 'research_report', entityId: id, detail: { requestId: request.id, recommendation: r.recommendation, supersedes: input.supersedesId } });
    return committeeCase(ctx, actor, await reread(ctx, request.id));
  },

  'committee.createSession': async (ctx, input) => {
    const actor = requireActor(ctx);
    const id = uuidv7();
    const stamp = ctx.stamp();
    const agenda = [...new Set(input.agenda)];
    for (const requestId of agenda) {
      const request = await requireRequestInScope(ctx, actor, requestId);
      if (request.state !== 'submitted' && request.state !== 'under_study') throw new DomainError('CONFLICT', 'error.agendaRequestNotOpen', { fields: { agenda: 'error.agendaRequestNotOpen' } });
    }
    await insertTravelling(ctx.db, 'committee_sessions', { id, branch_id: actor.branchId, held_on: input.heldOn, members_present: JSON.stringify(input.membersPresent), notes: input.notes, created_by: actor.id }, stamp);
    for (const [position, requestId] of agenda.entries()) {
      await insertTravelling(ctx.db, 'committee_agenda_items', { id: uuidv7(), branch_id: actor.branchId, session_id: id, request_id: requestId, position: position + 1 }, stamp);
    }
    ctx.describe({ entity: 'committee_session', entityId: id, detail: { agenda: agenda.length, members: input.membersPresent.length } });
    const session = await findSession(ctx.db, id);
    if (!session) throw new Error(`Session ${id} was written but cannot be read back.`);
    const [view] = sessionViews([session], await listAgenda(ctx.db, [id]));
    if (!view) throw new Error('A session without its view.');
    return view;
  },

  'committee.sessions': async (ctx) => {
    const actor = requireActor(ctx);
    const sessions = await listSessions(ctx.db, scopedBranch(actor), 30);
    return { items: sessionViews(sessions, await listAgenda(ctx.db, sessions.map((s) => s.id))) };
  },

  'committee.decide': async (ctx, input) => {
    const actor = requireActor(ctx);
    const request = await requireRequestInScope(ctx, actor, input.requestId);
    const { current } = await checkDecision(ctx, request, input.supersedesId);
    if (input.sessionId) {
      const session = await findSession(ctx.db, input.sessionId);
      const agenda = session ? await listAgenda(ctx.db, [session.id]) : [];
      if (!agenda.some((a) => a.request_id === request.id)) throw new DomainError('VALIDATION', 'error.notOnAgenda', { fields: { sessionId: 'error.notOnAgenda' } });
    }
    const d = input.decision;
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'committee_decisions',
      {
        id,
        branch_id: request.branch_id,
        request_id: request.id,
        session_id: input.sessionId,
        outcome: d.outcome,
        amount: d.outcome === 'accepted' ? d.amount : null,
        items: d.outcome === 'accepted' ? d.items : null,
        schedule: d.outcome === 'accepted' ? d.schedule : null,
        installments: d.outcome === 'accepted' ? d.installments : null,
        reason: d.outcome === 'rejected' ? d.reason : null,
        missing: d.outcome === 'deferred' ? d.missing : null,
        decided_by: actor.id,
        decided_at: ctx.now.toISOString(),
        supersedes_id: current?.id ?? null,
      },
      ctx.stamp(),
    );
    const target = STATE_OF_OUTCOME[d.outcome];
    if (request.state === 'under_study' && target !== 'under_study') {
      await moveRequest(ctx, actor, request, target);
    } else if (request.state !== target) {
      // A correction across outcomes (accepted ↔ rejected, or back to study): the state machine has no
      // such edge because only a superseding decision may do it; the change is kept in field history.
      const stamp = ctx.stamp();
      await updateTravelling(ctx.db, 'support_requests', request, { state: target, state_changed_at: stamp.now, state_changed_by: actor.id }, stamp, { history: true, hiddenFromHistory: new Set(['state_changed_at', 'state_changed_by']) });
    }
    ctx.describe({ entity: 'committee_decision', entityId: id, detail: { requestId: request.id, outcome: d.outcome, supersedes: current?.id ?? null } });
    return committeeCase(ctx, actor, await reread(ctx, request.id));
  },

  'forms.generateDecisionLetter': async (ctx, input) => {
    const actor = requireActor(ctx);
    const { content, subject } = await decisionLetterSource(ctx, actor, input.requestId);
    return formSummary(await issueForm(ctx, actor, content, subject));
  },

  'committee.informBeneficiary': async (ctx, input) => {
    const actor = requireActor(ctx);
    const request = await requireRequestInScope(ctx, actor, input.requestId);
    await informBeneficiary(ctx, actor, request, input.channel, input.details);
    return committeeCase(ctx, actor, request);
  },

  'notifications.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    const branch = scopedBranch(actor);
    const rows = await listNotifications(ctx.db, { branchId: branch, unreadOnly: input.unreadOnly, limit: 200 });
    return {
      unread: await countUnread(ctx.db, branch),
      items: rows.map((n) => ({
        id: n.id,
        requestId: n.request_id,
        beneficiaryName: n.beneficiary_name,
        requestTypeNameAr: n.type_name_ar,
        requestTypeNameEn: n.type_name_en,
        moment: n.moment as 'warning' | 'escalation',
        dueDate: n.due_date,
        createdAt: n.created_at,
        read: n.read_at !== null,
      })),
    };
  },

  'notifications.markRead': async (ctx, input) => {
    const actor: Actor = requireActor(ctx);
    const row = await findNotification(ctx.db, input.id);
    if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
    const branch = scopedBranch(actor);
    if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
    await markNotificationRead(ctx.db, row.id, actor.id, ctx.now.toISOString());
    ctx.describe({ entity: 'committee_notification', entityId: row.id });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
