import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Role, BranchScope } from '../../src-shared/domain/roles';
import type { Database } from '../store/schema';
import { findLiveSession, insertSession, revokeSession, setSessionLocked, touchSession } from '../store/sessions';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../src-shared/contract/session-lock';
import { getSetting } from '../store/settings';
import { findUserById, type UserWithBranch } from '../store/users';
import type { Actor, ServiceContext } from './context';

/** A desk shift is at most 12 hours; two idle hours end the session (a shared desk PC). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** last_seen_at is refreshed at most once a minute, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorFromUser(user: UserWithBranch, sessionId: string, locked = false): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    branchId: user.branch_id,
    branchName: user.branch_name,
    branchScope: user.branch_scope as BranchScope,
    mustChangePassword: user.must_change_password === 1,
    sessionId,
    locked,
  };
}

/** The idle-lock setting (minutes), or the default when an admin never set it. */
export async function idleLockMinutes(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const stored = Number(await getSetting(db, 'idle_lock_minutes'));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
}

/** Opens a session for a user and binds it to the calling transport; returns the session id. */
export async function openSession(ctx: ServiceContext, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7();
  const now = ctx.now.toISOString();
  await insertSession(ctx.db, {
    id,
    user_id: userId,
    token_hash: hashToken(token),
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(ctx.now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    revoked_at: null,
    locked_at: null,
  });
  ctx.setSessionToken(token);
  return id;
}

/** The signed-in user behind a session token, or null (unknown, expired, idle too long, user inactive). */
export async function resolveSession(db: Kysely<Database>, token: string | null, now: Date): Promise<Actor | null> {
  if (!token) return null;
  const session = await findLiveSession(db, hashToken(token), now.toISOString());
  if (!session) return null;
  const idleMs = now.getTime() - Date.parse(session.last_seen_at);
  if (idleMs > SESSION_IDLE_MS) {
    await revokeSession(db, session.id, now.toISOString());
    return null;
  }
  const user = await findUserById(db, session.user_id);
  if (!user || user.active !== 1) return null;
  // A desk left alone past the idle-lock setting is locked here too, whatever its window did (a closed
  // or frozen renderer): last_seen_at moves once a minute, hence the minute of slack.
  let locked = session.locked_at !== null;
  if (!locked && idleMs > (await idleLockMinutes(db)) * 60_000 + TOUCH_EVERY_MS) {
    await setSessionLocked(db, session.id, now.toISOString());
    locked = true;
  }
  if (idleMs > TOUCH_EVERY_MS) await touchSession(db, session.id, now.toISOString());
  return actorFromUser(user, session.id, locked);
}
