import type { Transaction } from 'kysely';
import { insertRows } from './bulk-insert';
import type { Database } from './schema';

/**
 * What merging a set of changes needs to know about the rows they touch, read in a few queries per
 * table instead of several per change, and the clock and history rows to write, written in bulk.
 */

export type FieldValue = string | number | null;
export type Row = Record<string, FieldValue>;
type LooseDb = Record<string, Row>;
type Tx = Transaction<Database>;

/** The clock entry of a row's insert: the stamp of every field it carried, until a field's own entry is later. */
export const INSERTED = '*';

export function maxHlc(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

const CHUNK = 400;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

type HistoryRow = Database['field_history'];

export class MergeState {
  private readonly rows = new Map<string, Row | null>();
  private readonly clocks = new Map<string, Map<string, string>>();
  private readonly pendingClocks = new Map<string, { table_name: string; row_id: string; field: string; hlc: string }>();
  private readonly history: HistoryRow[] = [];
  /** New rows waiting to be inserted together, grouped by table and column set (in first-seen order). */
  private readonly inserts = new Map<string, { table: string; rows: Row[] }>();

  /**
   * Queues a new row when `bulk` (written by flushInserts), or inserts it now. Rows are flushed before
   * any update, so an update of a row inserted in the same set finds it.
   */
  async insert(tx: Tx, table: string, row: Row, bulk: boolean): Promise<void> {
    if (!bulk) {
      await (tx as unknown as Transaction<LooseDb>).insertInto(table).values(row).execute();
      return;
    }
    const signature = `${table}\u0000${Object.keys(row).sort().join(',')}`;
    let group = this.inserts.get(signature);
    if (!group) this.inserts.set(signature, (group = { table, rows: [] }));
    group.rows.push(row);
  }

  async flushInserts(tx: Tx): Promise<void> {
    for (const { table, rows } of this.inserts.values()) await insertRows(tx, table, rows);
    this.inserts.clear();
  }

  private static key(table: string, rowId: string): string {
    return `${table}\u0000${rowId}`;
  }

  /** Reads the touched rows, their stored field clocks and this store's own writes to them. */
  async load(tx: Tx, targets: ReadonlyArray<{ table_name: string; row_id: string }>): Promise<void> {
    const loose = tx as unknown as Transaction<LooseDb>;
    const byTable = new Map<string, Set<string>>();
    for (const t of targets) {
      if (this.rows.has(MergeState.key(t.table_name, t.row_id))) continue;
      let ids = byTable.get(t.table_name);
      if (!ids) byTable.set(t.table_name, (ids = new Set()));
      ids.add(t.row_id);
    }
    for (const [table, idSet] of byTable) {
      for (const ids of chunks([...idSet])) {
        for (const id of ids) this.rows.set(MergeState.key(table, id), null);
        const found = await loose.selectFrom(table).selectAll().where('id', 'in', ids).execute();
        for (const row of found) this.rows.set(MergeState.key(table, String(row.id)), row);
        const stored = await tx.selectFrom('sync_field_clock').select(['row_id', 'field', 'hlc'])
          .where('table_name', '=', table).where('row_id', 'in', ids).execute();
        for (const c of stored) this.noteClock(table, c.row_id, c.field, c.hlc);
        const own = await tx.selectFrom('change_log').select(['row_id', 'fields', 'hlc'])
          .where('table_name', '=', table).where('row_id', 'in', ids).execute();
        for (const c of own) for (const field of Object.keys(JSON.parse(c.fields) as Row)) this.noteClock(table, c.row_id, field, c.hlc);
      }
    }
  }

  private noteClock(table: string, rowId: string, field: string, hlc: string): void {
    const key = MergeState.key(table, rowId);
    let fields = this.clocks.get(key);
    if (!fields) this.clocks.set(key, (fields = new Map()));
    fields.set(field, maxHlc(fields.get(field), hlc));
  }

  row(table: string, rowId: string): Row | null {
    return this.rows.get(MergeState.key(table, rowId)) ?? null;
  }

  /** The stamp of the last write of a field: its own entry, or the row's insert. */
  clockOf(table: string, rowId: string, field: string): string {
    const fields = this.clocks.get(MergeState.key(table, rowId));
    return maxHlc(fields?.get(field), fields?.get(INSERTED) ?? '');
  }

  /** Records what was written, so later changes of the same set see it, and queues its clock rows. */
  wrote(table: string, rowId: string, row: Row, fields: readonly string[], hlc: string): void {
    this.rows.set(MergeState.key(table, rowId), row);
    for (const field of fields) {
      this.noteClock(table, rowId, field, hlc);
      this.pendingClocks.set(`${MergeState.key(table, rowId)}\u0000${field}`, { table_name: table, row_id: rowId, field, hlc: this.clockOf(table, rowId, field) });
    }
  }

  keepLoser(entry: HistoryRow): void {
    this.history.push(entry);
  }

  async flush(tx: Tx): Promise<void> {
    await this.flushInserts(tx);
    await insertRows(tx, 'sync_field_clock', [...this.pendingClocks.values()],
      (insert) => insert.onConflict((oc) => oc.columns(['table_name', 'row_id', 'field']).doUpdateSet((eb) => ({ hlc: eb.ref('excluded.hlc') }))));
    await insertRows(tx, 'field_history', this.history);
    this.pendingClocks.clear();
    this.history.length = 0;
  }
}
