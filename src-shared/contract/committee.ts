import { z } from 'zod';
import { CLOCK_MODES } from '../domain/committee-clock';
import { CLOCK_MOMENTS } from '../domain/committee-escalation';
import { CONTACT_CHANNEL_CODES } from '../domain/contact-channels';
import { REQUEST_STATES } from '../domain/request-state';
import { ROLES, type Role } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, optionalText, requiredText } from './common';
import { FormSummary } from './forms';

/**
 * The research committee (policy step 5): the board of requests on the 14-day clock, the clock's
 * notifications to the manager, the social research report, committee sessions and decisions (written
 * once; a correction supersedes), the decision letter and informing the beneficiary.
 */

export const RESEARCH_ROLES: readonly Role[] = ['researcher', 'manager'];
export const DECISION_ROLES: readonly Role[] = ['committee', 'manager'];
/** The board is read by the desk too: accepted requests waiting for delivery are theirs to serve. */
export const BOARD_ROLES: readonly Role[] = ['reception', 'researcher', 'committee', 'manager', 'admin'];
export const NOTIFIED_ROLES: readonly Role[] = ['manager', 'admin'];

export const VISIT_KINDS = ['home_visit', 'office_interview', 'phone'] as const;
export const HOUSING_CONDITIONS = ['good', 'fair', 'poor', 'unsafe'] as const;
export const RECOMMENDATIONS = ['accept', 'reject', 'defer'] as const;
export const DECISION_OUTCOMES = ['accepted', 'rejected', 'deferred'] as const;
export const AID_SCHEDULES = ['one_off', 'monthly', 'seasonal'] as const;
/**
 * Requests the board shows by default: those on the clock, and accepted ones waiting for delivery.
 * Rejected requests leave the board (years of them would bury the clock); a filter brings them back.
 */
export const BOARD_STATES = ['submitted', 'under_study', 'decided_accepted'] as const;

const IsoDay = z.string({ error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });
const Riyals = z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(0, { error: 'validation.notNegative' }).max(1_000_000, { error: 'validation.tooLarge' });
const PositiveRiyals = Riyals.refine((v) => v > 0, { error: 'validation.amountPositive' });

export const ReportInput = z.object({
  visitDate: IsoDay,
  visitKind: z.enum(VISIT_KINDS, { error: 'validation.invalidChoice' }),
  householdSize: z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.invalidType' }).max(60, { error: 'validation.tooLarge' }),
  monthlyIncome: Riyals,
  monthlyExpenses: Riyals,
  housingCondition: z.enum(HOUSING_CONDITIONS, { error: 'validation.invalidChoice' }),
  needs: requiredText(1000),
  narrative: requiredText(8000),
  recommendation: z.enum(RECOMMENDATIONS, { error: 'validation.invalidChoice' }),
  recommendedAmount: Riyals.nullish().transform((v) => v ?? null),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const DecisionInput = z.discriminatedUnion(
  'outcome',
  [
    z.object({
      outcome: z.literal('accepted'),
      amount: PositiveRiyals,
      items: optionalText(1000),
      schedule: z.enum(AID_SCHEDULES, { error: 'validation.invalidChoice' }),
      installments: z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.installments' }).max(24, { error: 'validation.installments' }),
    }),
    z.object({ outcome: z.literal('rejected'), reason: requiredText(2000) }),
    z.object({ outcome: z.literal('deferred'), missing: requiredText(2000) }),
  ],
  { error: 'validation.invalidChoice' },
).refine((d) => d.outcome !== 'accepted' || d.schedule !== 'one_off' || d.installments === 1, { path: ['installments'], error: 'validation.installmentsOneOff' });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const BoardItem = z.object({
  requestId: Id,
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  requestTypeNameAr: z.string(),
  requestTypeNameEn: z.string(),
  state: z.enum(REQUEST_STATES),
  submittedAt: IsoDateTime,
  dueDate: z.string(),
  warningDate: z.string(),
  clockMode: z.enum(CLOCK_MODES),
  /** In the clock's own unit (calendar or working days); negative once overdue. Null once decided. */
  daysLeft: z.number().int().nullable(),
  level: z.enum(['on_time', 'warning', 'overdue', 'decided']),
  hasReport: z.boolean(),
});
export type BoardItem = z.infer<typeof BoardItem>;

export const NotificationView = z.object({
  id: Id,
  requestId: Id,
  beneficiaryName: z.string(),
  requestTypeNameAr: z.string(),
  requestTypeNameEn: z.string(),
  moment: z.enum(CLOCK_MOMENTS),
  dueDate: z.string(),
  createdAt: IsoDateTime,
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const ReportView = ReportInput.extend({ id: Id, researcherName: z.string().nullable(), writtenAt: IsoDateTime, supersedesId: Id.nullable(), current: z.boolean() });
export type ReportView = z.infer<typeof ReportView>;

export const DecisionView = z.object({
  id: Id,
  outcome: z.enum(DECISION_OUTCOMES),
  amount: z.number().int().nullable(),
  items: z.string().nullable(),
  schedule: z.enum(AID_SCHEDULES).nullable(),
  installments: z.number().int().nullable(),
  reason: z.string().nullable(),
  missing: z.string().nullable(),
  sessionId: Id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: IsoDateTime,
  supersedesId: Id.nullable(),
  current: z.boolean(),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const SessionView = z.object({
  id: Id,
  heldOn: z.string(),
  membersPresent: z.array(z.string()),
  notes: z.string().nullable(),
  agenda: z.array(z.object({ requestId: Id, beneficiaryName: z.string() })),
});
export type SessionView = z.infer<typeof SessionView>;

export const DeliveryView = z.object({
  id: Id,
  decisionId: Id,
  amount: z.number().int(),
  items: z.string(),
  place: z.string(),
  deliveredByName: z.string().nullable(),
  deliveredAt: IsoDateTime,
  signerName: z.string(),
  formId: Id.nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

/** An accepted decision as what the beneficiary is owed: one payment, or instalments. */
export const EntitlementView = z.object({
  decisionId: Id,
  schedule: z.enum(AID_SCHEDULES),
  amountPerInstallment: z.number().int(),
  installments: z.number().int(),
  approvedTotal: z.number().int(),
  deliveredTotal: z.number().int(),
  deliveriesMade: z.number().int(),
  remaining: z.number().int(),
});
export type EntitlementView = z.infer<typeof EntitlementView>;

export const CommitteeCase = z.object({
  requestId: Id,
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  beneficiaryPhone: z.string().nullable(),
  requestTypeNameAr: z.string(),
  requestTypeNameEn: z.string(),
  summary: z.string().nullable(),
  state: z.enum(REQUEST_STATES),
  submittedAt: IsoDateTime.nullable(),
  dueDate: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  clockMode: z.enum(CLOCK_MODES),
  level: BoardItem.shape.level,
  reports: z.array(ReportView),
  decisions: z.array(DecisionView),
  sessions: z.array(SessionView),
  entitlement: EntitlementView.nullable(),
  deliveries: z.array(DeliveryView),
  letter: FormSummary.nullable(),
  informed: z.boolean(),
  /** The channel to reach the beneficiary by: the phone when one is on file, else a letter. */
  preferredChannel: z.enum(CONTACT_CHANNEL_CODES),
});
export type CommitteeCase = z.infer<typeof CommitteeCase>;

const ByRequest = z.object({ requestId: Id }).strict();

export const committeeMethods = {
  /** Evaluates the clocks (writing due notifications once) and lists the board. */
  'committee.board': defineMethod({
    input: z.object({ states: z.array(z.enum(REQUEST_STATES, { error: 'validation.invalidChoice' })).max(7).default([...BOARD_STATES]), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ items: z.array(BoardItem), today: z.string() }),
    access: BOARD_ROLES,
    writes: true,
  }),
  /** The periodic check: writes the warnings and escalations that fell due; the count written. */
  'committee.checkClocks': defineMethod({ input: z.object({}), output: z.object({ created: z.number().int() }), access: ROLES, writes: true }),
  'committee.case': defineMethod({ input: ByRequest, output: CommitteeCase, access: BOARD_ROLES, writes: false }),
  /** The researcher's report; writing the first one starts the study (submitted → under_study). */
  'committee.writeReport': defineMethod({
    input: z.object({ requestId: Id, supersedesId: Id.nullish().transform((v) => v ?? null), report: ReportInput }).strict(),
    output: CommitteeCase,
    access: RESEARCH_ROLES,
    writes: true,
  }),
  'committee.createSession': defineMethod({
    input: z.object({
      heldOn: IsoDay,
      membersPresent: z.array(requiredText(120)).min(1, { error: 'validation.membersPresent' }).max(20, { error: 'validation.tooLong' }),
      agenda: z.array(Id).min(1, { error: 'validation.agendaEmpty' }).max(100, { error: 'validation.tooLong' }),
      notes: optionalText(2000),
    }).strict(),
    output: SessionView,
    access: DECISION_ROLES,
    writes: true,
  }),
  'committee.sessions': defineMethod({ input: z.object({}), output: z.object({ items: z.array(SessionView) }), access: BOARD_ROLES, writes: false }),
  /** Written once: a second decision must name the current one it supersedes. */
  'committee.decide': defineMethod({
    input: z.object({ requestId: Id, sessionId: Id.nullish().transform((v) => v ?? null), supersedesId: Id.nullish().transform((v) => v ?? null), decision: DecisionInput }).strict(),
    output: CommitteeCase,
    access: DECISION_ROLES,
    writes: true,
  }),
  /** The decision letter, from the signed-forms engine, built from the current decision row. */
  'forms.generateDecisionLetter': defineMethod({ input: ByRequest, output: FormSummary, access: BOARD_ROLES, writes: true }),
  /** Records in the contact log that the beneficiary was told of the decision. */
  'committee.informBeneficiary': defineMethod({
    input: z.object({ requestId: Id, channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }), details: optionalText(1000) }).strict(),
    output: CommitteeCase,
    access: ['reception', 'researcher', 'committee', 'manager'],
    writes: true,
  }),
  'notifications.list': defineMethod({
    input: z.object({ unreadOnly: z.boolean().default(false) }),
    output: z.object({ items: z.array(NotificationView), unread: z.number().int() }),
    access: NOTIFIED_ROLES,
    writes: false,
  }),
  'notifications.markRead': defineMethod({ input: z.object({ id: Id }).strict(), output: z.object({ ok: z.literal(true) }), access: NOTIFIED_ROLES, writes: true }),
};
