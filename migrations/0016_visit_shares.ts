import { type Kysely, sql } from 'kysely';

/*
 * A beneficiary shared with a branch because they visited it (issue 7): a row of that branch (a
 * ticket, a contact, a request, a household member…) names a beneficiary another branch owns, and
 * head office shares the record with the visited branch. `beneficiary_shares.reason` gains 'visit'.
 *
 * A check constraint cannot be altered in SQLite, so the table is rebuilt (on both dialects, one
 * path): a new table with the wider check, the rows copied, the old one dropped, the index made again.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const COLUMNS = ['id', 'branch_id', 'created_at', 'updated_at', 'hlc', 'beneficiary_id', 'owner_branch_id', 'reason'];

async function rebuild(db: AnyDb, reasons: readonly string[]): Promise<void> {
  await db.schema
    .createTable('beneficiary_shares_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('beneficiary_id', 'text', (c) => c.notNull())
    .addColumn('owner_branch_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addCheckConstraint('beneficiary_shares_reason_check', sql`reason in (${sql.join(reasons.map((r) => sql.lit(r)))})`)
    .execute();
  await db.insertInto('beneficiary_shares_next').columns(COLUMNS)
    .expression(db.selectFrom('beneficiary_shares').select(COLUMNS).where('reason', 'in', reasons)).execute();
  await db.schema.dropTable('beneficiary_shares').execute();
  await db.schema.alterTable('beneficiary_shares_next').renameTo('beneficiary_shares').execute();
  await db.schema.createIndex('beneficiary_shares_branch_ix').on('beneficiary_shares').columns(['branch_id', 'beneficiary_id']).unique().execute();
}

export async function up(db: AnyDb): Promise<void> {
  await rebuild(db, ['duplicate_review', 'merge', 'visit']);
}

export async function down(db: AnyDb): Promise<void> {
  await rebuild(db, ['duplicate_review', 'merge']);
}
