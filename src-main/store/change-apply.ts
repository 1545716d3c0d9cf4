import { type Kysely, sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { INSERTED, MergeState, type FieldValue, type Row } from './change-apply-state';
import type { Database } from './schema';
import { INSERT_ONLY_TABLES, isTravellingTable, MOVABLE_TABLES, SHARED_ROW_TABLES } from './sync-schema';

/**
 * Merging one travelling change into a store, the same code at head office and on every desk:
 * per field, the write with the greater HLC wins (whatever order changes arrive in), insert-only
 * tables accept a row once, and a value that loses is kept in field_history so nothing vanishes.
 * Applying the same change twice changes nothing.
 */

export type Change = {
  id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  fields: Record<string, FieldValue>;
  hlc: string;
  branch_id: string;
};

export const REJECT_REASONS = [
  'unknown_table', 'unknown_field', 'delete_not_supported', 'row_unknown', 'branch_mismatch', 'insert_only',
  'conflict_unique', 'missing_reference', 'invalid_value', 'invalid_change', 'clock_skew', 'branch_not_allowed',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** `inserted`: the change created the row (it did not exist in this store before). */
export type ApplyOutcome = { applied: true; won: number; lost: number; inserted?: true } | { applied: false; reason: RejectReason };

/** Columns of each travelling table, read once from the store itself (dialect-neutral introspection). */
export type ColumnCatalog = ReadonlyMap<string, ReadonlySet<string>>;

export async function readColumnCatalog(db: Kysely<Database>): Promise<ColumnCatalog> {
  const tables = await db.introspection.getTables();
  const catalog = new Map<string, Set<string>>();
  for (const table of tables) {
    if (!isTravellingTable(table.name) || (table.schema !== undefined && table.schema !== 'public')) continue;
    catalog.set(table.name, new Set(table.columns.map((c) => c.name)));
  }
  // A travelling table this store lacks (a schema still being migrated) refuses its changes as unknown_table.
  return catalog;
}

type LooseDb = Record<string, Row>;
type Tx = Transaction<Database>;

export type { FieldValue } from './change-apply-state';

/**
 * Columns that never travel (see row-writer's LOCAL_ONLY_COLUMNS) but are required on insert: a user
 * arriving from another install gets a password hash that matches nothing, so that person signs in
 * here only after an admin of this install sets a password.
 */
const LOCAL_DEFAULTS: Readonly<Record<string, Row>> = { users: { password_hash: '!', failed_attempts: 0 } };

/** Fields that describe the row rather than hold a value of it: never merged field by field. */
const ROW_META = new Set(['id', 'branch_id', 'hlc']);

function asText(value: FieldValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

async function merge(tx: Tx, state: MergeState, change: Change, existing: Row, now: string): Promise<ApplyOutcome> {
  const loose = tx as unknown as Transaction<LooseDb>;
  if (existing.branch_id !== change.branch_id && !SHARED_ROW_TABLES.has(change.table_name)) return { applied: false, reason: 'branch_mismatch' };
  if (INSERT_ONLY_TABLES.has(change.table_name)) {
    // The same insert delivered twice is fine; anything else would rewrite a record the law wants kept.
    return change.op === 'insert' ? { applied: true, won: 0, lost: 0 } : { applied: false, reason: 'insert_only' };
  }
  const winners: Row = {};
  let lost = 0;
  for (const [field, value] of Object.entries(change.fields)) {
    if (ROW_META.has(field) && !(field === 'branch_id' && MOVABLE_TABLES.has(change.table_name))) continue;
    const clock = state.clockOf(change.table_name, change.row_id, field);
    if (change.hlc > clock) winners[field] = value;
    else if (change.hlc < clock && asText(existing[field]) !== asText(value) && field !== 'updated_at') {
      lost += 1;
      // The losing value stays visible: a history entry from the loser to the value that was kept.
      state.keepLoser({
        id: uuidv7(), branch_id: change.branch_id, table_name: change.table_name, row_id: change.row_id, field,
        old_value: asText(value), new_value: asText(existing[field]), changed_by: null, changed_at: now, hlc: change.hlc,
      });
    }
  }
  const won = Object.keys(winners);
  if (won.length > 0) {
    const rowHlc = String(existing.hlc ?? '') > change.hlc ? String(existing.hlc) : change.hlc;
    await state.flushInserts(tx);
    await loose.updateTable(change.table_name).set({ ...winners, hlc: rowHlc }).where('id', '=', change.row_id).execute();
    state.wrote(change.table_name, change.row_id, { ...existing, ...winners, hlc: rowHlc }, won, change.hlc);
  }
  return { applied: true, won: won.length, lost };
}

async function applyOne(tx: Tx, state: MergeState, change: Change, now: string, bulk: boolean): Promise<ApplyOutcome> {
  const existing = state.row(change.table_name, change.row_id);
  if (existing) return merge(tx, state, change, existing, now);
  if (change.op !== 'insert') return { applied: false, reason: 'row_unknown' };
  const row: Row = { ...LOCAL_DEFAULTS[change.table_name], ...change.fields, id: change.row_id, branch_id: change.branch_id, hlc: change.hlc };
  await state.insert(tx, change.table_name, row, bulk);
  // One clock for every field the insert carried, rather than one row per field.
  state.wrote(change.table_name, change.row_id, row, [INSERTED], change.hlc);
  return { applied: true, won: Object.keys(row).length, lost: 0, inserted: true };
}

function reasonOf(error: unknown): RejectReason {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: unknown }).code ?? ''}` : '';
  if (/unique|23505/i.test(text)) return 'conflict_unique';
  if (/foreign key|23503/i.test(text)) return 'missing_reference';
  if (/check constraint|23514|not null|23502/i.test(text)) return 'invalid_value';
  return 'invalid_change';
}

function refusedBeforeWriting(change: Change, columns: ColumnCatalog): RejectReason | null {
  const known = columns.get(change.table_name);
  if (!isTravellingTable(change.table_name) || !known) return 'unknown_table';
  if (change.op === 'delete') return 'delete_not_supported';
  if (Object.keys(change.fields).some((field) => !known.has(field))) return 'unknown_field';
  return null;
}

/** Runs `work` under a savepoint: undone entirely if it throws. */
async function guarded<T>(tx: Tx, name: string, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  await sql.raw(`savepoint ${name}`).execute(tx);
  try {
    const value = await work();
    await sql.raw(`release savepoint ${name}`).execute(tx);
    return { ok: true, value };
  } catch (error) {
    await sql.raw(`rollback to savepoint ${name}`).execute(tx);
    await sql.raw(`release savepoint ${name}`).execute(tx);
    return { ok: false, error };
  }
}

/** One change alone, under its own savepoint: a change that cannot apply is undone and reported. */
async function applyAlone(tx: Tx, change: Change, now: string): Promise<ApplyOutcome> {
  const attempt = await guarded(tx, 'sync_change', async () => {
    const state = new MergeState();
    await state.load(tx, [change]);
    const outcome = await applyOne(tx, state, change, now, false);
    await state.flush(tx);
    return outcome;
  });
  return attempt.ok ? attempt.value : { applied: false, reason: reasonOf(attempt.error) };
}

/**
 * Applies changes in order inside the caller's transaction, one outcome per change. The common case
 * (nothing refused by the store) reads and writes in bulk; when a change breaks a constraint, the set
 * is undone and applied again one change at a time, so only that change is refused.
 */
export async function applyChanges(tx: Tx, changes: readonly Change[], columns: ColumnCatalog, now: string): Promise<ApplyOutcome[]> {
  const outcomes: Array<ApplyOutcome | null> = changes.map((change) => {
    const reason = refusedBeforeWriting(change, columns);
    return reason ? { applied: false, reason } : null;
  });
  const valid = changes.filter((_c, i) => outcomes[i] === null);
  const fast = await guarded(tx, 'sync_batch', async () => {
    const state = new MergeState();
    await state.load(tx, valid);
    const results: ApplyOutcome[] = [];
    for (const change of valid) results.push(await applyOne(tx, state, change, now, true));
    await state.flush(tx);
    return results;
  });
  let next = 0;
  for (let i = 0; i < changes.length; i += 1) {
    if (outcomes[i] !== null) continue;
    const change = changes[i] as Change;
    outcomes[i] = fast.ok ? (fast.value[next] as ApplyOutcome) : await applyAlone(tx, change, now);
    next += 1;
  }
  return outcomes as ApplyOutcome[];
}

/** Applies one change (see applyChanges). */
export async function applyChange(tx: Tx, change: Change, columns: ColumnCatalog, now: string): Promise<ApplyOutcome> {
  const [outcome] = await applyChanges(tx, [change], columns, now);
  return outcome as ApplyOutcome;
}
