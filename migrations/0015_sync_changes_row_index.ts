import type { Kysely } from 'kysely';

/*
 * Head office looks a record's history up in its change log whenever it shares the record with
 * another branch (a visit, a duplicate review, a merge: head-office-writes.ts copyHistory). Without
 * an index that was a scan of the whole log per shared record: 11 ms at 25,000 entries, growing
 * with the log. Row ids are UUIDv7, so the index grows at its end like the log itself.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('sync_changes_row_ix').on('sync_changes').column('row_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('sync_changes_row_ix').ifExists().execute();
}
