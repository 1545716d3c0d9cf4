import type { Kysely, Transaction } from 'kysely';
import type { SyncStatus } from '../../src-shared/contract/sync';
import type { Database } from '../store/schema';
import { countOutbox, lastRuns, lastSuccessAt, readEnrolment } from '../store/sync-state';
import { readRebuildSince } from '../store/sync-rebuild';
import type { SchedulerState } from '../sync/scheduler';

/**
 * What the status bar and the sync screen show: not configured, synced, pending N, offline since,
 * re-syncing after a restore, or the error of the last attempt. A parked change is not "pending": it waits for a person.
 */
export async function readSyncStatus(db: Kysely<Database> | Transaction<Database>, scheduler: SchedulerState | undefined): Promise<SyncStatus> {
  const enrolment = await readEnrolment(db);
  const { pending, parked } = await countOutbox(db);
  const [run] = await lastRuns(db, 1);
  const error = scheduler?.error ?? null;
  const resyncingSince = enrolment ? await readRebuildSince(db) : null;
  let state: SyncStatus['state'];
  if (!enrolment) state = 'not_configured';
  else if (error === 'offline') state = 'offline';
  else if (error) state = 'error';
  else if (resyncingSince) state = 'resyncing';
  else state = pending > 0 || !run ? 'pending' : 'synced';
  return {
    state,
    pendingChanges: pending,
    parkedChanges: parked,
    serverUrl: enrolment?.serverUrl ?? null,
    branchId: enrolment?.branchId ?? null,
    lastSyncAt: await lastSuccessAt(db),
    offlineSince: scheduler?.offlineSince ?? null,
    error,
    clockOffsetMs: scheduler?.clockOffsetMs ?? null,
    resyncingSince,
    lastRun: run ? { finishedAt: run.finishedAt, pushed: run.pushed, pulled: run.pulled, rejected: run.rejected, error: run.error } : null,
  };
}
