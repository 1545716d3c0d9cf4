import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * A larger SQLite page cache (64 MiB instead of 2 MiB) for a connection about to write many rows
 * with several indexes each (a desk's first sync pulls tens of thousands of people): the indexes'
 * pages stay in memory across a page of changes instead of being read back again and again.
 * PostgreSQL manages its own buffers; nothing to do there.
 */
export async function widenPageCache(db: Kysely<Database>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma cache_size = -65536`.execute(db);
}
