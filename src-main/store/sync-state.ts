import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from './schema';

/** The desk's side of sync: its enrolment, pull cursor, outbox, parked changes and run history. */

type Db = Kysely<Database> | Transaction<Database>;

const KEYS = ['sync.server_url', 'sync.device_id', 'sync.credential', 'sync.branch_id', 'sync.cursor', 'sync.cursor_mark'] as const;
type SyncKey = (typeof KEYS)[number];

export type Enrolment = { serverUrl: string; deviceId: string; credential: string; branchId: string };

async function readKeys(db: Db): Promise<Partial<Record<SyncKey, string>>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [...KEYS]).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

async function put(db: Db, key: SyncKey, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function readEnrolment(db: Db): Promise<Enrolment | null> {
  const s = await readKeys(db);
  if (!s['sync.server_url'] || !s['sync.device_id'] || !s['sync.credential'] || !s['sync.branch_id']) return null;
  return { serverUrl: s['sync.server_url'], deviceId: s['sync.device_id'], credential: s['sync.credential'], branchId: s['sync.branch_id'] };
}

/** A new enrolment starts pulling from the beginning of the server's log. */
export async function saveEnrolment(db: Db, enrolment: Enrolment): Promise<void> {
  await put(db, 'sync.server_url', enrolment.serverUrl);
  await put(db, 'sync.device_id', enrolment.deviceId);
  await put(db, 'sync.credential', enrolment.credential);
  await put(db, 'sync.branch_id', enrolment.branchId);
  await put(db, 'sync.cursor', '0');
  await db.deleteFrom('settings').where('key', '=', 'sync.cursor_mark').execute();
}

/**
 * A restore keeps the enrolment of the desk it is restored on (the backup's may be older, revoked or
 * absent) and the restored store's pull position: a position in head office's one log, whoever pulled.
 */
export async function keepEnrolment(db: Db, enrolment: Enrolment): Promise<void> {
  await put(db, 'sync.server_url', enrolment.serverUrl);
  await put(db, 'sync.device_id', enrolment.deviceId);
  await put(db, 'sync.credential', enrolment.credential);
  await put(db, 'sync.branch_id', enrolment.branchId);
}

export async function readCursor(db: Db): Promise<number> {
  return Number((await readKeys(db))['sync.cursor'] ?? 0);
}

/**
 * The pull position and its mark: the id of head office's last log entry at or before it. Head
 * office checks the mark on the next pull; a different entry there means its log went back (it was
 * restored from a backup), and the desk starts over (restartAfterRewind).
 */
export async function readPullPosition(db: Db): Promise<{ cursor: number; mark: string | null }> {
  const keys = await readKeys(db);
  return { cursor: Number(keys['sync.cursor'] ?? 0), mark: keys['sync.cursor_mark'] ?? null };
}

export async function saveCursor(db: Db, cursor: number, mark?: string | null): Promise<void> {
  await put(db, 'sync.cursor', String(cursor));
  if (mark) await put(db, 'sync.cursor_mark', mark);
  else if (mark === null) await db.deleteFrom('settings').where('key', '=', 'sync.cursor_mark').execute();
}

/** The newest change of this desk head office accepted (a parked one was refused): it must still be in head office's log. */
export async function lastAcceptedChange(db: Db): Promise<string | null> {
  const row = await db.selectFrom('change_log').select('id').where('pushed_at', 'is not', null)
    .where('id', 'not in', db.selectFrom('sync_rejections').select('change_id'))
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Head office's log went back (it was restored from a backup): what it lost is sent again and read
 * again. Every change it had accepted goes back in the outbox (head office recognises by id the ones
 * it still has, and applies only the others), and the pull starts over from the beginning (merging a
 * change twice changes nothing). Parked changes stay parked.
 */
export async function restartAfterRewind(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('change_log').set({ pushed_at: null }).where('pushed_at', 'is not', null)
      .where('id', 'not in', tx.selectFrom('sync_rejections').select('change_id')).execute();
    await saveCursor(tx, 0, null);
  });
}

export type OutboxEntry = { seq: number; id: string; table_name: string; row_id: string; op: 'insert' | 'update' | 'delete'; fields: string; hlc: string; branch_id: string };

/** The oldest changes not yet accepted or parked, in the order they were written (after `afterSeq`: those not already sent). */
export async function readOutbox(db: Db, limit: number, afterSeq = 0): Promise<OutboxEntry[]> {
  const rows = await db.selectFrom('change_log').select(['seq', 'id', 'table_name', 'row_id', 'op', 'fields', 'hlc', 'branch_id'])
    .where('pushed_at', 'is', null).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function markPushed(db: Db, ids: readonly string[], at: string): Promise<void> {
  if (ids.length > 0) await db.updateTable('change_log').set({ pushed_at: at }).where('id', 'in', [...ids]).execute();
}

/** A change that cannot travel is set aside with its reason (shown to a person); the queue moves on. */
export async function parkChanges(
  db: Db,
  parked: ReadonlyArray<{ id: string; table_name: string; row_id: string; reason: string }>,
  direction: 'push' | 'pull',
  at: string,
): Promise<void> {
  if (parked.length === 0) return;
  await db.insertInto('sync_rejections')
    .values(parked.map((p) => ({ change_id: p.id, direction, table_name: p.table_name, row_id: p.row_id, reason: p.reason, at })))
    .onConflict((oc) => oc.column('change_id').doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason'), at })))
    .execute();
  if (direction === 'push') await markPushed(db, parked.map((p) => p.id), at);
}

export async function countOutbox(db: Db): Promise<{ pending: number; parked: number }> {
  const pending = await db.selectFrom('change_log').select(({ fn }) => fn.countAll<number>().as('n')).where('pushed_at', 'is', null).executeTakeFirstOrThrow();
  return { pending: Number(pending.n), parked: (await settleableParked(db)).length };
}

/**
 * The parked changes a person settles: an edit's history entries (written with it, same stamp) share
 * its fate — refused with it, sent again or set aside with it — so they are not listed beside it.
 */
async function settleableParked(db: Db) {
  const rows = await db.selectFrom('sync_rejections').leftJoin('change_log', 'change_log.id', 'sync_rejections.change_id')
    .select(['sync_rejections.change_id', 'sync_rejections.direction', 'sync_rejections.table_name', 'sync_rejections.row_id', 'sync_rejections.reason', 'sync_rejections.at', 'change_log.hlc'])
    .execute();
  const edits = new Set(rows.filter((r) => r.table_name !== 'field_history' && r.hlc !== null).map((r) => r.hlc));
  return rows.filter((r) => !(r.table_name === 'field_history' && r.hlc !== null && edits.has(r.hlc)));
}

export type SyncRun = { startedAt: string; finishedAt: string; pushed: number; pulled: number; rejected: number; error: string | null };

export async function recordRun(db: Db, run: SyncRun): Promise<void> {
  await db.insertInto('sync_runs').values({
    id: uuidv7(), started_at: run.startedAt, finished_at: run.finishedAt, pushed: run.pushed, pulled: run.pulled, rejected: run.rejected, error: run.error,
  }).execute();
}

export async function lastRuns(db: Db, limit: number): Promise<SyncRun[]> {
  const rows = await db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ startedAt: r.started_at, finishedAt: r.finished_at, pushed: r.pushed, pulled: r.pulled, rejected: r.rejected, error: r.error }));
}

/** When the desk last finished a sync without error. */
export async function lastSuccessAt(db: Db): Promise<string | null> {
  const row = await db.selectFrom('sync_runs').select('finished_at').where('error', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.finished_at ?? null;
}

/** The parked changes, newest first (ids, tables and reason codes only: no field values). */
export async function listParked(db: Db, limit: number) {
  const rows = (await settleableParked(db)).sort((a, b) => (a.at === b.at ? (a.change_id < b.change_id ? -1 : 1) : a.at < b.at ? 1 : -1)).slice(0, limit);
  return rows.map((r) => ({ changeId: r.change_id, direction: r.direction, table: r.table_name, rowId: r.row_id, reason: r.reason, at: r.at }));
}
