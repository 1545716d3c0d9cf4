import type { Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { discardParked, findParked, requeueParked } from '../store/sync-parked';
import { existingScheduler } from '../sync/scheduler';
import { type ServiceContext } from './context';
import { DomainError } from './domain-error';
import type { Handlers } from './handler-types';

/** "The network is back", and settling changes head office refused (sync-actions contract). */

function tx(ctx: ServiceContext): Transaction<Database> {
  if (!ctx.db.isTransaction) throw new Error('parked-change methods must be declared writes: true');
  return ctx.db as Transaction<Database>;
}

async function requireParked(ctx: ServiceContext, changeId: string) {
  const parked = await findParked(tx(ctx), changeId);
  if (!parked) throw new DomainError('NOT_FOUND', 'error.syncParkedNotFound');
  return parked;
}

export const syncActionHandlers = {
  'sync.nudge': async (ctx) => {
    // Not awaited: the window only says the line is back; the status shows what the run did.
    void existingScheduler(ctx.store.path)?.nudge();
    return { ok: true as const };
  },

  'sync.retryParked': async (ctx, input) => {
    const parked = await requireParked(ctx, input.changeId);
    // Only an outgoing change is kept here whole; an incoming one exists only at head office.
    if (parked.direction !== 'push') throw new DomainError('CONFLICT', 'error.syncParkedNotRetriable');
    await requeueParked(tx(ctx), input.changeId);
    ctx.describe({ entity: 'sync_change', entityId: input.changeId, detail: { table: parked.table, reason: parked.reason, settled: 'retry' } });
    return { ok: true as const };
  },

  'sync.discardParked': async (ctx, input) => {
    const parked = await requireParked(ctx, input.changeId);
    await discardParked(tx(ctx), input.changeId);
    ctx.describe({ entity: 'sync_change', entityId: input.changeId, detail: { table: parked.table, reason: parked.reason, direction: parked.direction, settled: 'discard' } });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
