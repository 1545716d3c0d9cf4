import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, QueuePrioritiesTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type QueuePriorityRow = Selectable<QueuePrioritiesTable>;

export function listQueuePriorities(db: Db): Promise<QueuePriorityRow[]> {
  return db.selectFrom('queue_priorities').selectAll().orderBy('sort_order').execute();
}

export function findQueuePriority(db: Db, code: string): Promise<QueuePriorityRow | undefined> {
  return db.selectFrom('queue_priorities').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function updateQueuePriority(db: Db, code: string, weight: number, active: boolean): Promise<void> {
  await db.updateTable('queue_priorities').set({ weight, active: active ? 1 : 0 }).where('code', '=', code).execute();
}
