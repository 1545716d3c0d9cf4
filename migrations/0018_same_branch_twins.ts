import type { Kysely } from 'kysely';

/*
 * Two desks of one branch may register the same citizen while neither has seen the other's record
 * (a branch office offline). A unique (branch, national ID) index made head office refuse the
 * second record for good, and the first desk refuse it again on pull: two parked changes that no
 * one could reconcile. Now both records are kept and head office opens a duplicate review for the
 * pair, as it does across branches, and a reviewer merges them or marks them distinct. A desk still
 * refuses to register an ID it already holds (services/beneficiaries.ts): only records made apart
 * can share one.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('beneficiaries_branch_national_id_uq').execute();
  // Head office's same-branch twin check reads a branch's holders of a national ID.
  await db.schema.createIndex('beneficiaries_branch_national_id_ix').on('beneficiaries').columns(['branch_id', 'national_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('beneficiaries_branch_national_id_ix').ifExists().execute();
  await db.schema.createIndex('beneficiaries_branch_national_id_uq').on('beneficiaries').columns(['branch_id', 'national_id']).unique().execute();
}
