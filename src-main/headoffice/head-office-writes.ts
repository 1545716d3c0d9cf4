import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { hlcReceive, hlcTick, hlcToString, parseHlc, type Hlc } from '../../src-shared/domain/hlc';
import { applyChanges, type Change, type ColumnCatalog, type FieldValue } from '../store/change-apply';
import type { Database } from '../store/schema';

/**
 * Rows head office writes itself (review items, shares, the effects of a merge): merged into its own
 * store by the same per-field code as a pushed change, then appended to the ordered log so desks pull
 * them like any other change. An `audience` copy of a log entry reaches one branch only.
 */

type Tx = Transaction<Database>;
type Row = Record<string, FieldValue>;

/** This process's clock: stamps after every stamp it has seen, so head office's writes sort last. */
const node = `ho${randomBytes(4).toString('hex')}`;
let last: Hlc | null = null;

export function observeStamp(stamp: string): void {
  const remote = parseHlc(stamp);
  last = hlcReceive(last ?? remote, remote, Date.now(), node);
}

export function nextStamp(): string {
  last = hlcTick(last, Date.now(), node);
  return hlcToString(last);
}

export class HeadOfficeWriter {
  constructor(private readonly tx: Tx, private readonly columns: ColumnCatalog, private readonly at: string) {}

  private async log(change: Change, audience: string | null): Promise<void> {
    await this.tx.insertInto('sync_changes').values({
      id: audience === null ? change.id : uuidv7(), table_name: change.table_name, row_id: change.row_id, op: change.op,
      fields: JSON.stringify(change.fields), hlc: change.hlc, branch_id: change.branch_id,
      origin_device: null, received_at: this.at, audience_branch: audience,
    }).execute();
  }

  /** Applies one change here and logs it for every desk that may see the row, plus a copy for each audience branch. */
  async write(change: Omit<Change, 'id'>, audiences: readonly string[] = []): Promise<void> {
    const full: Change = { ...change, id: uuidv7() };
    const [outcome] = await applyChanges(this.tx, [full], this.columns, this.at);
    if (!outcome?.applied) throw new Error(`head office could not write its own ${change.table_name} row: ${outcome?.reason ?? 'unknown'}`);
    await this.log(full, null);
    for (const branch of audiences) await this.log(full, branch);
  }

  /** A new travelling row, stamped now. */
  async insert(table: string, row: Row & { id: string; branch_id: string }, audiences: readonly string[] = []): Promise<string> {
    const hlc = nextStamp();
    await this.write({ table_name: table, row_id: row.id, op: 'insert', fields: { ...row, created_at: this.at, updated_at: this.at, hlc }, hlc, branch_id: row.branch_id }, audiences);
    return hlc;
  }

  /**
   * Copies the logged history of one row to a branch that may now see it (it was shared): the desk
   * merges the same changes in the same order and ends with the same row, clocks and history.
   */
  async copyHistory(table: string, rowId: string, branch: string): Promise<void> {
    const entries = await this.tx.selectFrom('sync_changes').selectAll()
      .where('table_name', '=', table).where('row_id', '=', rowId).where('audience_branch', 'is', null).orderBy('seq').execute();
    for (const e of entries) {
      await this.tx.insertInto('sync_changes').values({
        id: uuidv7(), table_name: e.table_name, row_id: e.row_id, op: e.op, fields: e.fields, hlc: e.hlc, branch_id: e.branch_id,
        origin_device: null, received_at: this.at, audience_branch: branch,
      }).execute();
    }
  }
}
