import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../store/schema';
import { FILE_NAMING } from '../store/sync-files';
import { ASSOCIATION_WIDE_TABLES } from '../store/sync-schema';
import type { Device } from './devices';
import { visibleTo } from './pull-scope';

/**
 * Which content files a device may move. A file is named by rows (an attachment, a signed form, a
 * knowledge PDF: FILE_NAMING). A device uploads only files its own branch's rows name, so it cannot
 * fill head office with anything else. It downloads a file exactly when it may pull a row that
 * names it: the pull scope's own predicate (pull-scope.ts) is asked about those rows, so the two
 * cannot drift apart — a beneficiary shared with the branch brings the files of whichever of its
 * rows the branch pulls, and nothing of the rows it does not.
 */

type Entry = { table_name: string; row_id: string; branch_id: string; audience_branch: string | null };

/** The rows naming the file, each as the log entry every desk that may see it pulls (no audience). */
function namingRows(sha256: string): RawBuilder<Entry> {
  const rows = FILE_NAMING.map((n) => sql`SELECT ${sql.lit(n.table)} AS table_name, id AS row_id, branch_id, CAST(NULL AS TEXT) AS audience_branch
    FROM ${sql.table(n.table)} WHERE ${sql.ref(n.column)} = ${sha256}`);
  return sql<Entry>`(${sql.join(rows, sql` UNION ALL `)})`;
}

/** Head office's copies of rows naming the file addressed to this branch alone (a row's history copied to it). */
function copiesFor(sha256: string, branchId: string): RawBuilder<Entry> {
  const copies = FILE_NAMING.map((n) => sql`SELECT table_name, row_id, branch_id, audience_branch FROM sync_changes
    WHERE audience_branch = ${branchId} AND table_name = ${sql.lit(n.table)}
      AND row_id IN (SELECT id FROM ${sql.table(n.table)} WHERE ${sql.ref(n.column)} = ${sha256})`);
  return sql<Entry>`(${sql.join(copies, sql` UNION ALL `)})`;
}

async function anyVisible(db: Kysely<Database>, entries: RawBuilder<Entry>, branchId: string): Promise<boolean> {
  const found = await db.selectFrom(entries.as('sync_changes')).select('row_id')
    // The entries have the log's columns that the pull scope reads, under the log's name.
    .where((eb) => visibleTo(eb as unknown as ExpressionBuilder<Database, 'sync_changes'>, branchId, ASSOCIATION_WIDE_TABLES))
    .limit(1).executeTakeFirst();
  return found !== undefined;
}

export async function mayUpload(db: Kysely<Database>, device: Device, sha256: string): Promise<boolean> {
  for (const n of FILE_NAMING) {
    const own = await sql`SELECT 1 AS one FROM ${sql.table(n.table)} WHERE ${sql.ref(n.column)} = ${sha256} AND branch_id = ${device.branchId} LIMIT 1`.execute(db);
    if (own.rows.length > 0) return true;
  }
  return false;
}

export async function mayDownload(db: Kysely<Database>, device: Device, sha256: string): Promise<boolean> {
  // Copies addressed to one branch are looked for only when no row is visible as it stands (rare).
  return (await anyVisible(db, namingRows(sha256), device.branchId)) || anyVisible(db, copiesFor(sha256, device.branchId), device.branchId);
}
