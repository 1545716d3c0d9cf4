import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, type Actor, type ServiceContext } from './context';
import { hashPassword, UNUSABLE_HASH_FOR_TIMING, verifyPassword } from './passwords';
import { actorFromUser, openSession } from './sessions';
import { findSignInUser, findUserById, recordSignInOutcome, setPasswordHash } from '../store/users';
import { getSetting } from '../store/settings';
import { revokeSession, revokeUserSessions } from '../store/sessions';

/** Five wrong passwords lock the account for fifteen minutes (an administrator can unlock sooner). */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export function sessionUser(actor: Actor) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    branchId: actor.branchId,
    branchName: actor.branchName,
    branchScope: actor.branchScope,
    mustChangePassword: actor.mustChangePassword,
    locked: actor.locked,
  };
}

/**
 * A wrong password, at sign-in or at the lock screen: counted toward the lockout, audited, and
 * refused with the count kept (the refusal commits its own bookkeeping).
 */
export async function refuseWrongPassword(
  ctx: ServiceContext,
  user: { id: string; failed_attempts: number },
  failedAction: 'auth.login.failed' | 'auth.unlock.failed',
): Promise<never> {
  const failedAttempts = user.failed_attempts + 1;
  const locks = failedAttempts >= MAX_FAILED_SIGN_INS;
  const lockedUntil = locks ? new Date(ctx.now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  await recordSignInOutcome(ctx.db, user.id, { failedAttempts: locks ? 0 : failedAttempts, lockedUntil });
  await ctx.auditExtra(locks ? 'auth.account.locked' : failedAction, {
    entity: 'user', entityId: user.id, detail: { failedAttempts },
  });
  if (locks) {
    // Guessing at a lock screen means someone is at that desk: its session ends with the lockout.
    if (failedAction === 'auth.unlock.failed' && ctx.actor) {
      await revokeSession(ctx.db, ctx.actor.sessionId, ctx.now.toISOString());
      ctx.setSessionToken(null);
    }
    throw new DomainError('ACCOUNT_LOCKED', 'error.accountLocked', { values: { minutes: LOCKOUT_MINUTES }, commitWork: true });
  }
  throw new DomainError('INVALID_CREDENTIALS', 'error.invalidCredentials', { commitWork: true });
}

export const authHandlers = {
  'auth.login': async (ctx, input) => {
    // Usernames are unique per branch: the name is resolved among this desk's branch's users first.
    const user = await findSignInUser(ctx.db, input.username, await getSetting(ctx.db, 'home_branch_id'));
    if (!user || user.active !== 1) {
      await verifyPassword(input.password, UNUSABLE_HASH_FOR_TIMING);
      await ctx.auditExtra('auth.login.failed', { entity: 'user', entityId: user?.id ?? null, detail: { reason: 'unknown_or_inactive' } });
      throw new DomainError('INVALID_CREDENTIALS', 'error.invalidCredentials', { commitWork: true });
    }
    const nowMs = ctx.now.getTime();
    if (user.locked_until && Date.parse(user.locked_until) > nowMs) {
      const minutes = Math.ceil((Date.parse(user.locked_until) - nowMs) / 60_000);
      throw new DomainError('ACCOUNT_LOCKED', 'error.accountLocked', { values: { minutes } });
    }
    if (!(await verifyPassword(input.password, user.password_hash))) return refuseWrongPassword(ctx, user, 'auth.login.failed');
    await recordSignInOutcome(ctx.db, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: ctx.now.toISOString() });
    // A sign-in on a window that already had a session (a locked screen, a change of shift) replaces it.
    if (ctx.actor) await revokeSession(ctx.db, ctx.actor.sessionId, ctx.now.toISOString());
    const sessionId = await openSession(ctx, user.id);
    ctx.describe({ entity: 'user', entityId: user.id });
    return sessionUser(actorFromUser(user, sessionId));
  },

  'auth.logout': async (ctx) => {
    const actor = requireActor(ctx);
    await revokeSession(ctx.db, actor.sessionId, ctx.now.toISOString());
    ctx.setSessionToken(null);
    ctx.describe({ entity: 'user', entityId: actor.id });
    return { ok: true as const };
  },

  'auth.me': async (ctx) => ({ user: ctx.actor ? sessionUser(ctx.actor) : null }),

  'auth.changePassword': async (ctx, input) => {
    const actor = requireActor(ctx);
    const user = await findUserById(ctx.db, actor.id);
    if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new DomainError('VALIDATION', 'error.wrongPassword', { fields: { currentPassword: 'error.wrongPassword' } });
    }
    await setPasswordHash(ctx.db, actor.id, await hashPassword(input.newPassword), false, { ...ctx.stamp(), userId: actor.id });
    // Other desks signed in as this user are signed out; this one gets a fresh session.
    await revokeUserSessions(ctx.db, actor.id, ctx.now.toISOString());
    await openSession(ctx, actor.id);
    ctx.describe({ entity: 'user', entityId: actor.id });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
