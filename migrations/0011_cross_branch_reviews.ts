import { type Kysely, sql } from 'kysely';

/*
 * Cross-branch duplicates, shared beneficiaries and superseded values (issue 7, part 4).
 *
 * - A national ID is unique within a branch, no longer across branches: the same person registered
 *   at two branches while offline must reach head office, where it becomes a review item instead of
 *   a refused change.
 * - beneficiaries.merged_into: set on the record that became an alias of another (a merge); both
 *   ids then resolve to the survivor.
 * - duplicate_reviews (written by head office), duplicate_resolutions (written by a reviewer at a
 *   branch), beneficiary_shares (a beneficiary of one branch visible at another) and field_conflicts
 *   (a value superseded by a concurrent edit of the same field): travelling, written once.
 * - sync_changes.audience_branch: a head-office log entry meant for one branch only (a shared
 *   record's history copied to the branch it is now shared with, a review for the other branch).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function travelling(db: AnyDb, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull());
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('beneficiaries_national_id_uq').execute();
  await db.schema.createIndex('beneficiaries_branch_national_id_uq').on('beneficiaries').columns(['branch_id', 'national_id']).unique().execute();
  await db.schema.createIndex('beneficiaries_national_id_ix').on('beneficiaries').column('national_id').execute();
  await db.schema.alterTable('beneficiaries').addColumn('merged_into', 'text').execute();
  await db.schema.createIndex('beneficiaries_merged_into_ix').on('beneficiaries').column('merged_into').execute();

  await travelling(db, 'duplicate_reviews')
    .addColumn('beneficiary_id', 'text', (c) => c.notNull())
    .addColumn('other_beneficiary_id', 'text', (c) => c.notNull())
    .addColumn('other_branch_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addCheckConstraint('duplicate_reviews_reason_check', sql`reason in ('same_national_id', 'high_score')`)
    .execute();
  await db.schema.createIndex('duplicate_reviews_pair_ix').on('duplicate_reviews').columns(['beneficiary_id', 'other_beneficiary_id']).execute();
  await db.schema.createIndex('duplicate_reviews_other_ix').on('duplicate_reviews').column('other_beneficiary_id').execute();

  await travelling(db, 'duplicate_resolutions')
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('survivor_id', 'text')
    .addColumn('alias_id', 'text')
    // The fields whose value is taken from the alias (a JSON array of column names); the rest keep the survivor's.
    .addColumn('alias_fields', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addCheckConstraint('duplicate_resolutions_decision_check', sql`decision in ('merge', 'distinct')`)
    .execute();
  await db.schema.createIndex('duplicate_resolutions_review_ix').on('duplicate_resolutions').column('review_id').execute();

  await travelling(db, 'beneficiary_shares')
    .addColumn('beneficiary_id', 'text', (c) => c.notNull())
    .addColumn('owner_branch_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addCheckConstraint('beneficiary_shares_reason_check', sql`reason in ('duplicate_review', 'merge')`)
    .execute();
  await db.schema.createIndex('beneficiary_shares_branch_ix').on('beneficiary_shares').columns(['branch_id', 'beneficiary_id']).unique().execute();

  await travelling(db, 'field_conflicts')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('losing_value', 'text')
    .addColumn('losing_hlc', 'text', (c) => c.notNull())
    .addColumn('winning_value', 'text')
    .addColumn('winning_hlc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_conflicts_row_ix').on('field_conflicts').columns(['table_name', 'row_id']).execute();

  await db.schema.alterTable('sync_changes').addColumn('audience_branch', 'text').execute();
  await db.schema.createIndex('sync_changes_audience_ix').on('sync_changes').columns(['audience_branch', 'seq']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('sync_changes_audience_ix').ifExists().execute();
  await db.schema.alterTable('sync_changes').dropColumn('audience_branch').execute();
  for (const table of ['field_conflicts', 'beneficiary_shares', 'duplicate_resolutions', 'duplicate_reviews']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('beneficiaries_merged_into_ix').ifExists().execute();
  await db.schema.alterTable('beneficiaries').dropColumn('merged_into').execute();
  await db.schema.dropIndex('beneficiaries_national_id_ix').ifExists().execute();
  await db.schema.dropIndex('beneficiaries_branch_national_id_uq').ifExists().execute();
  await db.schema.createIndex('beneficiaries_national_id_uq').on('beneficiaries').column('national_id').unique().execute();
}
