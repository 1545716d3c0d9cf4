import { type Kysely, sql } from 'kysely';
import { isSqlite, localSequenceType } from './dialect';

/*
 * Head-office sync. One schema for both ends (the same migrations run on every desk and on the
 * head-office store, SQLite or PostgreSQL); each end uses its own tables:
 *
 * - both: sync_field_clock — the HLC of the last accepted write of each field, so merging is per
 *   field (last writer wins per field, not per row).
 * - head office: sync_changes (the ordered change log devices pull from, its seq is the cursor),
 *   sync_devices, sync_enrolment_codes (hashes only), sync_batches (idempotent push replies).
 * - desk: sync_rejections (changes the server refused, parked with their reason) and sync_runs
 *   (the result of each sync, shown on the sync screen). Its settings (server, credential, cursor)
 *   live in `settings` under `sync.*` keys.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sync_field_clock')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_field_clock_pk', ['table_name', 'row_id', 'field'])
    .execute();

  await db.schema
    .createTable('sync_changes')
    .addColumn('seq', localSequenceType(db), (c) => (isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('origin_device', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sync_changes_branch_ix').on('sync_changes').columns(['branch_id', 'seq']).execute();

  await db.schema
    .createTable('sync_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credential_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_push_at', 'text')
    .addColumn('last_pull_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('pull_cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('sync_enrolment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('sync_batches')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_batches_pk', ['device_id', 'batch_id'])
    .execute();

  await db.schema
    .createTable('sync_rejections')
    .addColumn('change_id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('sync_rejections_direction_check', sql`direction in ('push', 'pull')`)
    .execute();

  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('pushed', 'integer', (c) => c.notNull())
    .addColumn('pulled', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();

  // Merging a pulled change looks up the desk's own writes to that row.
  await db.schema.createIndex('change_log_row_ix').on('change_log').columns(['table_name', 'row_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('change_log_row_ix').ifExists().execute();
  for (const table of ['sync_runs', 'sync_rejections', 'sync_batches', 'sync_enrolment_codes', 'sync_devices', 'sync_changes', 'sync_field_clock']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
