import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, UsersTable } from './schema';
import { updateTravelling, type WriteStamp } from './row-writer';

type Db = Kysely<Database> | Transaction<Database>;
export type UserRow = Selectable<UsersTable>;
export type UserWithBranch = UserRow & { branch_name: string };

function withBranch(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('branches', 'branches.id', 'users.branch_id')
    .selectAll('users')
    .select('branches.name_ar as branch_name');
}

export function findUserById(db: Db, id: string): Promise<UserWithBranch | undefined> {
  return withBranch(db).where('users.id', '=', id).executeTakeFirst();
}

/** The user with this username in this branch (usernames are unique per branch, migration 0017). */
export function findUserInBranch(db: Db, branchId: string, username: string): Promise<UserWithBranch | undefined> {
  return withBranch(db).where('users.branch_id', '=', branchId).where('users.username', '=', username).executeTakeFirst();
}

/**
 * Whom a username names at sign-in: the user of the desk's own branch, or else the one user of that
 * name in the store (a desk may hold users of other branches it set up itself). Two of that name and
 * none at home: nobody, rather than a guess.
 */
export function chooseSignInUser<U extends { branch_id: string }>(candidates: readonly U[], homeBranchId: string | null): U | undefined {
  return candidates.find((u) => u.branch_id === homeBranchId) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

export async function findSignInUser(db: Db, username: string, homeBranchId: string | null): Promise<UserWithBranch | undefined> {
  return chooseSignInUser(await withBranch(db).where('users.username', '=', username).execute(), homeBranchId);
}

export function listUsers(db: Db): Promise<UserWithBranch[]> {
  return withBranch(db).orderBy('users.username').execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sign-in counters are device-local bookkeeping, not travelling data: written without the change log. */
export async function recordSignInOutcome(
  db: Db,
  id: string,
  outcome: { failedAttempts: number; lockedUntil: string | null; lastLoginAt?: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_attempts: outcome.failedAttempts,
      locked_until: outcome.lockedUntil,
      ...(outcome.lastLoginAt ? { last_login_at: outcome.lastLoginAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** A new password: the hash and the must-change flag travel (logged), the lock-out counters are reset here. */
export async function setPasswordHash(db: Db, id: string, hash: string, mustChange: boolean, stamp: WriteStamp): Promise<void> {
  const before = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await updateTravelling(db, 'users', before, { password_hash: hash, must_change_password: mustChange ? 1 : 0 }, stamp, { history: false });
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
}
