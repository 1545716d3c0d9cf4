import type { Handlers } from './handler-types';
import { verifyAuditChain } from '../store/audit-log';

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
      // Head-office sync arrives with its own issue; until then the desk says so instead of pretending.
      sync: { state: 'not_configured' as const, lastSyncAt: null },
    };
  },

  'audit.verify': async (ctx) => verifyAuditChain(ctx.db),
} satisfies Partial<Handlers>;
