import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { TimelineRow } from './timeline-row';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Registry events of one beneficiary: registration, edits of the record (one event per save, from
 * field_history), and household members added, edited or removed. Each query stops at `before` and
 * `limit`, so the merge never reads more than a page from any source.
 */
export async function registryEvents(db: Db, beneficiaryId: string, before: string, limit: number): Promise<TimelineRow[]> {
  const events: TimelineRow[] = [];

  const registered = await db
    .selectFrom('beneficiaries')
    .leftJoin('users', 'users.id', 'beneficiaries.created_by')
    .select(['beneficiaries.id', 'beneficiaries.created_at', 'users.display_name'])
    .where('beneficiaries.id', '=', beneficiaryId)
    .where('beneficiaries.created_at', '<', before)
    .executeTakeFirst();
  if (registered) {
    events.push({ id: `registered:${registered.id}`, kind: 'registered', at: registered.created_at, actorName: registered.display_name, summary: null, fields: [], attributes: {} });
  }

  // One save writes all its field rows with one HLC stamp: grouped back into one event.
  const edits = await db
    .selectFrom('field_history')
    .leftJoin('users', 'users.id', 'field_history.changed_by')
    .select(['field_history.hlc', 'field_history.changed_at', 'field_history.field', 'users.display_name'])
    .where('field_history.table_name', '=', 'beneficiaries')
    .where('field_history.row_id', '=', beneficiaryId)
    .where('field_history.changed_at', '<', before)
    .orderBy('field_history.changed_at', 'desc')
    .limit(limit * 20)
    .execute();
  const byStamp = new Map<string, TimelineRow>();
  for (const edit of edits) {
    let event = byStamp.get(edit.hlc);
    if (!event) {
      event = { id: `record_edited:${beneficiaryId}:${edit.hlc}`, kind: 'record_edited', at: edit.changed_at, actorName: edit.display_name, summary: null, fields: [], attributes: {} };
      byStamp.set(edit.hlc, event);
      events.push(event);
    }
    event.fields.push(edit.field);
  }

  const members = await db
    .selectFrom('household_members')
    .select(['id', 'full_name', 'relation', 'created_at'])
    .where('beneficiary_id', '=', beneficiaryId)
    .where('created_at', '<', before)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  for (const m of members) {
    events.push({ id: `household_added:${m.id}`, kind: 'household_added', at: m.created_at, actorName: null, summary: m.full_name, fields: [], attributes: { relation: m.relation } });
  }

  const memberEdits = await db
    .selectFrom('field_history')
    .innerJoin('household_members', 'household_members.id', 'field_history.row_id')
    .leftJoin('users', 'users.id', 'field_history.changed_by')
    .select(['field_history.hlc', 'field_history.changed_at', 'field_history.field', 'field_history.row_id', 'household_members.full_name', 'household_members.relation', 'users.display_name'])
    .where('field_history.table_name', '=', 'household_members')
    .where('household_members.beneficiary_id', '=', beneficiaryId)
    .where('field_history.changed_at', '<', before)
    .orderBy('field_history.changed_at', 'desc')
    .limit(limit * 10)
    .execute();
  const memberStamps = new Map<string, TimelineRow>();
  for (const edit of memberEdits) {
    const removed = edit.field === 'removed_at';
    const key = `${edit.row_id}:${edit.hlc}`;
    let event = memberStamps.get(key);
    if (!event) {
      event = {
        id: `${removed ? 'household_removed' : 'household_edited'}:${key}`,
        kind: removed ? 'household_removed' : 'household_edited',
        at: edit.changed_at,
        actorName: edit.display_name,
        summary: edit.full_name,
        fields: [],
        attributes: { relation: edit.relation },
      };
      memberStamps.set(key, event);
      events.push(event);
    }
    if (!removed) event.fields.push(edit.field);
  }
  return events;
}
