import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import type { TimelineRow } from './timeline-row';

type Db = Kysely<Database> | Transaction<Database>;

/** Current contact-log entries of a beneficiary (corrected and retracted versions left out). */
export async function contactEvents(db: Db, beneficiaryId: string, before: string, limit: number): Promise<TimelineRow[]> {
  const rows = await db
    .selectFrom('contacts')
    .leftJoin('users', 'users.id', 'contacts.recorded_by')
    .select(['contacts.id', 'contacts.occurred_at', 'contacts.subject', 'contacts.channel', 'contacts.direction', 'contacts.contact_kind', 'contacts.outcome', 'users.display_name'])
    .where('contacts.beneficiary_id', '=', beneficiaryId)
    .where('contacts.retracted', '=', 0)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM contacts AS later WHERE later.corrects_id = contacts.id)`)
    .where('contacts.occurred_at', '<', before)
    .orderBy('contacts.occurred_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: `contact:${r.id}`,
    kind: 'contact' as const,
    at: r.occurred_at,
    actorName: r.display_name,
    summary: r.subject,
    fields: [],
    attributes: { channel: r.channel, direction: r.direction, contactKind: r.contact_kind, outcome: r.outcome },
  }));
}
