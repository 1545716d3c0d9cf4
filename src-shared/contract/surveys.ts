import { z } from 'zod';
import { CSAT_MAX, CSAT_MIN, NPS_MAX, NPS_MIN, SURVEY_CHANNELS, SURVEY_SERVICES } from '../domain/survey-scores';
import { ROLES, type Role } from '../domain/roles';
import { TREND_GRANULARITIES, TREND_VIEWS } from '../domain/survey-trends';
import { defineMethod } from './define';
import { Id, IsoDateTime, optionalText, requiredText } from './common';

/** Satisfaction surveys after a visit, a call or a delivery, and the follow-ups a low score opens. */

export const SUPERVISOR_ROLES: readonly Role[] = ['manager', 'admin'];
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });

export const SurveyAnswer = z.object({
  beneficiaryId: Id.nullish().transform((v) => v ?? null),
  requestId: Id.nullish().transform((v) => v ?? null),
  service: z.enum(SURVEY_SERVICES, { error: 'validation.invalidChoice' }),
  channel: z.enum(SURVEY_CHANNELS, { error: 'validation.invalidChoice' }),
  csat: z.number({ error: 'validation.csatRange' }).int({ error: 'validation.csatRange' }).min(CSAT_MIN, { error: 'validation.csatRange' }).max(CSAT_MAX, { error: 'validation.csatRange' }),
  nps: z.number({ error: 'validation.npsRange' }).int({ error: 'validation.npsRange' }).min(NPS_MIN, { error: 'validation.npsRange' }).max(NPS_MAX, { error: 'validation.npsRange' }).nullish().transform((v) => v ?? null),
  comment: optionalText(1000),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const ScoreSummary = z.object({
  responses: z.number().int(),
  csatAverage: z.number().nullable(),
  satisfiedPercent: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  npsResponses: z.number().int(),
});
const Group = ScoreSummary.extend({ key: z.string(), label: z.string().nullable() });
export type ScoreGroup = z.infer<typeof Group>;

export const FollowUpView = z.object({
  id: Id,
  responseId: Id,
  status: z.enum(['open', 'closed']),
  dueOn: z.string(),
  csat: z.number().int(),
  nps: z.number().int().nullable(),
  comment: z.string().nullable(),
  service: z.enum(SURVEY_SERVICES),
  channel: z.enum(SURVEY_CHANNELS),
  beneficiaryId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  answeredAt: IsoDateTime,
  resolution: z.string().nullable(),
  closedAt: IsoDateTime.nullable(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

const Period = z.object({ from: IsoDay.nullish().transform((v) => v ?? null), to: IsoDay.nullish().transform((v) => v ?? null) });

/** What a printed QR slip is for: the service just given, and (optionally) whom it was given to. */
export const SurveyInvitationInput = z
  .object({
    service: z.enum(SURVEY_SERVICES, { error: 'validation.invalidChoice' }),
    beneficiaryId: Id.nullish().transform((v) => v ?? null),
    requestId: Id.nullish().transform((v) => v ?? null),
  })
  .strict();

export const SurveyInvitation = z.object({
  id: Id,
  /** The address the QR code opens (head office's survey page with the one-time token). */
  url: z.string(),
  expiresAt: IsoDateTime,
  file: z.object({ pdfBase64: z.string(), fileName: z.string(), sha256: z.string() }),
});

const TrendLine = z.object({
  key: z.string(),
  label: z.string().nullable(),
  points: z.array(z.object({ period: z.string(), responses: z.number().int(), csatAverage: z.number().nullable(), nps: z.number().int().nullable() })),
});

export const surveyMethods = {
  /**
   * CSAT average and NPS by week or month: `mine` (anyone) gives the caller's own line (from a few
   * answers on) beside the team's; supervisors may group by service, branch or channel. Never by staff.
   */
  'surveys.trends': defineMethod({
    input: Period.extend({ granularity: z.enum(TREND_GRANULARITIES, { error: 'validation.invalidChoice' }), view: z.enum(TREND_VIEWS, { error: 'validation.invalidChoice' }) }).strict(),
    output: z.object({ periods: z.array(z.string()), lines: z.array(TrendLine) }),
    access: ROLES,
    writes: false,
  }),
  /** A one-time QR survey slip (PDF) for the service just given; answered on head office's page. */
  'surveys.invite': defineMethod({ input: SurveyInvitationInput, output: SurveyInvitation, access: ROLES, writes: true }),
  /** One answer, at the kiosk (the desk's session), by phone or from a printed QR, entered by staff. */
  'surveys.submit': defineMethod({
    input: SurveyAnswer,
    output: z.object({ id: Id, followUpId: Id.nullable() }),
    access: ROLES,
    writes: true,
  }),
  /** Managers: results per service, branch, channel and month; no figures per named member of staff. */
  'surveys.results': defineMethod({
    input: Period,
    output: z.object({ overall: ScoreSummary, byService: z.array(Group), byBranch: z.array(Group), byChannel: z.array(Group), byMonth: z.array(Group) }),
    access: SUPERVISOR_ROLES,
    writes: false,
  }),
  /** Anyone: their own results (shown from a few answers on) beside their team's average. */
  'surveys.mine': defineMethod({
    input: Period,
    output: z.object({ mine: ScoreSummary.nullable(), myResponses: z.number().int(), team: ScoreSummary, mineByMonth: z.array(Group) }),
    access: ROLES,
    writes: false,
  }),
  'surveys.followUps': defineMethod({
    input: z.object({ status: z.enum(['open', 'closed', 'all']).default('open') }),
    output: z.object({ items: z.array(FollowUpView) }),
    access: SUPERVISOR_ROLES,
    writes: false,
  }),
  'surveys.closeFollowUp': defineMethod({
    input: z.object({ id: Id, resolution: requiredText(1000) }).strict(),
    output: FollowUpView,
    access: SUPERVISOR_ROLES,
    writes: true,
  }),
};
