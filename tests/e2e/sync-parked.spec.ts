import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { setUpDesk } from '../integration/support/sync-harness';
import { enrolWithServer, SyncServer } from '../../src-main/sync/server-client';
import { saveEnrolment } from '../../src-main/store/sync-state';
import { syncOnce } from '../../src-main/sync/engine';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * Changes head office refused, settled by a person: a desk whose administrator took a username
 * another branch already uses sees the refused change on its sync screen, with the reason in
 * Arabic, and sets it aside (or sends it again).
 */

const HO_PORT = 48_200 + Math.floor(Math.random() * 99);
const HO_URL = `http://127.0.0.1:${HO_PORT}`;
const HO_TOKEN = 'e2e-f2-head-office-admin-token';
const HO_STORE = `test-results/sync-parked-headoffice-${HO_PORT}`;
/** setUpDesk('JZN') names its administrator admin-jzn: this desk takes the same username. */
const ADMIN = { username: 'admin-jzn', password: 'Admin-pass-2025' };

const screenshot = screenshotsFor('sync-parked-');

test.use({ viewport: { width: 1600, height: 1000 } });

async function issueCode(branchId: string, name: string): Promise<string> {
  const issued = await fetch(`${HO_URL}/admin/devices`, {
    method: 'POST', headers: { authorization: `Bearer ${HO_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ branchId, name }),
  });
  return ((await issued.json()) as { code: string }).code;
}

test.describe.serial('refused changes on the sync screen', () => {
  let page: Page;
  let headOffice: ChildProcess | null = null;

  test.beforeAll(async ({ browser }) => {
    rmSync(HO_STORE, { recursive: true, force: true });
    headOffice = spawn(process.execPath, ['--import', 'tsx', 'src-main/headoffice/server.ts'], {
      env: { ...process.env, DATABASE_URL: '', HEADOFFICE_STORE: `${HO_STORE}/headoffice.sqlite`, HEADOFFICE_HOST: '127.0.0.1', HEADOFFICE_PORT: String(HO_PORT), HEADOFFICE_ADMIN_TOKEN: HO_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    await expect.poll(async () => fetch(`${HO_URL}/health`).then((r) => r.ok).catch(() => false), { timeout: 30_000 }).toBe(true);
    // Another branch reached head office first with the username this desk's administrator will take.
    const other = await setUpDesk('JZN');
    const reply = await enrolWithServer(HO_URL, await issueCode(other.branchId, 'جازان ١'));
    const enrolment = { serverUrl: HO_URL, deviceId: reply.deviceId, credential: reply.credential, branchId: reply.branchId };
    await saveEnrolment(other.runtime.store.db, enrolment);
    await syncOnce(other.runtime.store.db, new SyncServer(HO_URL, reply.credential, other.runtime.store.schemaVersion), enrolment);
    await other.close();
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page.close();
    if (headOffice && headOffice.exitCode === null) {
      const exited = new Promise((resolve) => headOffice?.once('exit', resolve));
      headOffice.kill('SIGTERM');
      await exited;
    }
    rmSync(HO_STORE, { recursive: true, force: true });
  });

  test('lists the change head office refused, with its reason in Arabic, and the rest synced', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN, { code: 'SBY', name: 'فرع صبيا', city: 'صبيا', adminName: 'مدير الفرع' });
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('nav-sync').filter({ visible: true }).first().click();
    const branchId = await page.evaluate(async () => {
      const response = await fetch('/api/branches.list', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
      return ((await response.json()) as { value: { branches: Array<{ id: string }> } }).value.branches[0]?.id ?? '';
    });
    await page.getByTestId('sync-server-url').fill(HO_URL);
    await page.getByTestId('sync-code').fill(await issueCode(branchId, 'صبيا ١'));
    await page.getByTestId('sync-enrol-submit').click();
    const parked = page.getByTestId('sync-parked');
    await expect(parked).toBeVisible();
    await expect(parked).toContainText('يتعارض مع سجل موجود');
    await expect(parked.getByTestId('parked-retry').first()).toBeVisible();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await screenshot(page, 'listed');
  });

  test('sends a refused change again, and it is refused again while the cause stands', async () => {
    const parked = page.getByTestId('sync-parked');
    const rows = await parked.locator('tbody tr').count();
    await parked.getByTestId('parked-retry').first().click();
    await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(parked.locator('tbody tr')).toHaveCount(rows);
  });

  test('sets a refused change aside after asking, and it leaves the list', async () => {
    const parked = page.getByTestId('sync-parked');
    const rows = await parked.locator('tbody tr').count();
    await parked.getByTestId('parked-discard').first().click();
    await screenshot(page, 'confirm-discard');
    await page.locator('.ant-popconfirm').getByRole('button').last().click();
    if (rows > 1) await expect(parked.locator('tbody tr')).toHaveCount(rows - 1);
    else await expect(parked).toHaveCount(0);
    await screenshot(page, 'after-discard');
  });
});
