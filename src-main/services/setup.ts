import { uuidv7 } from 'uuidv7';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { hashPassword } from './passwords';
import { actorFromUser, openSession } from './sessions';
import { sessionUser } from './auth';
import { seedKnowledgeBase } from './knowledge-seed';
import { insertTravelling } from '../store/row-writer';
import { getSettings, putSetting } from '../store/settings';
import { findUserById } from '../store/users';

export const setupHandlers = {
  'setup.status': async (ctx) => {
    const settings = await getSettings(ctx.db, ['initialised_at', 'association_name_ar', 'association_name_en']);
    return {
      initialised: Boolean(settings.initialised_at),
      associationNameAr: settings.association_name_ar ?? null,
      associationNameEn: settings.association_name_en ?? null,
    };
  },

  /** First run: the association, its first branch (head office of this install) and the first admin. */
  'setup.initialise': async (ctx, input) => {
    const settings = await getSettings(ctx.db, ['initialised_at']);
    if (settings.initialised_at) throw new DomainError('ALREADY_INITIALISED', 'error.alreadyInitialised');
    const stamp = ctx.stamp();
    const branchId = uuidv7();
    await insertTravelling(
      ctx.db,
      'branches',
      {
        id: branchId,
        branch_id: branchId,
        code: input.branch.code,
        name_ar: input.branch.nameAr,
        name_en: input.branch.nameEn,
        city: input.branch.city,
        is_headquarters: 1,
      },
      stamp,
    );
    const adminId = uuidv7();
    await insertTravelling(
      ctx.db,
      'users',
      {
        id: adminId,
        branch_id: branchId,
        username: input.admin.username,
        display_name: input.admin.displayName,
        password_hash: await hashPassword(input.admin.password),
        role: 'admin',
        branch_scope: 'all',
        active: 1,
        must_change_password: 0,
        failed_attempts: 0,
        locked_until: null,
        last_login_at: stamp.now,
      },
      { ...stamp, userId: adminId },
    );
    await putSetting(ctx.db, 'association_name_ar', input.associationNameAr);
    if (input.associationNameEn) await putSetting(ctx.db, 'association_name_en', input.associationNameEn);
    await putSetting(ctx.db, 'home_branch_id', branchId);
    await seedKnowledgeBase(ctx, branchId, { ...stamp, userId: adminId });
    await putSetting(ctx.db, 'initialised_at', stamp.now);
    const sessionId = await openSession(ctx, adminId);
    ctx.describe({ entity: 'user', entityId: adminId, detail: { branchId } });
    const admin = await findUserById(ctx.db, adminId);
    if (!admin) throw new Error('The administrator written during setup could not be read back.');
    return sessionUser(actorFromUser(admin, sessionId));
  },
} satisfies Partial<Handlers>;
