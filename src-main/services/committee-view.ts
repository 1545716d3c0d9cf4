import type { CommitteeCase, DecisionView, DeliveryView, EntitlementView, ReportView, SessionView } from '../../src-shared/contract/committee';
import { preferredChannelOf } from '../../src-shared/domain/contact-channels';
import type { FormSummary } from '../../src-shared/contract/forms';
import { clockLevel, daysLeft, escalationMoments } from '../../src-shared/domain/committee-escalation';
import type { RequestState } from '../../src-shared/domain/request-state';
import { currentOf, listAgenda, listDecisions, listReports, listSessionsOfRequest, wasInformedSince, type DecisionRow, type ReportRow, type SessionRow } from '../store/committee';
import { listDeliveries, type DeliveryRow } from '../store/deliveries';
import { findRequestType, type SupportRequestRow } from '../store/requests';
import { findCurrentForm } from '../store/signed-forms';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { clockOf } from './committee-clocks';
import type { Actor, ServiceContext } from './context';
import { formSummary } from './forms-issue';
import { fullName } from './requests-view';
import { localPhone } from './forms-labels';
import { maskNullable, maskPhone } from '../../src-shared/domain/masking';
import { profileVisibility } from '../../src-shared/domain/sensitive-fields';

/** The committee's view of one request, assembled from its rows. */

function reportView(row: ReportRow, current: boolean): ReportView {
  return {
    id: row.id,
    visitDate: row.visit_date,
    visitKind: row.visit_kind as ReportView['visitKind'],
    householdSize: row.household_size,
    monthlyIncome: row.monthly_income,
    monthlyExpenses: row.monthly_expenses,
    housingCondition: row.housing_condition as ReportView['housingCondition'],
    needs: row.needs,
    narrative: row.narrative,
    recommendation: row.recommendation as ReportView['recommendation'],
    recommendedAmount: row.recommended_amount,
    researcherName: row.researcher_name,
    writtenAt: row.written_at,
    supersedesId: row.supersedes_id,
    current,
  };
}

export function decisionView(row: DecisionRow, current: boolean): DecisionView {
  return {
    id: row.id,
    outcome: row.outcome as DecisionView['outcome'],
    amount: row.amount,
    items: row.items,
    schedule: row.schedule as DecisionView['schedule'],
    installments: row.installments,
    reason: row.reason,
    missing: row.missing,
    sessionId: row.session_id,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    supersedesId: row.supersedes_id,
    current,
  };
}

export function sessionViews(sessions: SessionRow[], agenda: Awaited<ReturnType<typeof listAgenda>>): SessionView[] {
  return sessions.map((s) => ({
    id: s.id,
    heldOn: s.held_on,
    membersPresent: JSON.parse(s.members_present) as string[],
    notes: s.notes,
    agenda: agenda.filter((a) => a.session_id === s.id).map((a) => ({ requestId: a.request_id, beneficiaryName: a.beneficiary_name })),
  }));
}

function deliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    decisionId: row.decision_id,
    amount: row.amount,
    items: row.items,
    place: row.place,
    deliveredByName: row.delivered_by_name,
    deliveredAt: row.delivered_at,
    signerName: row.signer_name,
    formId: row.form_id,
  };
}

/** What an accepted decision entitles to, and how much of it was already handed over. */
export function entitlementOf(decision: DecisionRow | null, deliveries: readonly DeliveryRow[]): EntitlementView | null {
  if (!decision || decision.outcome !== 'accepted' || decision.amount === null) return null;
  const installments = decision.installments ?? 1;
  const approvedTotal = decision.amount * installments;
  const against = deliveries.filter((d) => d.decision_id === decision.id);
  const deliveredTotal = against.reduce((sum, d) => sum + d.amount, 0);
  return {
    decisionId: decision.id,
    schedule: (decision.schedule ?? 'one_off') as EntitlementView['schedule'],
    amountPerInstallment: decision.amount,
    installments,
    approvedTotal,
    deliveredTotal,
    deliveriesMade: against.length,
    remaining: approvedTotal - deliveredTotal,
  };
}

export type CaseRows = { reports: ReportRow[]; decisions: DecisionRow[]; deliveries: DeliveryRow[]; currentDecision: DecisionRow | null; currentReport: ReportRow | null };

export async function caseRows(ctx: ServiceContext, requestId: string): Promise<CaseRows> {
  const [reports, decisions, deliveries] = await Promise.all([listReports(ctx.db, requestId), listDecisions(ctx.db, requestId), listDeliveries(ctx.db, requestId)]);
  return { reports, decisions, deliveries, currentDecision: currentOf(decisions), currentReport: currentOf(reports) };
}

export async function committeeCase(ctx: ServiceContext, actor: Actor, request: SupportRequestRow): Promise<CommitteeCase> {
  const beneficiary = await requireBeneficiaryInScope(ctx, actor, request.beneficiary_id);
  const rows = await caseRows(ctx, request.id);
  const sessions = await listSessionsOfRequest(ctx.db, request.id);
  const agenda = await listAgenda(ctx.db, sessions.map((s) => s.id));
  const type = await findRequestType(ctx.db, request.request_type_code);
  const letter = await findCurrentForm(ctx.db, 'committee_decision', { beneficiaryId: beneficiary.id, requestId: request.id });
  const informed = rows.currentDecision ? await wasInformedSince(ctx.db, beneficiary.id, rows.currentDecision.decided_at) : false;
  const clock = clockOf(request);
  const waiting = request.state === 'submitted' || request.state === 'under_study';
  return {
    requestId: request.id,
    beneficiaryId: beneficiary.id,
    beneficiaryName: fullName(beneficiary),
    // As the role's profile shows it (PROFILE_VISIBILITY): the committee and oversight see it masked.
    beneficiaryPhone: profileVisibility(actor.role) === 'clear' ? localPhone(beneficiary.phone_primary) : maskNullable(localPhone(beneficiary.phone_primary), maskPhone),
    requestTypeNameAr: type?.name_ar ?? request.request_type_code,
    requestTypeNameEn: type?.name_en ?? request.request_type_code,
    summary: request.summary,
    state: request.state as RequestState,
    submittedAt: request.submitted_at,
    dueDate: request.due_date,
    daysLeft: waiting && request.due_date ? daysLeft(request.due_date, ctx.now, clock.mode) : null,
    clockMode: clock.mode,
    level: waiting && request.submitted_at ? clockLevel(escalationMoments(new Date(request.submitted_at), clock), ctx.now) : 'decided',
    reports: rows.reports.map((r) => reportView(r, r.id === rows.currentReport?.id)),
    decisions: rows.decisions.map((d) => decisionView(d, d.id === rows.currentDecision?.id)),
    sessions: sessionViews(sessions, agenda),
    entitlement: entitlementOf(rows.currentDecision, rows.deliveries),
    deliveries: rows.deliveries.map(deliveryView),
    letter: letter ? (formSummary(letter) satisfies FormSummary) : null,
    informed,
    // The beneficiary's own choice first; without one, the phone when a number is on file, else a letter.
    preferredChannel: preferredChannelOf(beneficiary.preferred_channel) ?? (beneficiary.phone_primary ? 'phone' : 'letters'),
  };
}
