import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openRuntime } from '../../src-main/api/runtime';
import { getSetting } from '../../src-main/store/settings';
import { stopScheduler } from '../../src-main/sync/scheduler';
import { ADMIN_PASSWORD, beneficiaryInput, Caller, silentLogger, tempDir, TEST_STORE_KEY } from './support/test-runtime';
import { firstDesk, startHeadOffice } from './support/sync-harness';

/**
 * A backup of another desk of the branch brought back here (a new PC restoring the old one's, a copy
 * taken to a second desk): the data is the backup's, the install's id in its stamps stays this
 * install's own, so two live desks never stamp as one.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('keeps this install’s own stamp id when it restores another desk’s backup of the branch', async () => {
  const ho = await startHeadOffice('sqlite');
  cleanups.push(() => ho.close());
  const old = await firstDesk(ho, 'JZN');
  cleanups.push(() => old.close());
  await old.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
  await old.sync();

  const temp = tempDir();
  const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  cleanups.push(async () => { await stopScheduler(runtime.store.path); await runtime.close(); temp.remove(); });
  const fresh = new Caller(runtime);
  await fresh.call('setup.join', { serverUrl: ho.url, code: await ho.newCode(old.enrolment.branchId, 'new PC') });
  await fresh.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });

  const oldNode = await getSetting(old.runtime.store.db, 'device_id');
  const freshNode = await getSetting(runtime.store.db, 'device_id');
  expect(freshNode).not.toBeNull();
  expect(oldNode).not.toBe(freshNode);

  const oldFolder = join(temp.dir, 'old-usb');
  const freshFolder = join(temp.dir, 'new-usb');
  mkdirSync(oldFolder);
  mkdirSync(freshFolder);
  await old.admin.call('backups.configure', { folder: oldFolder, daily: true });
  await fresh.call('backups.configure', { folder: freshFolder, daily: true });
  const backup = await old.admin.call('backups.create', {});
  cpSync(join(oldFolder, backup.name), join(freshFolder, backup.name), { recursive: true });
  await fresh.call('backups.restore', { name: backup.name });

  // The old desk's data, under this desk's id.
  expect(await runtime.store.db.selectFrom('beneficiaries').select('id').execute()).toHaveLength(1);
  expect(await getSetting(runtime.store.db, 'device_id')).toBe(freshNode);
  expect(runtime.clock.node).toBe(freshNode);
  expect(runtime.clock.next().endsWith(`-${freshNode}`)).toBe(true);
});
