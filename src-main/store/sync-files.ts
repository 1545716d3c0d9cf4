import { sql, type Kysely, type Transaction } from 'kysely';
import type { ContentShelf } from './content-files';
import type { Database } from './schema';

/** The desk's content files and sync: which files rows name, and which of them have moved (migration 0012). */

export type SyncFilesTable = { sha256: string; at: string };

type Db = Kysely<Database> | Transaction<Database>;

/** A content file named by a row: where it is shelved and whether this desk's branch owns the row. */
export type NamedFile = { sha256: string; shelf: ContentShelf; extension: string; own: boolean };

/**
 * The rows that name a content file, and where each kind keeps it (the same shelves and extensions
 * the services write). Head office's file scope reads the same list (headoffice/file-scope.ts).
 */
export const FILE_NAMING = [
  { table: 'attachments', column: 'sha256', shelf: 'attachments', extension: '' },
  { table: 'signed_forms', column: 'file_sha256', shelf: 'forms', extension: '.pdf' },
  { table: 'knowledge_documents', column: 'pdf_sha256', shelf: 'knowledge-files', extension: '.pdf' },
] as const;

/** Files named by rows of this store that are not yet known to be both here and at head office, oldest rows first. */
export async function filesToMove(db: Db, branchId: string, limit: number): Promise<NamedFile[]> {
  const found = new Map<string, NamedFile>();
  for (const naming of FILE_NAMING) {
    const rows = await sql<{ sha256: string; own: number }>`
      SELECT ${sql.ref(naming.column)} AS sha256, MAX(CASE WHEN branch_id = ${branchId} THEN 1 ELSE 0 END) AS own
      FROM ${sql.table(naming.table)}
      WHERE ${sql.ref(naming.column)} IS NOT NULL
        AND ${sql.ref(naming.column)} NOT IN (SELECT sha256 FROM sync_files)
      GROUP BY ${sql.ref(naming.column)}
      LIMIT ${limit}`.execute(db);
    for (const row of rows.rows) {
      const known = found.get(row.sha256);
      if (!known || (!known.own && Number(row.own) === 1)) found.set(row.sha256, { sha256: row.sha256, shelf: naming.shelf, extension: naming.extension, own: Number(row.own) === 1 });
    }
  }
  return [...found.values()];
}

/** Notes files now held at both ends, so later runs skip them. */
export async function markFilesMoved(db: Db, hashes: readonly string[], at: string): Promise<void> {
  if (hashes.length === 0) return;
  await db.insertInto('sync_files').values(hashes.map((sha256) => ({ sha256, at }))).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}
