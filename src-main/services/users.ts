import { uuidv7 } from 'uuidv7';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { hashPassword } from './passwords';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import { findBranch, findBranchByCode, listBranches, type BranchRow } from '../store/branches';
import { countActiveAdmins, findUserById, findUserInBranch, listUsers, setPasswordHash, type UserWithBranch } from '../store/users';
import { revokeUserSessions } from '../store/sessions';
import type { Role, BranchScope } from '../../src-shared/domain/roles';

function userSummary(user: UserWithBranch) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    branchId: user.branch_id,
    branchName: user.branch_name,
    branchScope: user.branch_scope as BranchScope,
    active: user.active === 1,
    lockedUntil: user.locked_until,
    lastLoginAt: user.last_login_at,
  };
}

export function branchSummary(branch: BranchRow) {
  return {
    id: branch.id,
    code: branch.code,
    nameAr: branch.name_ar,
    nameEn: branch.name_en,
    city: branch.city,
    isHeadquarters: branch.is_headquarters === 1,
  };
}

async function requireBranch(db: Parameters<typeof findBranch>[0], branchId: string) {
  const branch = await findBranch(db, branchId);
  if (!branch) throw new DomainError('VALIDATION', 'validation.invalidChoice', { fields: { branchId: 'validation.invalidChoice' } });
  return branch;
}

/**
 * A username is unique within its branch (migration 0017): another branch may have its own "ahmad".
 * The refusal names the field that clashes: the new user's name, or the branch an existing user moves to.
 */
async function refuseTakenUsername(db: Parameters<typeof findUserInBranch>[0], branchId: string, username: string, userId: string | null) {
  const holder = await findUserInBranch(db, branchId, username);
  const field = userId === null ? 'username' : 'branchId';
  if (holder && holder.id !== userId) throw new DomainError('CONFLICT', 'error.usernameTaken', { fields: { [field]: 'error.usernameTaken' } });
}

async function reread(db: Parameters<typeof findUserById>[0], id: string) {
  const user = await findUserById(db, id);
  if (!user) throw new Error(`User ${id} was written but cannot be read back.`);
  return userSummary(user);
}

export const userHandlers = {
  'users.list': async (ctx) => ({ users: (await listUsers(ctx.db)).map(userSummary) }),

  'users.create': async (ctx, input) => {
    await requireBranch(ctx.db, input.branchId);
    await refuseTakenUsername(ctx.db, input.branchId, input.username, null);
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'users',
      {
        id,
        branch_id: input.branchId,
        username: input.username,
        display_name: input.displayName,
        password_hash: await hashPassword(input.password),
        role: input.role,
        branch_scope: input.branchScope,
        active: 1,
        // The admin chose this password: the user replaces it at first sign-in.
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        last_login_at: null,
      },
      ctx.stamp(),
    );
    ctx.describe({ entity: 'user', entityId: id, detail: { role: input.role, branchId: input.branchId } });
    return reread(ctx.db, id);
  },

  'users.update': async (ctx, input) => {
    const user = await findUserById(ctx.db, input.id);
    if (!user) throw new DomainError('NOT_FOUND', 'error.notFound');
    await requireBranch(ctx.db, input.branchId);
    await refuseTakenUsername(ctx.db, input.branchId, user.username, user.id);
    const losesAdmin = user.role === 'admin' && user.active === 1 && (input.role !== 'admin' || !input.active);
    if (losesAdmin && (await countActiveAdmins(ctx.db)) <= 1) throw new DomainError('CONFLICT', 'error.lastAdmin');
    const changed = await updateTravelling(
      ctx.db,
      'users',
      user,
      {
        display_name: input.displayName,
        role: input.role,
        branch_id: input.branchId,
        branch_scope: input.branchScope,
        active: input.active ? 1 : 0,
      },
      ctx.stamp(),
      { history: true },
    );
    if (!input.active || changed.includes('role') || changed.includes('branch_id') || changed.includes('branch_scope')) {
      await revokeUserSessions(ctx.db, user.id, ctx.now.toISOString());
    }
    ctx.describe({ entity: 'user', entityId: user.id, detail: { changed } });
    return reread(ctx.db, user.id);
  },

  'users.resetPassword': async (ctx, input) => {
    const user = await findUserById(ctx.db, input.id);
    if (!user) throw new DomainError('NOT_FOUND', 'error.notFound');
    await setPasswordHash(ctx.db, user.id, await hashPassword(input.newPassword), true, ctx.stamp());
    await revokeUserSessions(ctx.db, user.id, ctx.now.toISOString());
    ctx.describe({ entity: 'user', entityId: user.id });
    return { ok: true as const };
  },

  'branches.list': async (ctx) => ({ branches: (await listBranches(ctx.db)).map(branchSummary) }),

  'branches.create': async (ctx, input) => {
    if (await findBranchByCode(ctx.db, input.code)) {
      throw new DomainError('CONFLICT', 'error.branchCodeTaken', { fields: { code: 'error.branchCodeTaken' } });
    }
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'branches',
      { id, branch_id: id, code: input.code, name_ar: input.nameAr, name_en: input.nameEn, city: input.city, is_headquarters: 0 },
      ctx.stamp(),
    );
    ctx.describe({ entity: 'branch', entityId: id });
    const branch = await findBranch(ctx.db, id);
    if (!branch) throw new Error(`Branch ${id} was written but cannot be read back.`);
    return branchSummary(branch);
  },
} satisfies Partial<Handlers>;
