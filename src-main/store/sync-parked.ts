import type { Transaction } from 'kysely';
import type { Database } from './schema';

/** Settling a parked change (sync_rejections): back into the outbox, or set aside for good. */

type Tx = Transaction<Database>;

export type ParkedEntry = { changeId: string; direction: 'push' | 'pull'; table: string; reason: string };

export async function findParked(tx: Tx, changeId: string): Promise<ParkedEntry | undefined> {
  const row = await tx.selectFrom('sync_rejections').select(['change_id', 'direction', 'table_name', 'reason']).where('change_id', '=', changeId).executeTakeFirst();
  return row ? { changeId: row.change_id, direction: row.direction, table: row.table_name, reason: row.reason } : undefined;
}

/** More history entries than one edit of any record writes (one per changed field). */
const HISTORY_SPAN = 200;

/**
 * The change and the parked history entries written with it: an edit's entries follow it in the
 * outbox, in the same write (the next few sequence numbers, the same stamp).
 */
async function withHistory(tx: Tx, changeId: string): Promise<string[]> {
  const change = await tx.selectFrom('change_log').select(['seq', 'hlc', 'table_name']).where('id', '=', changeId).executeTakeFirst();
  if (!change || change.table_name === 'field_history') return [changeId];
  const entries = await tx.selectFrom('change_log').innerJoin('sync_rejections', 'sync_rejections.change_id', 'change_log.id').select('change_log.id')
    .where('change_log.seq', '>', change.seq).where('change_log.seq', '<=', Number(change.seq) + HISTORY_SPAN)
    .where('change_log.hlc', '=', change.hlc).where('change_log.table_name', '=', 'field_history').execute();
  return [changeId, ...entries.map((e) => e.id)];
}

/** A refused outgoing change is sent again by the next sync (its id makes a second acceptance harmless), with its history. */
export async function requeueParked(tx: Tx, changeId: string): Promise<void> {
  const ids = await withHistory(tx, changeId);
  await tx.updateTable('change_log').set({ pushed_at: null }).where('id', 'in', ids).execute();
  await tx.deleteFrom('sync_rejections').where('change_id', 'in', ids).execute();
}

export async function discardParked(tx: Tx, changeId: string): Promise<void> {
  await tx.deleteFrom('sync_rejections').where('change_id', 'in', await withHistory(tx, changeId)).execute();
}
