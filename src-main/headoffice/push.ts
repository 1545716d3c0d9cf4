import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { parseHlc } from '../../src-shared/domain/hlc';
import { SYNC_LIMITS, type PushReply, type PushRequest } from '../../src-shared/contract/sync';
import { insertRows } from '../store/bulk-insert';
import { applyChanges, type ColumnCatalog } from '../store/change-apply';
import { ASSOCIATION_WIDE_TABLES, PERSON_FILE_TABLES } from '../store/sync-schema';
import type { Database } from '../store/schema';
import { afterAccepted, screenResolutions } from './cross-branch';
import type { Device } from './devices';
import { findSuperseded } from './field-conflicts';
import { visibleTo } from './pull-scope';
import { screenSharedEdits } from './shared-edits';
import { lockChangeLog, type HeadOfficeStore } from './store';

/** A stamp further ahead of the server's clock than this is refused: a desk whose clock is badly wrong. */
export const MAX_CLOCK_DRIFT_MS = 24 * 3600 * 1000;

export type PushOutcome = { kind: 'reply'; reply: PushReply } | { kind: 'refused'; error: 'branch_not_allowed' };

/**
 * The rows a device may write: its own branch's rows, and another branch's rows of a person's file
 * (checked per change against the people its branch owns or shares: shared-edits.ts). The branch
 * row of another branch is reference data it may read but never write.
 */
function writable(device: Device, change: { table_name: string; row_id: string; branch_id: string }): boolean {
  if (change.branch_id !== device.branchId) return PERSON_FILE_TABLES.has(change.table_name);
  if (change.table_name === 'branches') return change.row_id === device.branchId;
  return true;
}

/**
 * Applies one batch in one transaction. A batch id seen before returns the stored reply and
 * applies nothing; a change id seen before (resent in a new batch after a cut) is not applied again.
 */
export async function receiveBatch(
  store: HeadOfficeStore,
  device: Device,
  batch: z.infer<typeof PushRequest>,
  columns: ColumnCatalog,
  now: Date,
): Promise<PushOutcome> {
  if (batch.changes.some((change) => !writable(device, change))) return { kind: 'refused', error: 'branch_not_allowed' };
  const at = now.toISOString();
  const reply = await store.db.transaction().execute(async (tx) => {
    await lockChangeLog(tx as unknown as Kysely<Database>, store.dialect);
    const seen = await tx.selectFrom('sync_batches').select('reply')
      .where('device_id', '=', device.id).where('batch_id', '=', batch.batchId).executeTakeFirst();
    if (seen) return { ...(JSON.parse(seen.reply) as PushReply), replayed: true };

    const ids = batch.changes.map((c) => c.id);
    const known = new Set((await tx.selectFrom('sync_changes').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const rejected: PushReply['rejected'] = [];
    let accepted = 0;
    const fresh: typeof batch.changes = [];
    for (const change of batch.changes) {
      if (known.has(change.id)) { accepted += 1; continue; }
      known.add(change.id);
      if (parseHlc(change.hlc).wallMs > now.getTime() + MAX_CLOCK_DRIFT_MS) rejected.push({ id: change.id, reason: 'clock_skew' });
      else fresh.push(change);
    }
    const refusals = await screenResolutions(tx, device, fresh);
    for (const id of await screenSharedEdits(tx, device, fresh)) refusals.set(id, 'branch_not_allowed');
    for (const [id, reason] of refusals) rejected.push({ id, reason });
    if (refusals.size > 0) fresh.splice(0, fresh.length, ...fresh.filter((c) => !refusals.has(c.id)));
    const superseded = await findSuperseded(tx, device, fresh, batch.seen ?? 0);
    const outcomes = await applyChanges(tx, fresh, columns, at);
    const logged = fresh.filter((change, i) => {
      const outcome = outcomes[i];
      if (outcome && !outcome.applied) rejected.push({ id: change.id, reason: outcome.reason });
      return outcome?.applied === true;
    });
    accepted += logged.length;
    // Every accepted change enters the ordered log, losers included: each desk then merges the
    // same set of changes and keeps the same losing values in its history.
    await insertRows(tx, 'sync_changes', logged.map((change) => ({
      id: change.id, table_name: change.table_name, row_id: change.row_id, op: change.op,
      fields: JSON.stringify(change.fields), hlc: change.hlc, branch_id: change.branch_id,
      origin_device: device.id, received_at: at,
    })));
    await afterAccepted(tx, columns, logged, superseded, at);
    const result: PushReply = { accepted, rejected, replayed: false };
    await tx.insertInto('sync_batches').values({ device_id: device.id, batch_id: batch.batchId, received_at: at, reply: JSON.stringify(result) }).execute();
    const lastError = rejected.length > 0 ? `rejected ${rejected.length}: ${[...new Set(rejected.map((r) => r.reason))].join(',')}` : null;
    await tx.updateTable('sync_devices').set({ last_push_at: at, last_error: lastError }).where('id', '=', device.id).execute();
    return result;
  });
  return { kind: 'reply', reply };
}

/** The id of the last log entry at or before `seq`: the mark a desk keeps with its cursor. */
async function markAt(db: Kysely<Database>, seq: number): Promise<string | null> {
  const row = await db.selectFrom('sync_changes').select('id').where('seq', '<=', seq).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Whether the log still holds what the desk had read and sent: the entry its cursor's mark names
 * (at the same place), and its newest accepted change. Not so: head office was restored from a
 * backup taken before them, and the desk must send and read again (sync-state.ts restartAfterRewind).
 */
export async function logRewound(db: Kysely<Database>, after: number, check: { mark?: string | undefined; sent?: string | undefined }): Promise<boolean> {
  if (check.mark && after > 0 && (await markAt(db, after)) !== check.mark) return true;
  if (check.sent && !(await db.selectFrom('sync_changes').select('id').where('id', '=', check.sent).executeTakeFirst())) return true;
  return false;
}

/**
 * One page of the log after `after`, limited to what the device's branch may see and without the
 * device's own changes (unless `includeOwn`). The cursor moves past invisible entries too, so a page is never empty
 * while more is visible. `after` acknowledges what the device has applied.
 */
export async function pagePull(db: Kysely<Database>, device: Device, after: number, limit: number, now: Date, includeOwn: boolean) {
  const top = await db.selectFrom('sync_changes').select(({ fn }) => fn.max('seq').as('seq')).executeTakeFirst();
  const head = Number(top?.seq ?? 0);
  const rows = await db.selectFrom('sync_changes')
    .select(['seq', 'id', 'table_name', 'row_id', 'op', 'fields', 'hlc', 'branch_id'])
    .where('seq', '>', after).where('seq', '<=', head)
    .where((eb) => visibleTo(eb, device.branchId, ASSOCIATION_WIDE_TABLES))
    // A desk re-syncing after a restore asks for its own changes too (includeOwn; docs/backups.md).
    .$if(!includeOwn, (qb) => qb.where((eb) => eb.or([eb('origin_device', 'is', null), eb('origin_device', '!=', device.id)])))
    .orderBy('seq').limit(limit).execute();
  // A page is bounded by bytes as well as count (at least one change, so the cursor always moves).
  let bytes = 0;
  const cut = rows.findIndex((r, i) => (bytes += r.fields.length + 200) > SYNC_LIMITS.pullBytes && i > 0);
  if (cut > 0) rows.length = cut;
  const full = cut > 0 || rows.length === limit;
  const last = rows.at(-1);
  const nextCursor = full && last ? Number(last.seq) : Math.max(head, after);
  await db.updateTable('sync_devices').set({ pull_cursor: after, last_pull_at: now.toISOString() }).where('id', '=', device.id).execute();
  return { changes: rows, nextCursor, more: full, mark: await markAt(db, nextCursor) };
}

/**
 * A pulled page as the JSON the desk reads (PullReply). The fields of each change are stored as
 * the JSON text they arrived as, and go out as that text: a page of thousands of changes is not
 * parsed and serialised again on every pull.
 */
export function pullReplyJson(page: Awaited<ReturnType<typeof pagePull>>): string {
  const changes = page.changes.map((r) => `{"seq":${Number(r.seq)},"id":${JSON.stringify(r.id)},"table_name":${JSON.stringify(r.table_name)},"row_id":${JSON.stringify(r.row_id)},"op":${JSON.stringify(r.op)},"fields":${r.fields},"hlc":${JSON.stringify(r.hlc)},"branch_id":${JSON.stringify(r.branch_id)}}`);
  return `{"changes":[${changes.join(',')}],"nextCursor":${page.nextCursor},"more":${page.more},"mark":${JSON.stringify(page.mark)}}`;
}
