import { z } from 'zod';
import { parseDateInput } from '../domain/calendar';
import {
  CONTACT_CHANNEL_CODES,
  CONTACT_DIRECTIONS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
} from '../domain/contact-channels';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, OptionalSaudiMobile, optionalText, requiredText } from './common';

/** A follow-up day typed in either calendar; stored as a Gregorian ISO date. */
const OptionalFollowUpDate = z
  .string()
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const parsed = parseDateInput(raw);
    if (!parsed.ok || parsed.iso < '2000-01-01' || parsed.iso > '2100-12-31') {
      ctx.addIssue({ code: 'custom', message: 'validation.date' });
      return z.NEVER;
    }
    return parsed.iso;
  });

/** When the exchange took place; the desk may log a call after hanging up (checked against now by the service). */
const OptionalOccurredAt = z
  .string()
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const time = Date.parse(raw);
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: 'custom', message: 'validation.date' });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  });

/** One exchange with a beneficiary (or an unnamed caller) over one of the policy's eight channels. */
export const ContactInput = z
  .object({
    /** Null: an anonymous inquiry; the caller's name and phone are then optional. */
    beneficiaryId: Id.nullish().transform((v) => v ?? null),
    callerName: optionalText(120),
    callerPhone: OptionalSaudiMobile,
    channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }),
    direction: z.enum(CONTACT_DIRECTIONS, { error: 'validation.invalidChoice' }),
    contactKind: z.enum(CONTACT_KINDS, { error: 'validation.invalidChoice' }),
    subject: requiredText(200),
    details: optionalText(4000),
    outcome: z.enum(CONTACT_OUTCOMES, { error: 'validation.invalidChoice' }),
    nextStep: optionalText(500),
    followUpOn: OptionalFollowUpDate,
    occurredAt: OptionalOccurredAt,
  })
  // "Needs follow-up" without a day would never reach the desk's follow-up list.
  .refine((v) => v.outcome !== 'follow_up_needed' || v.followUpOn !== null, { path: ['followUpOn'], error: 'validation.required' })
  // A known beneficiary is the record itself: a caller name beside it would be a second, unchecked identity.
  .transform((v) => (v.beneficiaryId ? { ...v, callerName: null, callerPhone: null } : v));
export type ContactInputRaw = z.input<typeof ContactInput>;
export type ContactData = z.output<typeof ContactInput>;

export const ContactEntry = z.object({
  id: Id,
  beneficiaryId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNEL_CODES),
  direction: z.enum(CONTACT_DIRECTIONS),
  contactKind: z.enum(CONTACT_KINDS),
  subject: z.string(),
  details: z.string().nullable(),
  outcome: z.enum(CONTACT_OUTCOMES),
  nextStep: z.string().nullable(),
  followUpOn: z.string().nullable(),
  occurredAt: IsoDateTime,
  recordedByName: z.string().nullable(),
  branchName: z.string(),
  /** The entry this one corrects (corrections are new rows; the old one is kept). */
  correctsId: Id.nullable(),
});
export type ContactEntry = z.infer<typeof ContactEntry>;

export const CONTACT_LIST_VIEWS = ['recorded', 'follow_ups_due'] as const;

export const contactMethods = {
  'contacts.record': defineMethod({
    input: z.object({ contact: ContactInput }),
    output: ContactEntry,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** Corrects an entry: a new row pointing at the old one, which stays in the store, unlisted. */
  'contacts.correct': defineMethod({
    input: z.object({ id: Id, contact: ContactInput }),
    output: ContactEntry,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** Withdraws an entry logged by mistake: a retraction row with the reason; nothing is deleted. */
  'contacts.retract': defineMethod({
    input: z.object({ id: Id, retractionReason: requiredText(300) }),
    output: z.object({ ok: z.literal(true) }),
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'contacts.forBeneficiary': defineMethod({
    input: z.object({ beneficiaryId: Id }),
    output: z.object({ items: z.array(ContactEntry) }),
    access: REGISTRY_READERS,
    writes: false,
  }),
  /** The desk's day: contacts logged on a day (default today, Riyadh time), or follow-ups due by then. */
  'contacts.daily': defineMethod({
    input: z.object({
      view: z.enum(CONTACT_LIST_VIEWS, { error: 'validation.invalidChoice' }).default('recorded'),
      channel: z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' }).nullish(),
      day: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
        .nullish(),
    }),
    output: z.object({
      day: z.string(),
      items: z.array(ContactEntry),
      /** Entries per channel for the day, before the channel filter: the desk sees where people come from. */
      countsByChannel: z.record(z.enum(CONTACT_CHANNEL_CODES), z.number().int()),
    }),
    access: REGISTRY_READERS,
    writes: false,
  }),
};
