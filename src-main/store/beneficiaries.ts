import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { BeneficiariesTable, Database, HouseholdMembersTable } from './schema';
import { searchDocument, searchQuery } from './beneficiary-keys';

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

export function findBeneficiary(db: Db, id: string): Promise<BeneficiaryWithBranch | undefined> {
  return withBranch(db).where('beneficiaries.id', '=', id).executeTakeFirst();
}

export function findBeneficiaryByNationalId(db: Db, nationalId: string): Promise<BeneficiaryRow | undefined> {
  return db.selectFrom('beneficiaries').selectAll().where('national_id', '=', nationalId).executeTakeFirst();
}

/** Rewrites the search-index entry of one beneficiary (FTS5 rows are replaced, not updated). */
export async function reindexBeneficiary(db: Db, row: BeneficiaryRow): Promise<void> {
  const document = searchDocument(row);
  await db.deleteFrom('beneficiary_search').where('beneficiary_id', '=', row.id).execute();
  await db.insertInto('beneficiary_search').values({ beneficiary_id: row.id, ...document }).execute();
}

/**
 * Search as you type: FTS5 prefix match on every word, any order; best matches first.
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
    .innerJoin('beneficiaries', 'beneficiaries.id', 'beneficiary_search.beneficiary_id')
    .innerJoin('branches', 'branches.id', 'beneficiaries.branch_id')
    .selectAll('beneficiaries')
    .select('branches.name_ar as branch_name')
    .where(sql<boolean>`beneficiary_search MATCH ${match}`);
  if (options.branchId) query = query.where('beneficiaries.branch_id', '=', options.branchId);
  return query.orderBy(sql`beneficiary_search.rank`).limit(options.limit).execute();
}

/** Candidate rows sharing any blocking key with a draft: ID (or a transposition), phone, name keys. */
export async function findCandidateRows(
  db: Db,
  keys: {
    nationalIds: string[];
    phones: string[];
    nameKey: string;
    phoneticKey: string;
    lineageKey: string;
    excludeId: string | null;
  },
  limit = 50,
): Promise<BeneficiaryWithBranch[]> {
  let query = withBranch(db).where((eb) => {
    const ors = [
      eb('beneficiaries.name_key', '=', keys.nameKey),
      eb('beneficiaries.phonetic_key', '=', keys.phoneticKey),
      eb('beneficiaries.lineage_key', '=', keys.lineageKey),
    ];
    if (keys.nationalIds.length > 0) ors.push(eb('beneficiaries.national_id', 'in', keys.nationalIds));
    if (keys.phones.length > 0) {
      ors.push(eb('beneficiaries.phone_primary', 'in', keys.phones));
      ors.push(eb('beneficiaries.phone_secondary', 'in', keys.phones));
    }
    return eb.or(ors);
  });
  if (keys.excludeId) query = query.where('beneficiaries.id', '!=', keys.excludeId);
  return query.limit(limit).execute();
}

export function listHousehold(db: Db, beneficiaryId: string): Promise<HouseholdMemberRow[]> {
  return db
    .selectFrom('household_members')
    .selectAll()
    .where('beneficiary_id', '=', beneficiaryId)
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
