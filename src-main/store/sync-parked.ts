import type { Transaction } from 'kysely';
import type { Database } from './schema';

/** Settling a parked change (sync_rejections): back into the outbox, or set aside for good. */

type Tx = Transaction<Database>;

export type ParkedEntry = { changeId: string; direction: 'push' | 'pull'; table: string; reason: string };

export async function findParked(tx: Tx, changeId: string): Promise<ParkedEntry | undefined> {
  const row = await tx.selectFrom('sync_rejections').select(['change_id', 'direction', 'table_name', 'reason']).where('change_id', '=', changeId).executeTakeFirst();
  return row ? { changeId: row.change_id, direction: row.direction, table: row.table_name, reason: row.reason } : undefined;
}

/** A refused outgoing change is sent again by the next sync (its id makes a second acceptance harmless). */
export async function requeueParked(tx: Tx, changeId: string): Promise<void> {
  await tx.updateTable('change_log').set({ pushed_at: null }).where('id', '=', changeId).execute();
  await tx.deleteFrom('sync_rejections').where('change_id', '=', changeId).execute();
}

export async function discardParked(tx: Tx, changeId: string): Promise<void> {
  await tx.deleteFrom('sync_rejections').where('change_id', '=', changeId).execute();
}
