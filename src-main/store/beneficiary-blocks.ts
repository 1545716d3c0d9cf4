import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Bulk look-ups for duplicate detection over many records at once (file imports, the full-store
 * duplicate pass): rows are grouped into blocks that share an indexed key, so only records in the same
 * block are ever compared, never every record with every other.
 */
type Db = Kysely<Database> | Transaction<Database>;

/** The columns duplicate scoring reads, plus the stored matching keys. */
export type MatchingRow = {
  id: string;
  first_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  id_type: string;
  national_id: string | null;
  phone_primary: string | null;
  phone_secondary: string | null;
  birth_date: string | null;
  name_key: string;
  phonetic_key: string;
  lineage_key: string;
};

/** Keys that group records into blocks; 'phone' spans the primary and the secondary number. */
export type BlockingKey = 'phone' | 'name_key' | 'phonetic_key' | 'lineage_key';

const MATCHING_COLUMNS = [
  'id', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'id_type', 'national_id',
  'phone_primary', 'phone_secondary', 'birth_date', 'name_key', 'phonetic_key', 'lineage_key',
] as const;

/** Well under SQLite's limit on bound parameters, and small enough to keep each IN list cheap. */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Every key value held by two records or more, with the number of records holding it. */
export async function listBlocks(db: Db, key: BlockingKey): Promise<Array<{ block: string; size: number }>> {
  if (key === 'phone') {
    const result = await sql<{ block: string; size: number }>`
      SELECT phone AS block, COUNT(DISTINCT id) AS size FROM (
        SELECT phone_primary AS phone, id FROM beneficiaries WHERE phone_primary IS NOT NULL
        UNION ALL
        SELECT phone_secondary AS phone, id FROM beneficiaries WHERE phone_secondary IS NOT NULL
      ) GROUP BY phone HAVING COUNT(DISTINCT id) >= 2`.execute(db);
    return result.rows;
  }
  const rows = await db
    .selectFrom('beneficiaries')
    .select((eb) => [eb.ref(key).as('block'), eb.fn.countAll<number>().as('size')])
    .where(key, '!=', '')
    .groupBy(key)
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .execute();
  return rows.map((r) => ({ block: r.block, size: Number(r.size) }));
}

/** The members of the given blocks, each row with the block (or blocks) it belongs to. */
export async function listBlockMembers(
  db: Db,
  key: BlockingKey,
  blocks: readonly string[],
): Promise<Array<{ block: string; row: MatchingRow }>> {
  const wanted = new Set(blocks);
  const out: Array<{ block: string; row: MatchingRow }> = [];
  for (const part of chunks(blocks)) {
    if (key === 'phone') {
      const rows = await db
        .selectFrom('beneficiaries')
        .select(MATCHING_COLUMNS)
        .where((eb) => eb.or([eb('phone_primary', 'in', part), eb('phone_secondary', 'in', part)]))
        .execute();
      for (const row of rows) {
        const phones = new Set([row.phone_primary, row.phone_secondary]);
        for (const phone of phones) if (phone !== null && wanted.has(phone)) out.push({ block: phone, row });
      }
    } else {
      const rows = await db.selectFrom('beneficiaries').select(MATCHING_COLUMNS).where(key, 'in', part).execute();
      for (const row of rows) out.push({ block: row[key], row });
    }
  }
  return out;
}

/** National and resident ID numbers, a page at a time in id order (for the transposition check). */
export async function listNationalIdsPage(
  db: Db,
  afterId: string,
  limit: number,
): Promise<Array<{ id: string; national_id: string }>> {
  const rows = await db
    .selectFrom('beneficiaries')
    .select(['id', 'national_id'])
    .where('id', '>', afterId)
    .where('id_type', 'in', ['national_id', 'iqama'])
    .where('national_id', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.national_id === null ? [] : [{ id: r.id, national_id: r.national_id }]));
}

export async function listMatchingRowsByIds(db: Db, ids: readonly string[]): Promise<MatchingRow[]> {
  const out: MatchingRow[] = [];
  for (const part of chunks(ids)) out.push(...(await db.selectFrom('beneficiaries').select(MATCHING_COLUMNS).where('id', 'in', part).execute()));
  return out;
}

/**
 * Stored rows sharing any key with a batch of drafts: an ID number, a phone, a name key or a phonetic
 * key. Each row appears once.
 */
export async function listRowsSharingKeys(
  db: Db,
  keys: { nationalIds: readonly string[]; phones: readonly string[]; nameKeys: readonly string[]; phoneticKeys: readonly string[] },
): Promise<MatchingRow[]> {
  const found = new Map<string, MatchingRow>();
  const collect = (rows: MatchingRow[]) => {
    for (const row of rows) found.set(row.id, row);
  };
  const base = () => db.selectFrom('beneficiaries').select(MATCHING_COLUMNS);
  for (const part of chunks([...new Set(keys.nationalIds)])) collect(await base().where('national_id', 'in', part).execute());
  for (const part of chunks([...new Set(keys.phones)])) {
    collect(await base().where((eb) => eb.or([eb('phone_primary', 'in', part), eb('phone_secondary', 'in', part)])).execute());
  }
  for (const part of chunks([...new Set(keys.nameKeys)])) collect(await base().where('name_key', 'in', part).execute());
  for (const part of chunks([...new Set(keys.phoneticKeys)])) collect(await base().where('phonetic_key', 'in', part).execute());
  return [...found.values()];
}

/** Names and branch of the given records, for reports that list pairs of records. */
export async function listNamesByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { first_name: string; father_name: string; grandfather_name: string; family_name: string; branch_name: string }>> {
  const out = new Map<string, { first_name: string; father_name: string; grandfather_name: string; family_name: string; branch_name: string }>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('beneficiaries')
      .innerJoin('branches', 'branches.id', 'beneficiaries.branch_id')
      .select([
        'beneficiaries.id', 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name',
        'beneficiaries.family_name', 'branches.name_ar as branch_name',
      ])
      .where('beneficiaries.id', 'in', part)
      .execute();
    for (const { id, ...rest } of rows) out.set(id, rest);
  }
  return out;
}
