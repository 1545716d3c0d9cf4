import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnrolment } from '../../src-main/store/sync-state';
import { setUpDesk, startHeadOffice, type HeadOfficeHarness } from './support/sync-harness';

/**
 * The device credential lives in the desk's store, which is encrypted at rest (its key wrapped by
 * Electron safeStorage on the desktop, a 0600 key file in the browser build): nothing of it can be
 * read from the files on disk.
 */
describe('the device credential at rest', () => {
  let ho: HeadOfficeHarness;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  beforeEach(async () => {
    ho = await startHeadOffice('sqlite');
    desk = await setUpDesk('JZN');
  });
  afterEach(async () => {
    await desk.close();
    await ho.close();
  });

  it('is kept only inside the encrypted store, never in the clear on disk', async () => {
    await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) });
    const credential = (await readEnrolment(desk.runtime.store.db))?.credential ?? '';
    expect(credential.length).toBeGreaterThan(20);
    expect(desk.runtime.store.key).not.toBeNull();
    const path = desk.runtime.store.path;
    for (const file of [path, `${path}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(credential))).toBe(false);
    }
  });
});
