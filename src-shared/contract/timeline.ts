import { z } from 'zod';
import { REGISTRY_READERS } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime } from './common';

/**
 * What can appear on a beneficiary's case timeline. Each kind comes from one table; kinds of areas
 * still being built are added here when their tables land, so the renderer can name every kind.
 */
export const TIMELINE_EVENT_KINDS = [
  'registered',
  'record_edited',
  'household_added',
  'household_edited',
  'household_removed',
  'contact',
  // Reception queue (0002), interview and support requests (0003), signed forms (0005).
  'ticket',
  'request_created',
  'request_state',
  'interview_step',
  'referral',
  'referral_answered',
  'signature',
  'signed_form',
  // Research committee and service delivery (0006).
  'research_report',
  'committee_decision',
  'delivery',
  'survey',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export const TimelineEvent = z.object({
  /** Stable per event: `<kind>:<source row id>[:<stamp>]`. */
  id: z.string(),
  kind: z.enum(TIMELINE_EVENT_KINDS),
  at: IsoDateTime,
  actorName: z.string().nullable(),
  /** A line of the event's own text (a contact's subject, a household member's name), or null. */
  summary: z.string().nullable(),
  /** Field codes an edit touched (registry field names), shown through the interface's labels. */
  fields: z.array(z.string()),
  /** Codes specific to the kind (channel, direction, outcome, relation…), shown through i18n. */
  attributes: z.record(z.string(), z.string()),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const timelineMethods = {
  /** Newest first; `before` pages back past the oldest event already shown. */
  'timeline.forBeneficiary': defineMethod({
    input: z.object({
      beneficiaryId: Id,
      limit: z.number().int().min(1).max(1000).default(200),
      before: IsoDateTime.nullish(),
    }),
    output: z.object({ events: z.array(TimelineEvent), hasMore: z.boolean() }),
    access: REGISTRY_READERS,
    writes: false,
  }),
};
