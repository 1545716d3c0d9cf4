import type { Handlers } from './handler-types';
import { schedulerState } from './sync';
import { readSyncStatus } from './sync-status';

export const systemHandlers = {
  'system.status': async (ctx) => {
    const pending = await ctx.db
      .selectFrom('change_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('pushed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      appVersion: ctx.appVersion,
      schemaVersion: ctx.store.schemaVersion,
      storePath: ctx.store.path,
      transport: ctx.transport,
      pendingChanges: Number(pending.n),
      sync: await readSyncStatus(ctx.db, await schedulerState(ctx)).then((s) => ({ state: s.state, lastSyncAt: s.lastSyncAt, error: s.error, clockOffsetMs: s.clockOffsetMs })),
    };
  },
} satisfies Partial<Handlers>;
