import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { BeneficiariesTable, Database, HouseholdMembersTable } from './schema';
import { searchDocument, searchQuery } from './beneficiary-keys';
import { personIds, survivingId } from './duplicate-reviews';

type Db = Kysely<Database> | Transaction<Database>;
export type BeneficiaryRow = Selectable<BeneficiariesTable>;
export type BeneficiaryWithBranch = BeneficiaryRow & { branch_name: string };
export type HouseholdMemberRow = Selectable<HouseholdMembersTable>;

function withBranch(db: Db) {
  return db
    .selectFrom('beneficiaries')
    .innerJoin('branches', 'branches.id', 'beneficiaries.branch_id')
    .selectAll('beneficiaries')
    .select('branches.name_ar as branch_name');
}

/** The record an id stands for: a record merged into another (an alias) resolves to the survivor. */
export async function findBeneficiary(db: Db, id: string): Promise<BeneficiaryWithBranch | undefined> {
  const row = await withBranch(db).where('beneficiaries.id', '=', id).executeTakeFirst();
  if (!row?.merged_into) return row;
  return withBranch(db).where('beneficiaries.id', '=', await survivingId(db, row.merged_into)).executeTakeFirst();
}

/**
 * A record holding the national ID other than `exceptId` and the records merged into it (which keep
 * the ID they were registered with). Two records of one person may both hold it until a reviewer
 * merges them (made apart, by two desks offline, or at two branches).
 */
export function findBeneficiaryByNationalId(db: Db, nationalId: string, exceptId: string | null = null): Promise<BeneficiaryRow | undefined> {
  let query = db.selectFrom('beneficiaries').selectAll().where('national_id', '=', nationalId);
  if (exceptId) query = query.where('id', '!=', exceptId).where((eb) => eb.or([eb('merged_into', 'is', null), eb('merged_into', '!=', exceptId)]));
  return query.orderBy(sql`merged_into is not null`).orderBy('id').executeTakeFirst();
}

/** Rewrites the search-index entry of one beneficiary (FTS5 rows are replaced, not updated). */
export async function reindexBeneficiary(db: Db, row: Parameters<typeof searchDocument>[0] & { id: string }): Promise<void> {
  const document = searchDocument(row);
  const rowid = sql`(SELECT rowid FROM beneficiaries WHERE id = ${row.id})`;
  await sql`DELETE FROM beneficiary_search WHERE rowid = ${rowid}`.execute(db);
  await sql`INSERT INTO beneficiary_search (rowid, names, numbers) VALUES (${rowid}, ${document.names}, ${document.numbers})`.execute(db);
}

/**
 * Search as you type: every word a prefix of a name word (or of the ID / a phone spelling), in any
 * order; the most recently registered first. No relevance score: bm25 costs about 20 µs a row, and a
 * two-letter prefix matches half the registry; each extra letter narrows the list instead.
 * `branchId` limits the result to one branch (users whose scope is their own branch).
 */
export async function searchBeneficiaries(
  db: Db,
  text: string,
  options: { limit: number; branchId: string | null },
): Promise<BeneficiaryWithBranch[]> {
  const match = searchQuery(text);
  if (!match) return [];
  let query = db
    .selectFrom('beneficiary_search')
    .innerJoin('beneficiaries', (join) => join.on(sql`beneficiaries.rowid`, '=', sql`beneficiary_search.rowid`))
    .innerJoin('branches', 'branches.id', 'beneficiaries.branch_id')
    .selectAll('beneficiaries')
    .select('branches.name_ar as branch_name')
    .where(sql<boolean>`beneficiary_search MATCH ${match}`)
    .where('beneficiaries.merged_into', 'is', null);
  const branchId = options.branchId;
  if (branchId) {
    // A user of one branch also finds the beneficiaries of other branches shared with it (a visit, a review).
    const shared = db.selectFrom('beneficiary_shares').select('beneficiary_shares.beneficiary_id').where('beneficiary_shares.branch_id', '=', branchId);
    query = query.where((eb) => eb.or([eb('beneficiaries.branch_id', '=', branchId), eb('beneficiaries.id', 'in', shared)]));
  }
  return query.orderBy(sql`beneficiary_search.rowid`, 'desc').limit(options.limit).execute();
}

/**
 * Candidate rows sharing any blocking key with a draft: ID (or a transposition), phone, name keys.
 * One indexed look-up per key, united: an OR across the keys makes SQLite scan the whole table.
 */
export async function findCandidateRows(
  db: Db,
  keys: {
    nationalIds: string[];
    phones: string[];
    nameKey: string;
    phoneticKey: string;
    lineageKey: string;
    excludeId: string | null;
    /** Only other branches' records (head office's cross-branch check: its own branch's namesakes must not fill the limit). */
    otherThanBranch?: string;
  },
  limit = 50,
): Promise<BeneficiaryWithBranch[]> {
  const by = (column: 'name_key' | 'phonetic_key' | 'lineage_key', value: string) =>
    db.selectFrom('beneficiaries').select('id').where(column, '=', value);
  let ids = by('name_key', keys.nameKey).union(by('phonetic_key', keys.phoneticKey)).union(by('lineage_key', keys.lineageKey));
  if (keys.nationalIds.length > 0) {
    ids = ids.union(db.selectFrom('beneficiaries').select('id').where('national_id', 'in', keys.nationalIds));
  }
  if (keys.phones.length > 0) {
    ids = ids
      .union(db.selectFrom('beneficiaries').select('id').where('phone_primary', 'is not', null).where('phone_primary', 'in', keys.phones))
      .union(db.selectFrom('beneficiaries').select('id').where('phone_secondary', 'is not', null).where('phone_secondary', 'in', keys.phones));
  }
  // A record merged into another is that person's old record: the survivor is the candidate.
  let query = withBranch(db).where('beneficiaries.id', 'in', ids).where('beneficiaries.merged_into', 'is', null);
  if (keys.excludeId) query = query.where('beneficiaries.id', '!=', keys.excludeId);
  if (keys.otherThanBranch) query = query.where('beneficiaries.branch_id', '!=', keys.otherThanBranch);
  return query.limit(limit).execute();
}

/** A person's household, members added under a record merged into theirs included (either id lists them all). */
export async function listHousehold(db: Db, beneficiaryId: string): Promise<HouseholdMemberRow[]> {
  return db
    .selectFrom('household_members')
    .selectAll()
    .where('beneficiary_id', 'in', await personIds(db, beneficiaryId))
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export function findHouseholdMember(db: Db, id: string): Promise<HouseholdMemberRow | undefined> {
  return db.selectFrom('household_members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listFieldHistory(db: Db, table: string, rowId: string) {
  return db
    .selectFrom('field_history')
    .leftJoin('users', 'users.id', 'field_history.changed_by')
    .select([
      'field_history.field',
      'field_history.old_value',
      'field_history.new_value',
      'field_history.changed_at',
      'users.display_name as changed_by_name',
    ])
    .where('field_history.table_name', '=', table)
    .where('field_history.row_id', '=', rowId)
    .orderBy('field_history.changed_at', 'desc')
    .orderBy('field_history.hlc', 'desc')
    .execute();
}
