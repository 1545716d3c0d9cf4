import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { appendAudit } from '../store/audit-log';
import { learnAssociationName, readAssociationName } from '../store/association-name';
import { listParked, readEnrolment, saveEnrolment } from '../store/sync-state';
import { existingScheduler, schedulerFor, type SyncScheduler } from '../sync/scheduler';
import { enrolWithServer, SyncFailure } from '../sync/server-client';
import { requireActor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import type { Handlers } from './handler-types';
import { readSyncStatus } from './sync-status';

/** Sync runs outside the call's transaction (it talks to the network), on the store itself. */
function rootDb(ctx: ServiceContext): Kysely<Database> {
  if (ctx.db.isTransaction) throw new Error('sync methods must be declared writes: false');
  return ctx.db;
}

/** The store's scheduler, started on first use once the desk is enrolled. */
export function deskScheduler(ctx: ServiceContext): SyncScheduler {
  return schedulerFor(ctx.store.path, rootDb(ctx), { schemaVersion: ctx.store.schemaVersion, observeHlc: ctx.observeHlc, files: { path: ctx.store.path, key: ctx.store.key } });
}

/**
 * The scheduler's state, starting it if the desk is enrolled and it is not running yet: the status
 * bar asks on every start of the app, so periodic sync resumes after a restart without more wiring.
 */
export async function schedulerState(ctx: ServiceContext) {
  if (ctx.db.isTransaction) return existingScheduler(ctx.store.path)?.state();
  return (await readEnrolment(ctx.db)) ? deskScheduler(ctx).state() : undefined;
}

function enrolmentError(error: unknown): DomainError {
  if (!(error instanceof SyncFailure)) return new DomainError('INTERNAL', 'error.syncServerRefused');
  if (error.code === 'offline') return new DomainError('BAD_REQUEST', 'error.syncOffline', { fields: { serverUrl: 'error.syncOffline' } });
  if (error.code === 'enrolment_refused') return new DomainError('VALIDATION', 'error.syncEnrolmentRefused', { fields: { code: 'error.syncEnrolmentRefused' } });
  return new DomainError('BAD_REQUEST', 'error.syncServerRefused');
}

export const syncHandlers = {
  'sync.status': async (ctx) => readSyncStatus(ctx.db, await schedulerState(ctx)),

  'sync.enrol': async (ctx, input) => {
    const actor = requireActor(ctx);
    // The code must be for this desk's branch; the server checks before using the code up.
    const db = rootDb(ctx);
    const association = await readAssociationName(db);
    const reply = await enrolWithServer(input.serverUrl, input.code, actor.branchId, association ?? undefined).catch((error: unknown) => { throw enrolmentError(error); });
    const stamp = ctx.stamp();
    await db.transaction().execute(async (tx) => {
      await saveEnrolment(tx, { serverUrl: input.serverUrl, deviceId: reply.deviceId, credential: reply.credential, branchId: reply.branchId });
      await learnAssociationName(tx, reply.association);
      // Who enrolled this desk, and as which device: in the audit chain with the enrolment itself.
      await appendAudit(tx, {
        branchId: actor.branchId, userId: actor.id, action: 'sync.enrol', entity: 'sync_device', entityId: reply.deviceId,
        detail: { branchId: reply.branchId }, at: stamp.now, hlc: stamp.hlc,
      });
    });
    const scheduler = deskScheduler(ctx);
    await scheduler.runNow();
    return readSyncStatus(db, scheduler.state());
  },

  'sync.now': async (ctx) => {
    const scheduler = deskScheduler(ctx);
    await scheduler.runNow();
    return readSyncStatus(ctx.db, scheduler.state());
  },
  'sync.parked': async (ctx) => ({ changes: await listParked(ctx.db, 200) }),
} satisfies Partial<Handlers>;
