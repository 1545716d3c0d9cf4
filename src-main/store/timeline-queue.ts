import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { TimelineRow } from './timeline-row';

type Db = Kysely<Database> | Transaction<Database>;

/** Every event of the tickets linked to the beneficiary (issued, called, served, done…), from ticket_events (0002). */
export async function ticketEvents(db: Db, beneficiaryId: string, before: string, limit: number): Promise<TimelineRow[]> {
  const rows = await db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .leftJoin('users', 'users.id', 'ticket_events.user_id')
    .select(['ticket_events.id', 'ticket_events.event', 'ticket_events.at', 'tickets.number', 'tickets.service_code', 'users.display_name'])
    .where('tickets.beneficiary_id', '=', beneficiaryId)
    .where('ticket_events.at', '<', before)
    .orderBy('ticket_events.at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: `ticket:${r.id}`,
    kind: 'ticket' as const,
    at: r.at,
    actorName: r.display_name,
    summary: r.number,
    fields: [],
    attributes: { ticketEvent: r.event, service: r.service_code },
  }));
}
