import type { Kysely } from 'kysely';
import type { SyncErrorCode } from '../../src-shared/contract/sync';
import type { ContentPlace } from '../store/content-files';
import type { Database } from '../store/schema';
import { readCursor, readEnrolment, recordRun } from '../store/sync-state';
import { finishRebuild, readRebuildSince } from '../store/sync-rebuild';
import { syncOnce } from './engine';
import { SyncFailure, SyncServer } from './server-client';

/** Retry delay after `failures` failures in a row: doubling from `base` up to `max`, with jitter (50–100 %). */
export function backoffDelay(failures: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export type SchedulerState = {
  running: boolean; failures: number; error: SyncErrorCode | null; offlineSince: string | null; nextRunAt: string | null;
  /** Head office's clock minus this desk's, as last seen. */
  clockOffsetMs: number | null;
};

export type SchedulerOptions = {
  schemaVersion: number;
  intervalMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => Date;
  /** The install's clock takes in every pulled stamp (HlcClock.observe). */
  observeHlc?: (remote: string) => void;
  /** The store's content-file shelf: files named by synced rows move too (file-transfer.ts). */
  files?: ContentPlace;
};

/**
 * Syncs the desk periodically and on demand. One run at a time (asking while one runs waits for it);
 * a failed run is retried with exponential backoff and jitter, so many desks coming back online at
 * once do not all knock on head office in the same second.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;
  private readonly status: SchedulerState = { running: false, failures: 0, error: null, offlineSince: null, nextRunAt: null, clockOffsetMs: null };
  private readonly intervalMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private readonly now: () => Date;

  constructor(private readonly db: Kysely<Database>, private readonly options: SchedulerOptions) {
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
    this.baseBackoffMs = options.baseBackoffMs ?? 5_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  state(): SchedulerState {
    return { ...this.status };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Plans no more runs; resolves when the run in progress (if any) is over, so the store can close after it. */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.current ?? Promise.resolve();
  }

  /** Syncs now (or joins the run in progress) and resolves when it is over; failures land in state(). */
  runNow(): Promise<void> {
    this.current ??= this.run().finally(() => { this.current = null; });
    return this.current;
  }

  /**
   * The network is back (the window's online event, or Electron's net check): sync now instead of
   * waiting out the backoff. A desk that is not waiting on a failure keeps its periodic rhythm.
   */
  nudge(): Promise<void> {
    if (this.status.failures === 0 && !this.status.running) return Promise.resolve();
    return this.runNow();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.status.nextRunAt = new Date(this.now().getTime() + delayMs).toISOString();
    this.timer = setTimeout(() => void this.runNow(), delayMs);
    // The desk quits when its window closes, whatever sync was planned.
    this.timer.unref();
  }

  private async run(): Promise<void> {
    const enrolment = await readEnrolment(this.db);
    if (!enrolment) return;
    const startedAt = this.now().toISOString();
    this.status.running = true;
    try {
      // After a restore, pulls fetch this desk's own changes too until one reaches head office's head.
      const rebuildSince = await readRebuildSince(this.db);
      const server = new SyncServer(enrolment.serverUrl, enrolment.credential, this.options.schemaVersion, rebuildSince !== null);
      // Head office still holds the pull position of the store the restore replaced; a pull tells it the
      // restored one's, so edits made on the restored data are judged against what it really holds.
      if (rebuildSince !== null) await server.pull(await readCursor(this.db), 1);
      const seen = new HighestStamp(this.options.observeHlc);
      const counts = await syncOnce(this.db, server, enrolment, this.now, seen.observe, this.options.files)
        .finally(() => { this.status.clockOffsetMs = server.clockOffsetMs ?? this.status.clockOffsetMs; });
      if (rebuildSince !== null) await finishRebuild(this.db, rebuildSince, seen.highest);
      Object.assign(this.status, { failures: 0, error: null, offlineSince: null });
      await recordRun(this.db, { startedAt, finishedAt: this.now().toISOString(), pushed: counts.pushed, pulled: counts.pulled, rejected: counts.rejected, error: null });
      this.schedule(this.intervalMs);
    } catch (error) {
      const code: SyncErrorCode = error instanceof SyncFailure ? error.code : 'server_error';
      this.status.failures += 1;
      this.status.error = code;
      if (code === 'offline') this.status.offlineSince ??= startedAt;
      else this.status.offlineSince = null;
      await recordRun(this.db, { startedAt, finishedAt: this.now().toISOString(), pushed: 0, pulled: 0, rejected: 0, error: code }).catch(() => undefined);
      this.schedule(backoffDelay(this.status.failures, this.baseBackoffMs, this.maxBackoffMs, this.random));
    } finally {
      this.status.running = false;
    }
  }
}

/** Passes pulled stamps on to the install's clock and remembers the highest (a re-sync keeps it as the clock's floor). */
class HighestStamp {
  highest: string | null = null;
  constructor(private readonly clock: ((remote: string) => void) | undefined) {}
  readonly observe = (remote: string): void => {
    if (this.highest === null || remote > this.highest) this.highest = remote;
    this.clock?.(remote);
  };
}

/** One scheduler per open store (the desk app has one; tests open many). */
const schedulers = new Map<string, SyncScheduler>();

export function schedulerFor(storePath: string, db: Kysely<Database>, options: SchedulerOptions): SyncScheduler {
  let scheduler = schedulers.get(storePath);
  if (!scheduler) {
    scheduler = new SyncScheduler(db, options);
    schedulers.set(storePath, scheduler);
    scheduler.start();
  }
  return scheduler;
}

export function existingScheduler(storePath: string): SyncScheduler | undefined {
  return schedulers.get(storePath);
}

/** Stops and forgets a store's scheduler: call before closing the store. */
export function stopScheduler(storePath: string): Promise<void> {
  const stopping = schedulers.get(storePath)?.stop() ?? Promise.resolve();
  schedulers.delete(storePath);
  return stopping;
}
