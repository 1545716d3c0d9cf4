import type { Transaction } from 'kysely';
import type { Database } from '../store/schema';

/**
 * Which arriving beneficiaries could have another record of the same person: those sharing a
 * blocking key (national ID, a phone, a name key) with any other branch's row — the keys the
 * duplicate check looks candidates up by — and those whose national ID another record of their own
 * branch holds (two desks of the branch registered the citizen apart). Read for a whole batch in a
 * few IN queries, so a branch's first sync of tens of thousands of people is not a candidate search
 * per person; only the rows found here are checked one by one (cross-branch.ts).
 */

type Tx = Transaction<Database>;
const CHUNK = 500;

type KeyRow = {
  id: string; branch_id: string; id_type: string; national_id: string | null; phone_primary: string | null; phone_secondary: string | null;
  name_key: string; phonetic_key: string; lineage_key: string;
};

type KeyColumn = 'national_id' | 'phone_primary' | 'phone_secondary' | 'name_key' | 'phonetic_key' | 'lineage_key';

/** The values of `column` among `values` that some row of another branch holds. */
async function heldElsewhere(tx: Tx, column: KeyColumn, values: ReadonlySet<string>, branchId: string): Promise<Set<string>> {
  const held = new Set<string>();
  const list = [...values];
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await tx.selectFrom('beneficiaries').select(column).distinct()
      .where(column, 'in', list.slice(i, i + CHUNK)).where('branch_id', '!=', branchId).execute();
    for (const row of rows) if (row[column] !== null) held.add(String(row[column]));
  }
  return held;
}

function identity(row: KeyRow): string | null {
  return (row.id_type === 'national_id' || row.id_type === 'iqama') ? row.national_id : null;
}

/** The national IDs among `values` that two or more records of the branch hold. */
async function heldTwiceInBranch(tx: Tx, values: ReadonlySet<string>, branchId: string): Promise<Set<string>> {
  const held = new Set<string>();
  const list = [...values];
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await tx.selectFrom('beneficiaries').select('national_id')
      .where('branch_id', '=', branchId).where('national_id', 'in', list.slice(i, i + CHUNK))
      .groupBy('national_id').having((eb) => eb.fn.countAll(), '>', 1).execute();
    for (const row of rows) if (row.national_id !== null) held.add(row.national_id);
  }
  return held;
}

export async function mayHaveTwin(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: KeyRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(...await tx.selectFrom('beneficiaries')
      .select(['id', 'branch_id', 'id_type', 'national_id', 'phone_primary', 'phone_secondary', 'name_key', 'phonetic_key', 'lineage_key'])
      .where('id', 'in', ids.slice(i, i + CHUNK)).execute());
  }
  const worth = new Set<string>();
  const byBranch = groupByBranch(rows);
  for (const [branchId, group] of byBranch) {
    const collect = (pick: (r: KeyRow) => Array<string | null>) => new Set(group.flatMap(pick).filter((v): v is string => Boolean(v)));
    const twiceHere = await heldTwiceInBranch(tx, collect((r) => [identity(r)]), branchId);
    for (const r of group) if (twiceHere.has(identity(r) ?? '')) worth.add(r.id);
    // No other branch has anyone yet (a branch's first sync into a new head office): nothing to look up.
    if (!(await anyoneElsewhere(tx, branchId))) continue;
    const phones = collect((r) => [r.phone_primary, r.phone_secondary]);
    const held = {
      nationalIds: await heldElsewhere(tx, 'national_id', collect((r) => [identity(r)]), branchId),
      primary: await heldElsewhere(tx, 'phone_primary', phones, branchId),
      secondary: await heldElsewhere(tx, 'phone_secondary', phones, branchId),
      name: await heldElsewhere(tx, 'name_key', collect((r) => [r.name_key]), branchId),
      phonetic: await heldElsewhere(tx, 'phonetic_key', collect((r) => [r.phonetic_key]), branchId),
      lineage: await heldElsewhere(tx, 'lineage_key', collect((r) => [r.lineage_key]), branchId),
    };
    for (const r of group) {
      const id = identity(r);
      const phone = [r.phone_primary, r.phone_secondary].some((p) => p !== null && (held.primary.has(p) || held.secondary.has(p)));
      if ((id !== null && held.nationalIds.has(id)) || phone || held.name.has(r.name_key) || held.phonetic.has(r.phonetic_key) || held.lineage.has(r.lineage_key)) worth.add(r.id);
    }
  }
  return worth;
}

/**
 * Whether any other branch has a beneficiary: two range reads on the branch index (below and above
 * this branch's id), where `branch_id != ?` would scan every row of a head office holding one branch.
 */
async function anyoneElsewhere(tx: Tx, branchId: string): Promise<boolean> {
  const below = await tx.selectFrom('beneficiaries').select('id').where('branch_id', '<', branchId).limit(1).executeTakeFirst();
  return below !== undefined || (await tx.selectFrom('beneficiaries').select('id').where('branch_id', '>', branchId).limit(1).executeTakeFirst()) !== undefined;
}

function groupByBranch(rows: readonly KeyRow[]): Map<string, KeyRow[]> {
  const groups = new Map<string, KeyRow[]>();
  for (const row of rows) {
    const group = groups.get(row.branch_id);
    if (group) group.push(row);
    else groups.set(row.branch_id, [row]);
  }
  return groups;
}
