import { z } from 'zod';
import { CONTACT_CHANNEL_CODES, CONTACT_OUTCOMES } from '../domain/contact-channels';
import { OUTREACH_KINDS, OUTREACH_TASK_KINDS, validSchedule } from '../domain/outreach-rules';
import { SEASON_CALENDARS, SEASON_ELIGIBILITIES, SEASONS, validLeadDays, validSeasonDate } from '../domain/outreach-seasons';
import { REGISTRY_WRITERS, type Role } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, optionalText, requiredText } from './common';

/** Proactive outreach: the rules (as data), the pass that makes tasks, and the list worked by phone. */

export const RULE_EDITORS: readonly Role[] = ['manager', 'admin'];

export const RuleInput = z
  .object({
    code: z.string({ error: 'validation.required' }).regex(/^[a-z][a-z0-9_]{2,39}$/, { error: 'validation.ruleCode' }),
    kind: z.enum(OUTREACH_KINDS, { error: 'validation.invalidChoice' }),
    days: z.number({ error: 'validation.outreachSchedule' }),
    channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }),
    script: requiredText(1000),
    active: z.boolean(),
  })
  .strict()
  .refine((r) => validSchedule(r.kind, r.days), { path: ['days'], error: 'validation.outreachSchedule' });

export const RuleView = z.object({ code: z.string(), kind: z.enum(OUTREACH_KINDS), days: z.number().int(), channel: z.enum(CONTACT_CHANNEL_CODES), script: z.string(), active: z.boolean() });
export type RuleView = z.infer<typeof RuleView>;

/** A seasonal programme: its day in the Hijri or Gregorian year, the lead time and who is eligible. */
export const SeasonInput = z
  .object({
    code: z.string({ error: 'validation.required' }).regex(/^[a-z][a-z0-9_]{2,39}$/, { error: 'validation.ruleCode' }),
    season: z.enum(SEASONS, { error: 'validation.invalidChoice' }),
    calendar: z.enum(SEASON_CALENDARS, { error: 'validation.invalidChoice' }),
    month: z.number({ error: 'validation.seasonDate' }),
    day: z.number({ error: 'validation.seasonDate' }),
    leadDays: z.number({ error: 'validation.seasonLeadDays' }).refine(validLeadDays, { error: 'validation.seasonLeadDays' }),
    eligibility: z.enum(SEASON_ELIGIBILITIES, { error: 'validation.invalidChoice' }),
    channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }),
    script: requiredText(1000),
    active: z.boolean(),
  })
  .strict()
  .refine((s) => validSeasonDate(s), { path: ['day'], error: 'validation.seasonDate' });

export const SeasonView = z.object({
  code: z.string(),
  season: z.enum(SEASONS),
  calendar: z.enum(SEASON_CALENDARS),
  month: z.number().int(),
  day: z.number().int(),
  leadDays: z.number().int(),
  eligibility: z.enum(SEASON_ELIGIBILITIES),
  channel: z.enum(CONTACT_CHANNEL_CODES),
  script: z.string(),
  active: z.boolean(),
  /** The next day (ISO) the programme falls on, from today. */
  nextOn: z.string().nullable(),
});
export type SeasonView = z.infer<typeof SeasonView>;

export const TaskView = z.object({
  id: Id,
  ruleCode: z.string(),
  kind: z.enum(OUTREACH_TASK_KINDS),
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  phone: z.string().nullable(),
  requestId: Id.nullable(),
  anchorDay: z.string(),
  channel: z.enum(CONTACT_CHANNEL_CODES),
  script: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  outcome: z.enum(CONTACT_OUTCOMES).nullable(),
  doneByName: z.string().nullable(),
  doneAt: IsoDateTime.nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

export const outreachMethods = {
  'outreach.rules': defineMethod({ input: z.object({}), output: z.object({ items: z.array(RuleView) }), access: REGISTRY_WRITERS, writes: false }),
  'outreach.saveRule': defineMethod({ input: RuleInput, output: RuleView, access: RULE_EDITORS, writes: true }),
  'outreach.seasons': defineMethod({ input: z.object({}), output: z.object({ items: z.array(SeasonView) }), access: REGISTRY_WRITERS, writes: false }),
  'outreach.saveSeason': defineMethod({ input: SeasonInput, output: SeasonView, access: RULE_EDITORS, writes: true }),
  /** The pass: every active rule's due facts become tasks (each once); returns how many were made. */
  'outreach.evaluate': defineMethod({ input: z.object({}), output: z.object({ created: z.number().int() }), access: REGISTRY_WRITERS, writes: true }),
  'outreach.list': defineMethod({
    input: z.object({ status: z.enum(['open', 'done']).default('open') }),
    output: z.object({ items: z.array(TaskView) }),
    access: REGISTRY_WRITERS,
    writes: false,
  }),
  /** Done by phone (or the task's channel): the exchange lands in the contact log. */
  'outreach.complete': defineMethod({
    input: z.object({ id: Id, outcome: z.enum(CONTACT_OUTCOMES, { error: 'validation.invalidChoice' }), details: optionalText(2000) }).strict(),
    output: TaskView,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
};
