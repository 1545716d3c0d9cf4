import { z } from 'zod';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '../domain/complaint-flow';
import { CONTACT_CHANNEL_CODES } from '../domain/contact-channels';
import { REGISTRY_WRITERS, type Role } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, optionalText, requiredText } from './common';

/** Complaints and suggestions: received on any channel, acknowledged, assigned, answered in time, closed. */

export const COMPLAINT_MANAGERS: readonly Role[] = ['manager', 'admin'];

export const ComplaintView = z.object({
  id: Id,
  beneficiaryId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  ticketId: Id.nullable(),
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CONTACT_CHANNEL_CODES),
  subject: z.string(),
  details: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: IsoDateTime,
  responseDue: z.string(),
  overdue: z.boolean(),
  assignedToName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  informedChannel: z.enum(CONTACT_CHANNEL_CODES).nullable(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

const Count = z.object({ key: z.string(), count: z.number().int() });

const ById = z.object({ id: Id }).strict();

export const complaintMethods = {
  'complaints.receive': defineMethod({
    input: z
      .object({
        beneficiaryId: Id.nullish().transform((v) => v ?? null),
        ticketId: Id.nullish().transform((v) => v ?? null),
        kind: z.enum(COMPLAINT_KINDS, { error: 'validation.invalidChoice' }),
        channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }),
        subject: requiredText(200),
        details: optionalText(4000),
      })
      .strict(),
    output: ComplaintView,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'complaints.list': defineMethod({
    input: z.object({ status: z.enum(['open', 'closed', 'all']).default('open') }),
    output: z.object({ items: z.array(ComplaintView) }),
    access: REGISTRY_WRITERS,
    writes: false,
  }),
  'complaints.acknowledge': defineMethod({ input: ById, output: ComplaintView, access: REGISTRY_WRITERS, writes: true }),
  'complaints.assign': defineMethod({ input: z.object({ id: Id, userId: Id }).strict(), output: ComplaintView, access: COMPLAINT_MANAGERS, writes: true }),
  'complaints.answer': defineMethod({ input: z.object({ id: Id, answer: requiredText(4000) }).strict(), output: ComplaintView, access: REGISTRY_WRITERS, writes: true }),
  /** Closes an answered case once the beneficiary was told (recorded in the contact log when known). */
  'complaints.close': defineMethod({
    input: z.object({ id: Id, channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }) }).strict(),
    output: ComplaintView,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** Staff of the branch a case can be assigned to. */
  'complaints.assignees': defineMethod({ input: z.object({}), output: z.object({ items: z.array(z.object({ id: Id, name: z.string(), role: z.string() })) }), access: COMPLAINT_MANAGERS, writes: false }),
  /** For the reports: counts by kind, status and channel, overdue and answered on time. */
  'complaints.counts': defineMethod({
    input: z.object({}),
    output: z.object({ byKind: z.array(Count), byStatus: z.array(Count), byChannel: z.array(Count), overdue: z.number().int(), answeredOnTime: z.number().int(), answeredLate: z.number().int() }),
    access: COMPLAINT_MANAGERS,
    writes: false,
  }),
  'complaints.settings': defineMethod({ input: z.object({}), output: z.object({ responseDays: z.number().int() }), access: 'session', writes: false }),
  'complaints.setSettings': defineMethod({
    input: z.object({ responseDays: z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.responseDays' }).max(60, { error: 'validation.responseDays' }) }).strict(),
    output: z.object({ responseDays: z.number().int() }),
    access: COMPLAINT_MANAGERS,
    writes: true,
  }),
};
