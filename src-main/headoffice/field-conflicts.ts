import type { Transaction } from 'kysely';
import type { Change, FieldValue } from '../store/change-apply';
import type { Database } from '../store/schema';
import type { Device } from './devices';

/**
 * Concurrent edits of one field, seen at head office (the one place every change passes in order).
 * Per-field last-writer-wins keeps the later stamp; the other value is "superseded" and becomes a
 * record every desk of the branch pulls, so the person who typed it can see it and type it again.
 *
 * Two writes conflict when neither writer had seen the other's: either the incoming change is older
 * than the field's stamp here, or it is newer but its device had not pulled the value it replaces.
 */

type Tx = Transaction<Database>;

/** Only fields a person typed: bookkeeping columns and derived keys never make a conflict. */
const IGNORED = new Set(['id', 'branch_id', 'hlc', 'created_at', 'updated_at', 'created_by', 'updated_by', 'name_key', 'phonetic_key', 'lineage_key', 'merged_into']);
const TABLES = new Set(['beneficiaries']);

export type Superseded = { changeId: string; table: string; rowId: string; branchId: string; field: string; losing: FieldValue; losingHlc: string; winning: FieldValue; winningHlc: string };

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return (a ?? null) === null ? (b ?? null) === null : String(a) === String(b ?? '');
}

/** `seen`: the pushing desk's own pull cursor (what of the log it had applied), if it sent it. */
export async function findSuperseded(tx: Tx, device: Device, changes: readonly Change[], seen: number): Promise<Superseded[]> {
  const found: Superseded[] = [];
  const edits = changes.filter((c) => c.op === 'update' && TABLES.has(c.table_name));
  if (edits.length === 0) return found;
  const acknowledged = Number((await tx.selectFrom('sync_devices').select('pull_cursor').where('id', '=', device.id).executeTakeFirst())?.pull_cursor ?? 0);
  const cursor = Math.max(acknowledged, seen);
  // What each touched field holds here and its stamp, moved along as the batch's own changes apply.
  const state = new Map<string, { value: FieldValue; hlc: string }>();
  for (const change of edits) {
    const row = await tx.selectFrom(change.table_name as 'beneficiaries').selectAll().where('id', '=', change.row_id).executeTakeFirst() as Record<string, FieldValue> | undefined;
    if (!row) continue;
    const clocks = await tx.selectFrom('sync_field_clock').select(['field', 'hlc']).where('table_name', '=', change.table_name).where('row_id', '=', change.row_id).execute();
    const inserted = clocks.find((c) => c.field === '*')?.hlc ?? '';
    for (const [field, value] of Object.entries(change.fields)) {
      if (IGNORED.has(field)) continue;
      const key = `${change.table_name}/${change.row_id}/${field}`;
      const own = clocks.find((c) => c.field === field)?.hlc ?? '';
      const current = state.get(key) ?? { value: row[field] ?? null, hlc: own > inserted ? own : inserted };
      if (!same(current.value, value) && current.hlc !== '') {
        const base = { changeId: change.id, table: change.table_name, rowId: change.row_id, branchId: change.branch_id, field };
        if (change.hlc < current.hlc) {
          found.push({ ...base, losing: value, losingHlc: change.hlc, winning: current.value, winningHlc: current.hlc });
        } else if (change.hlc > current.hlc) {
          const writer = await tx.selectFrom('sync_changes').select(['seq', 'origin_device'])
            .where('table_name', '=', change.table_name).where('row_id', '=', change.row_id).where('hlc', '=', current.hlc)
            .where('audience_branch', 'is', null).orderBy('seq').executeTakeFirst();
          const unseen = writer !== undefined && writer.origin_device !== device.id && Number(writer.seq) > cursor;
          if (unseen) found.push({ ...base, losing: current.value, losingHlc: current.hlc, winning: value, winningHlc: change.hlc });
        }
      }
      if (change.hlc > current.hlc) state.set(key, { value, hlc: change.hlc });
    }
  }
  return found;
}
