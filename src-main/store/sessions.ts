import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SessionsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findLiveSession(db: Db, tokenHash: string, now: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
}

/** Ends every open session of a user (password reset, deactivation). */
export async function revokeUserSessions(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every open session (a restore: everyone signs in again on the restored data). */
export async function revokeAllSessions(db: Db, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('revoked_at', 'is', null).execute();
}

/** Locks (a time) or unlocks (null) one session; a locked session answers only unlock and sign-out. */
export async function setSessionLocked(db: Db, id: string, lockedAt: string | null): Promise<void> {
  await db.updateTable('sessions').set({ locked_at: lockedAt }).where('id', '=', id).execute();
}
