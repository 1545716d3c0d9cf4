import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { SYNC_LIMITS, type PushReply, type WireChange } from '../../src-shared/contract/sync';
import type { FileCounts } from '../../src-shared/contract/sync-files';
import type { ContentPlace } from '../store/content-files';
import { applyChanges, readColumnCatalog, type ColumnCatalog } from '../store/change-apply';
import type { Database } from '../store/schema';
import { ReindexSet } from '../store/sync-reindex';
import { raiseHlcFloor } from '../store/sync-rebuild';
import { PERSON_FILE_TABLES } from '../store/sync-schema';
import { lastAcceptedChange, markPushed, parkChanges, readOutbox, readPullPosition, restartAfterRewind, saveCursor, type Enrolment, type OutboxEntry } from '../store/sync-state';
import { syncFiles } from './file-transfer';
import { SyncFailure, type SyncServer } from './server-client';

/** One sync of a desk: push its outbox in bounded batches, then pull its branch's changes page by page. */

/** A single change larger than this could never fit in a request the server accepts. */
const MAX_CHANGE_BYTES = SYNC_LIMITS.bodyBytes / 2;

export type SyncCounts = { pushed: number; pulled: number; rejected: number; files?: FileCounts };

/**
 * Rows this desk may send: those of its own branch, and edits of a person's file another branch owns
 * (the person is shared with this branch; head office checks it per change). The server refuses a
 * batch with any other row.
 */
function sendable(enrolment: Enrolment, entry: OutboxEntry): boolean {
  if (entry.branch_id !== enrolment.branchId) return PERSON_FILE_TABLES.has(entry.table_name);
  return entry.table_name !== 'branches' || entry.row_id === enrolment.branchId;
}

function toWire(entry: OutboxEntry): WireChange {
  return { id: entry.id, table_name: entry.table_name, row_id: entry.row_id, op: entry.op, fields: JSON.parse(entry.fields) as WireChange['fields'], hlc: entry.hlc, branch_id: entry.branch_id };
}

/** Takes changes in order until the count or the byte budget is reached (at least one, so nothing sticks). */
export function takeBatch(entries: readonly OutboxEntry[], maxCount: number, maxBytes: number): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entry.fields.length + 200;
    if (batch.length >= maxCount || (batch.length > 0 && bytes + size > maxBytes)) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}

type PushTotals = { pushed: number; rejected: number };

/** Changes that can never be accepted are parked at once, so they do not hold up the rest; returns the others. */
async function parkUnsendable(db: Kysely<Database>, enrolment: Enrolment, pending: OutboxEntry[], at: string, totals: PushTotals): Promise<OutboxEntry[]> {
  const unsendable = pending.flatMap((e) => {
    if (!sendable(enrolment, e)) return [{ ...e, reason: 'branch_not_allowed' }];
    if (e.fields.length > MAX_CHANGE_BYTES) return [{ ...e, reason: 'payload_too_large' }];
    return [];
  });
  if (unsendable.length === 0) return pending;
  await parkChanges(db, unsendable, 'push', at);
  totals.rejected += unsendable.length;
  const parked = new Set(unsendable.map((e) => e.id));
  return pending.filter((e) => !parked.has(e.id));
}

/** Head office's answer to one batch: accepted changes leave the outbox, refused ones are parked with their reason. */
async function recordReply(db: Kysely<Database>, batch: readonly OutboxEntry[], reply: PushReply, at: string, totals: PushTotals): Promise<void> {
  const refusedIds = new Set(reply.rejected.map((r) => r.id));
  await db.transaction().execute(async (tx) => {
    await markPushed(tx, batch.filter((e) => !refusedIds.has(e.id)).map((e) => e.id), at);
    const byId = new Map(batch.map((e) => [e.id, e]));
    await parkChanges(tx, reply.rejected.flatMap((r) => {
      const entry = byId.get(r.id);
      return entry ? [{ ...entry, reason: r.reason }] : [];
    }), 'push', at);
  });
  totals.pushed += batch.length - refusedIds.size;
  totals.rejected += refusedIds.size;
}

/**
 * Pushes the outbox in order, one batch in flight at a time (head office applies batches in the
 * order they were sent). The desk's own work overlaps head office's: while a batch is on its way
 * the desk records the previous reply and reads the next batch.
 */
export async function pushOutbox(db: Kysely<Database>, server: SyncServer, enrolment: Enrolment, now: () => Date, sizes: SyncSizes = SYNC_SIZES): Promise<PushTotals> {
  const totals: PushTotals = { pushed: 0, rejected: 0 };
  const { cursor: seen, mark: seenMark } = await readPullPosition(db);
  let pending = await readOutbox(db, sizes.pushChanges);
  let recording: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      pending = await parkUnsendable(db, enrolment, pending, now().toISOString(), totals);
      if (pending.length === 0) {
        pending = await readOutbox(db, sizes.pushChanges);
        if (pending.length === 0) return totals;
        continue;
      }
      const batch = takeBatch(pending, sizes.pushChanges, sizes.pushBytes);
      // A fresh batch id per attempt: a resend after a cut is recognised by its change ids instead.
      const sent = server.push(uuidv7(), batch.map(toWire), seen, seenMark);
      sent.catch(() => undefined);
      await recording;
      const following = await readOutbox(db, sizes.pushChanges, (batch.at(-1) as OutboxEntry).seq);
      const reply = await sent;
      recording = recordReply(db, batch, reply, now().toISOString(), totals);
      pending = following;
    }
  } finally {
    await recording;
  }
}

/**
 * How many pulled changes the desk applies in one transaction. Pages stay small on the wire (a cut
 * costs one page), but each commit rewrites every index page its rows touched: a first sync of
 * tens of thousands of people commits far less often, and writes far fewer pages, in groups.
 */
const PULL_APPLY_GROUP = 20_000;

/** How much travels per request and per transaction: head office's limits, and the desk's apply group. */
export type SyncSizes = { pushChanges: number; pushBytes: number; pullChanges: number; applyGroup: number };
export const SYNC_SIZES: SyncSizes = { pushChanges: SYNC_LIMITS.pushChanges, pushBytes: SYNC_LIMITS.pushBytes, pullChanges: SYNC_LIMITS.pullChanges, applyGroup: PULL_APPLY_GROUP };

type PulledPage = Awaited<ReturnType<SyncServer['pull']>>;

/**
 * Pulls the branch's changes page by page and applies them in groups: each group's changes, the
 * desk's search index and the new cursor commit together or not at all. When the connection drops
 * mid-group, the pages already received are applied before the error surfaces, so nothing received
 * is fetched twice.
 */
export async function pullChanges(
  db: Kysely<Database>,
  server: SyncServer,
  now: () => Date,
  columns?: ColumnCatalog,
  observeHlc?: (remote: string) => void,
  sizes: SyncSizes = SYNC_SIZES,
): Promise<{ pulled: number; rejected: number }> {
  const catalog = columns ?? (await readColumnCatalog(db));
  const totals = { pulled: 0, rejected: 0 };
  const position = await readPullPosition(db);
  let next = prefetch(server, position.cursor, sizes.pullChanges, { mark: position.mark, sent: await lastAcceptedChange(db) });
  for (;;) {
    const group: PulledPage[] = [];
    let size = 0;
    let failure: { error: unknown } | null = null;
    while (size < sizes.applyGroup) {
      try {
        const page = await next;
        group.push(page);
        size += page.changes.length;
        // The next page is on its way while this one is taken in: head office reads while the desk writes.
        // (Asking for it acknowledges this page early; the desk's own cursor still moves only with it.)
        if (!page.more) break;
        next = prefetch(server, page.nextCursor, sizes.pullChanges, { mark: page.mark ?? null });
      } catch (error) {
        failure = { error };
        break;
      }
    }
    const last = group.at(-1);
    if (last) await applyPulled(db, group.flatMap((page) => page.changes), { cursor: last.nextCursor, mark: last.mark ?? null }, catalog, now, observeHlc, totals);
    if (failure) throw failure.error;
    if (!last?.more) return totals;
  }
}

async function applyPulled(
  db: Kysely<Database>,
  changes: PulledPage['changes'],
  position: { cursor: number; mark: string | null },
  catalog: ColumnCatalog,
  now: () => Date,
  observeHlc: ((remote: string) => void) | undefined,
  totals: { pulled: number; rejected: number },
): Promise<void> {
  const at = now().toISOString();
  const newest = changes.reduce<string | null>((max, change) => (max === null || change.hlc > max ? change.hlc : max), null);
  await db.transaction().execute(async (tx) => {
    const parked: Array<{ id: string; table_name: string; row_id: string; reason: string }> = [];
    const outcomes = await applyChanges(tx, changes, catalog, at);
    const reindex = new ReindexSet();
    changes.forEach((change, i) => {
      const outcome = outcomes[i];
      if (outcome && !outcome.applied) parked.push({ ...change, reason: outcome.reason });
      else if (outcome?.applied && outcome.won > 0) reindex.note(change, outcome.inserted === true);
    });
    // The desk's search indexes follow the merged rows (head office searches key columns instead).
    await reindex.apply(tx);
    await parkChanges(tx, parked, 'pull', at);
    await saveCursor(tx, position.cursor, position.mark);
    // Kept with the merge, so the clock starts above it after a restart too (hlc-clock.ts).
    if (newest) await raiseHlcFloor(tx, newest);
    totals.rejected += parked.length;
  });
  totals.pulled += changes.length;
  // Later local edits must stamp after everything just merged (hybrid logical clock receive).
  if (newest && observeHlc) observeHlc(newest);
}

/** A page asked for ahead of need; a failure surfaces when it is awaited, never as an unhandled rejection. */
function prefetch(server: SyncServer, after: number, limit: number, check: Parameters<SyncServer['pull']>[2]): ReturnType<SyncServer['pull']> {
  const page = server.pull(after, limit, check);
  page.catch(() => undefined);
  return page;
}

export async function syncOnce(
  db: Kysely<Database>,
  server: SyncServer,
  enrolment: Enrolment,
  now: () => Date = () => new Date(),
  observeHlc?: (remote: string) => void,
  files?: ContentPlace,
): Promise<SyncCounts> {
  const push: PushTotals = { pushed: 0, rejected: 0 };
  const exchange = async () => {
    const sent = await pushOutbox(db, server, enrolment, now);
    push.pushed += sent.pushed;
    push.rejected += sent.rejected;
    return pullChanges(db, server, now, undefined, observeHlc);
  };
  let pull: { pulled: number; rejected: number };
  try {
    pull = await exchange();
  } catch (error) {
    if (!(error instanceof SyncFailure) || error.code !== 'log_rewound') throw error;
    // Head office was restored from a backup: send again what it lost, and read its log from the start.
    await restartAfterRewind(db);
    pull = await exchange();
  }
  // Content files go after the rows that name them: head office accepts, and serves, only named files.
  const moved = files ? await syncFiles(db, server, files, enrolment.branchId, now) : undefined;
  return { pushed: push.pushed, pulled: pull.pulled, rejected: push.rejected + pull.rejected, ...(moved ? { files: moved } : {}) };
}
