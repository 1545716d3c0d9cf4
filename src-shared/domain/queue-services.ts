import { DISPLAY_TIME_ZONE } from './calendar';

/**
 * The reception queue's policy as data: service types and their ticket prefixes, visitor priorities
 * and their default weights, ticket states. Stored as these English codes, shown in Arabic by i18n.
 */

/** One prefix letter per service: the visitor reads the service on the ticket number itself. */
export const QUEUE_SERVICES = [
  { code: 'new_request', prefix: 'A' },
  { code: 'follow_up', prefix: 'B' },
  { code: 'delivery', prefix: 'C' },
  { code: 'inquiry', prefix: 'D' },
  { code: 'complaint', prefix: 'E' },
  // The social researcher's own queue: visitors referred by a desk when procedures are unclear (step 3).
  { code: 'researcher', prefix: 'R' },
] as const;
export type QueueService = (typeof QUEUE_SERVICES)[number]['code'];
export const QUEUE_SERVICE_CODES = QUEUE_SERVICES.map((s) => s.code) as [QueueService, ...QueueService[]];

/** Services a visitor can take a ticket for at reception; the researcher queue is reached by transfer. */
export const RECEPTION_SERVICES: readonly QueueService[] = ['new_request', 'follow_up', 'delivery', 'inquiry', 'complaint'];

export function servicePrefix(service: QueueService): string {
  const found = QUEUE_SERVICES.find((s) => s.code === service);
  if (!found) throw new Error(`Unknown queue service ${service}`);
  return found.prefix;
}

/** Default weights (higher is called first); the store keeps the configurable copy (queue_priorities). */
export const DEFAULT_PRIORITIES = [
  { code: 'urgent', weight: 40 },
  { code: 'disabled', weight: 30 },
  { code: 'elderly', weight: 20 },
  { code: 'pregnant', weight: 20 },
  { code: 'none', weight: 0 },
] as const;
export type PriorityCode = (typeof DEFAULT_PRIORITIES)[number]['code'];
export const PRIORITY_CODES = DEFAULT_PRIORITIES.map((p) => p.code) as [PriorityCode, ...PriorityCode[]];

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred'] as const;
export type TicketState = (typeof TICKET_STATES)[number];
export const FINISHED_STATES: readonly TicketState[] = ['done', 'no_show', 'transferred'];

/** «A-014»: three digits are enough for a day at one branch; more widen the number, never wrap it. */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(3, '0')}`;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: DISPLAY_TIME_ZONE,
});

/**
 * The queue day a moment belongs to: the calendar day in Riyadh, where the desks are. Numbering
 * restarts at 1 each local morning, not at 03:00 when the UTC date turns.
 */
export function queueDay(at: Date): string {
  return DAY_FORMAT.format(at);
}
