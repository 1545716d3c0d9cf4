import type { Handlers } from './handler-types';
import { requireActor } from './context';
import { refuseWrongPassword } from './auth';
import { verifyPassword } from './passwords';
import { setSessionLocked } from '../store/sessions';
import { putSetting } from '../store/settings';
import { findUserById, recordSignInOutcome } from '../store/users';
import { DomainError } from './domain-error';
import { idleLockMinutes } from './sessions';

export const sessionLockHandlers = {
  'auth.lock': async (ctx, input) => {
    const actor = requireActor(ctx);
    if (!actor.locked) await setSessionLocked(ctx.db, actor.sessionId, ctx.now.toISOString());
    ctx.describe({ entity: 'user', entityId: actor.id, detail: { reason: input.reason } });
    return { ok: true as const };
  },

  'auth.unlock': async (ctx, input) => {
    const actor = requireActor(ctx);
    const user = await findUserById(ctx.db, actor.id);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'error.unauthenticated');
    if (user.locked_until && Date.parse(user.locked_until) > ctx.now.getTime()) {
      throw new DomainError('ACCOUNT_LOCKED', 'error.accountLocked', { values: { minutes: Math.ceil((Date.parse(user.locked_until) - ctx.now.getTime()) / 60_000) } });
    }
    if (!(await verifyPassword(input.password, user.password_hash))) return refuseWrongPassword(ctx, user, 'auth.unlock.failed');
    if (user.failed_attempts > 0) await recordSignInOutcome(ctx.db, user.id, { failedAttempts: 0, lockedUntil: null });
    await setSessionLocked(ctx.db, actor.sessionId, null);
    ctx.describe({ entity: 'user', entityId: actor.id });
    return { ok: true as const };
  },

  'auth.idleLock': async (ctx) => ({ minutes: await idleLockMinutes(ctx.db) }),

  'auth.setIdleLock': async (ctx, input) => {
    requireActor(ctx);
    await putSetting(ctx.db, 'idle_lock_minutes', String(input.minutes));
    ctx.describe({ entity: 'setting', entityId: 'idle_lock_minutes', detail: { minutes: input.minutes } });
    return { minutes: input.minutes };
  },
} satisfies Partial<Handlers>;
