import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src-main/api/runtime';
import { stopScheduler } from '../../src-main/sync/scheduler';
import { Caller, silentLogger, tempDir, TEST_STORE_KEY } from './support/test-runtime';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Usernames are unique within a branch, not across the association (migration 0017): two branches
 * that each take on an "ahmad" while offline both sync, head office keeps both, and each desk signs
 * in its own branch's ahmad. A staff member moved to another branch goes to that branch's desks.
 */

const ahmad = (desk: Desk, password: string, displayName: string) => desk.admin.call('users.create', {
  username: 'ahmad', displayName, role: 'reception', branchId: desk.enrolment.branchId, branchScope: 'own', password,
});

async function parked(desk: Desk): Promise<number> {
  const row = await desk.runtime.store.db.selectFrom('sync_rejections').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('the same username at two branches on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  /** A head office with the first desk of Jazan and of Sabya. */
  async function twoBranches(): Promise<{ jazan: Desk; sabya: Desk }> {
    ho = await startHeadOffice(dialect);
    cleanup.push(() => ho.close());
    const jazan = await firstDesk(ho, 'JZN');
    cleanup.push(() => jazan.close());
    const sabya = await firstDesk(ho, 'SBY');
    cleanup.push(() => sabya.close());
    return { jazan, sabya };
  }

  it('syncs both branches’ "ahmad", keeps both at head office, and signs each in at his own branch', async () => {
    const { jazan, sabya } = await twoBranches();
    const atJazan = await ahmad(jazan, 'jazan-password-1', 'أحمد الجازاني');
    const atSabya = await ahmad(sabya, 'sabya-password-2', 'أحمد الصبياني');

    expect(await jazan.sync()).toMatchObject({ rejected: 0 });
    expect(await sabya.sync()).toMatchObject({ rejected: 0 });
    expect(await jazan.sync()).toMatchObject({ rejected: 0 });
    expect(await parked(jazan)).toBe(0);
    expect(await parked(sabya)).toBe(0);
    const atHeadOffice = await ho.store.db.selectFrom('users').select(['id', 'branch_id']).where('username', '=', 'ahmad').orderBy('id').execute();
    expect(atHeadOffice).toEqual([{ id: atJazan.id, branch_id: jazan.enrolment.branchId }, { id: atSabya.id, branch_id: sabya.enrolment.branchId }].sort((x, y) => x.id.localeCompare(y.id)));
    const devices = await ho.store.db.selectFrom('sync_devices').select('last_error').execute();
    expect(devices.map((d) => d.last_error)).toEqual([null, null]);

    // Each desk signs in its own branch's ahmad, with his own password; the other's is wrong there.
    const jazanAhmad = await new Caller(jazan.runtime).call('auth.login', { username: 'ahmad', password: 'jazan-password-1' });
    expect(jazanAhmad).toMatchObject({ id: atJazan.id, branchId: jazan.enrolment.branchId });
    const sabyaAhmad = await new Caller(sabya.runtime).call('auth.login', { username: 'ahmad', password: 'sabya-password-2' });
    expect(sabyaAhmad).toMatchObject({ id: atSabya.id, branchId: sabya.enrolment.branchId });
    expect(await new Caller(jazan.runtime).raw('auth.login', { username: 'ahmad', password: 'sabya-password-2' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('gives a desk joining a branch that branch’s ahmad only, and he signs in there', async () => {
    const { jazan, sabya } = await twoBranches();
    await ahmad(jazan, 'jazan-password-1', 'أحمد الجازاني');
    const atSabya = await ahmad(sabya, 'sabya-password-2', 'أحمد الصبياني');
    await jazan.sync();
    await sabya.sync();

    const temp = tempDir();
    const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
    cleanup.push(async () => { await stopScheduler(runtime.store.path); await runtime.close(); temp.remove(); });
    const joining = new Caller(runtime);
    await joining.call('setup.join', { serverUrl: ho.url, code: await ho.newCode(sabya.enrolment.branchId, 'desk 2') });
    const users = await runtime.store.db.selectFrom('users').select(['id']).where('username', '=', 'ahmad').execute();
    expect(users).toEqual([{ id: atSabya.id }]);
    expect(await joining.call('auth.login', { username: 'ahmad', password: 'sabya-password-2' })).toMatchObject({ id: atSabya.id });
  });

  it('sends a staff member moved to another branch to that branch’s desks, where they sign in', async () => {
    const { jazan, sabya } = await twoBranches();
    const moving = await jazan.admin.call('users.create', { username: 'huda', displayName: 'هدى', role: 'researcher', branchId: jazan.enrolment.branchId, branchScope: 'own', password: 'first-password-1' });
    await jazan.sync();
    await sabya.sync();
    await jazan.sync();
    expect(await sabya.runtime.store.db.selectFrom('users').select('id').where('id', '=', moving.id).executeTakeFirst()).toBeUndefined();
    // Transferred to Sabya by Jazan's administrator.
    await jazan.admin.call('users.update', { id: moving.id, displayName: 'هدى', role: 'researcher', branchId: sabya.enrolment.branchId, branchScope: 'own', active: true });
    expect(await jazan.sync()).toMatchObject({ rejected: 0 });
    expect(await sabya.sync()).toMatchObject({ rejected: 0 });
    expect(await parked(sabya)).toBe(0);
    const there = await sabya.runtime.store.db.selectFrom('users').select(['branch_id', 'role']).where('id', '=', moving.id).executeTakeFirstOrThrow();
    expect(there).toEqual({ branch_id: sabya.enrolment.branchId, role: 'researcher' });
    const huda = new Caller(sabya.runtime);
    expect(await huda.call('auth.login', { username: 'huda', password: 'first-password-1' })).toMatchObject({ id: moving.id });
    // Head office holds her at Sabya too, and her new branch's edits of her account are accepted there.
    await sabya.admin.call('users.update', { id: moving.id, displayName: 'هدى الزهراني', role: 'researcher', branchId: sabya.enrolment.branchId, branchScope: 'own', active: true });
    expect(await sabya.sync()).toMatchObject({ rejected: 0 });
    const atHeadOffice = await ho.store.db.selectFrom('users').select(['branch_id', 'display_name']).where('id', '=', moving.id).executeTakeFirstOrThrow();
    expect(atHeadOffice).toEqual({ branch_id: sabya.enrolment.branchId, display_name: 'هدى الزهراني' });
  });
});
