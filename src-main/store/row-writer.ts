import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { insertRows } from './bulk-insert';
import type { Database, TravellingTable } from './schema';

/** Who and when of one write; `hlc` comes from the install's clock. */
export type WriteStamp = { hlc: string; now: string; userId: string | null };

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, string | number | null>;

/**
 * Columns that stay on the device: per-device sign-in counters never enter the outbox. The password
 * hash does travel (to head office and the branch's other desks), so staff sign in at any desk of
 * their branch, including one that joined the branch with an empty store.
 */
const LOCAL_ONLY_COLUMNS = new Set(['failed_attempts', 'locked_until', 'last_login_at']);

function shippable(fields: Row): Row {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !LOCAL_ONLY_COLUMNS.has(key)));
}

async function appendChange(
  db: Db,
  table: TravellingTable,
  rowId: string,
  branchId: string,
  op: 'insert' | 'update' | 'delete',
  fields: Row,
  stamp: WriteStamp,
): Promise<void> {
  await db
    .insertInto('change_log')
    .values({
      id: uuidv7(),
      table_name: table,
      row_id: rowId,
      op,
      fields: JSON.stringify(shippable(fields)),
      hlc: stamp.hlc,
      branch_id: branchId,
      created_at: stamp.now,
      pushed_at: null,
    })
    .execute();
}

/**
 * Inserts a travelling row (id, branch_id and the domain columns given) with its timestamps and HLC,
 * and appends it to the change log in the same transaction.
 */
export async function insertTravelling(
  db: Db,
  table: TravellingTable,
  row: Row & { id: string; branch_id: string },
  stamp: WriteStamp,
): Promise<void> {
  const full = { ...row, created_at: stamp.now, updated_at: stamp.now, hlc: stamp.hlc };
  // The four travelling tables share these columns; Kysely cannot type an insert over a table union.
  await db.insertInto(table).values(full as never).execute();
  await appendChange(db, table, row.id, row.branch_id, 'insert', full, stamp);
}

/**
 * Inserts many travelling rows of one table (a pass creating thousands of tasks): the same rows and
 * change-log entries as `insertTravelling`, written the fastest way the store allows (bulk-insert.ts).
 */
export async function insertTravellingMany(
  db: Db,
  table: TravellingTable,
  rows: ReadonlyArray<Row & { id: string; branch_id: string }>,
  stamp: WriteStamp,
): Promise<void> {
  const full = rows.map((row) => ({ ...row, created_at: stamp.now, updated_at: stamp.now, hlc: stamp.hlc }));
  await insertRows(db, table, full);
  await insertRows(db, 'change_log', full.map((row) => ({
    id: uuidv7(),
    table_name: table,
    row_id: row.id,
    op: 'insert',
    fields: JSON.stringify(shippable(row)),
    hlc: stamp.hlc,
    branch_id: row.branch_id,
    created_at: stamp.now,
    pushed_at: null,
  })));
}

/** The columns whose value differs between `before` and `after` (only keys present in `after`). */
export function changedColumns(before: Row, after: Row): string[] {
  return Object.keys(after).filter((key) => (before[key] ?? null) !== (after[key] ?? null));
}

/**
 * Updates the changed columns of a travelling row, stamps it, appends the change log entry and,
 * when asked, one field-history row per changed column (old and new value, who, when).
 * Returns the changed column names (empty: nothing was written).
 */
export async function updateTravelling(
  db: Db,
  table: TravellingTable,
  before: Row & { id: string; branch_id: string },
  after: Row,
  stamp: WriteStamp,
  options: { history: boolean; hiddenFromHistory?: ReadonlySet<string> },
): Promise<string[]> {
  const changed = changedColumns(before, after);
  if (changed.length === 0) return [];
  const set: Row = Object.fromEntries(changed.map((key) => [key, after[key] ?? null]));
  const stamped = { ...set, updated_at: stamp.now, hlc: stamp.hlc };
  await db
    .updateTable(table)
    .set(stamped as never)
    .where('id', '=', before.id)
    .execute();
  await appendChange(db, table, before.id, before.branch_id, 'update', stamped, stamp);
  if (options.history) {
    const visible = changed.filter((key) => !options.hiddenFromHistory?.has(key));
    if (visible.length > 0) {
      const entries = visible.map((field) => ({
        id: uuidv7(),
        branch_id: before.branch_id,
        table_name: table,
        row_id: before.id,
        field,
        old_value: before[field] === null || before[field] === undefined ? null : String(before[field]),
        new_value: after[field] === null || after[field] === undefined ? null : String(after[field]),
        changed_by: stamp.userId,
        changed_at: stamp.now,
        hlc: stamp.hlc,
      }));
      await db.insertInto('field_history').values(entries).execute();
      // The history travels with the edit: every desk of the branch, and head office, see who changed what.
      for (const entry of entries) await appendChange(db, 'field_history', entry.id, entry.branch_id, 'insert', entry, stamp);
    }
  }
  return changed;
}
