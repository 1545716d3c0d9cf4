import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { learnAssociationName } from '../store/association-name';
import { getSettings, putSetting } from '../store/settings';
import { readEnrolment, saveEnrolment } from '../store/sync-state';
import { enrolWithServer, SyncFailure } from '../sync/server-client';
import type { ServiceContext } from './context';
import { DomainError } from './domain-error';
import type { Handlers } from './handler-types';
import { deskScheduler } from './sync';

/**
 * "Join a branch" on the first run of a desk: enrol with head office, pull the branch, and count the
 * store as set up once the branch and its staff are here. A pull that fails (the line dropped) keeps
 * the enrolment: asking again resumes the pull without a new code.
 */

function rootDb(ctx: ServiceContext): Kysely<Database> {
  if (ctx.db.isTransaction) throw new Error('setup.join must be declared writes: false');
  return ctx.db;
}

function refusal(error: unknown): DomainError {
  if (error instanceof SyncFailure && error.code === 'offline') return new DomainError('BAD_REQUEST', 'error.syncOffline', { fields: { serverUrl: 'error.syncOffline' } });
  if (error instanceof SyncFailure && error.code === 'enrolment_refused') return new DomainError('VALIDATION', 'error.syncEnrolmentRefused', { fields: { code: 'error.syncEnrolmentRefused' } });
  return new DomainError('BAD_REQUEST', 'error.syncServerRefused');
}

export const joinBranchHandlers = {
  'setup.join': async (ctx, input) => {
    const db = rootDb(ctx);
    if ((await getSettings(db, ['initialised_at'])).initialised_at) throw new DomainError('ALREADY_INITIALISED', 'error.alreadyInitialised');
    let enrolment = await readEnrolment(db);
    if (!enrolment) {
      const reply = await enrolWithServer(input.serverUrl, input.code).catch((error: unknown) => { throw refusal(error); });
      await db.transaction().execute(async (tx) => {
        await saveEnrolment(tx, { serverUrl: input.serverUrl, deviceId: reply.deviceId, credential: reply.credential, branchId: reply.branchId });
        // The association's name comes with the enrolment: this desk's forms and reports print it.
        await learnAssociationName(tx, reply.association);
      });
      enrolment = await readEnrolment(db);
    }
    if (!enrolment) throw new Error('The enrolment just saved could not be read back.');
    const scheduler = deskScheduler(ctx);
    await scheduler.runNow();
    const state = scheduler.state();
    if (state.error) throw refusal(new SyncFailure(state.error));
    const branch = await db.selectFrom('branches').select(['id', 'name_ar']).where('id', '=', enrolment.branchId).executeTakeFirst();
    const users = await db.selectFrom('users').select('id').where('branch_id', '=', enrolment.branchId).where('active', '=', 1).execute();
    // Nobody could sign in yet: the branch's first desk has not sent its staff to head office.
    if (!branch || users.length === 0) throw new DomainError('BAD_REQUEST', 'error.joinBranchEmpty');
    await db.transaction().execute(async (tx) => {
      await putSetting(tx, 'home_branch_id', branch.id);
      await putSetting(tx, 'initialised_at', ctx.now.toISOString());
    });
    const pulled = (await db.selectFrom('sync_runs').select('pulled').orderBy('id', 'desc').limit(1).executeTakeFirst())?.pulled ?? 0;
    return { branchName: branch.name_ar, users: users.length, pulled };
  },
} satisfies Partial<Handlers>;
