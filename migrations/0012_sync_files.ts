import type { Kysely } from 'kysely';

/*
 * Content files and sync (desk side): the hashes of content files this desk knows head office and
 * this desk both hold — uploaded from here, or downloaded and verified. A file named by a row but
 * not listed here is still to move (sync/file-transfer.ts); one that failed is tried again next run.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sync_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sync_files').ifExists().execute();
}
