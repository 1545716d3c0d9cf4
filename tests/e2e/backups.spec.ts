import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * Backup → damage the store → restore from the interface. The spec runs its own desk host, because
 * the store must be damaged while no process holds it and the host started again on it: it finds the
 * store damaged at start-up and opens recovery mode, where the admin restores the backup.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const DIST = process.env.MAMEN_DIST_DIR ?? 'dist';
const screenshot = screenshotsFor('backups-');

test.use({ viewport: { width: 1440, height: 1000 } });

function ownPort(): number {
  return Number(new URL(String(test.info().project.use.baseURL)).port) + 100;
}

/** The desk host as `npm start` runs it without Electron (its store key file is made on the first run and kept). */
async function startHost(port: number, dataDir: string): Promise<ChildProcess> {
  const { MAMEN_STORE_KEY: _fromKeyFile, ...env } = process.env;
  const child = spawn(process.execPath, [`${DIST}/main/browser-host.cjs`, '--data-dir', dataDir, '--port', String(port), '--no-open'], {
    env: { ...env, MAMEN_LAUNCH_TOKEN: E2E_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await expect.poll(async () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false), { timeout: 30_000 }).toBe(true);
  return child;
}

async function stopHost(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** Overwrites the middle third of the file with garbage, as a failing disk would. */
function damageMiddle(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(Math.floor(size / 3), 0xa5), 0, Math.floor(size / 3), Math.floor(size / 3));
  } finally {
    closeSync(fd);
  }
}

async function register(page: Page, origin: string, firstName: string, id: string, phone: string): Promise<void> {
  const response = await page.request.post(`${origin}/api/beneficiaries.register`, {
    headers: { origin },
    data: { beneficiary: { firstName, fatherName: 'محمد', grandfatherName: 'علي', familyName: 'الشهري', idType: 'national_id', nationalId: id, nationality: 'SA', gender: 'male', birthDate: '1980-01-01', phonePrimary: phone } },
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
}

function manualRow(page: Page) {
  return page.getByTestId('backup-list').locator('tbody tr').filter({ hasText: 'يدوية' });
}

async function searchRegistry(page: Page, text: string): Promise<void> {
  await page.getByTestId('nav-registry').filter({ visible: true }).first().click();
  await page.getByTestId('registry-search').fill(text);
}

test.describe.serial('backup, damaged store, restore from the interface', () => {
  let page: Page;
  let host: ChildProcess | null = null;
  let origin = '';
  let dataDir = '';
  let usb = '';

  test.beforeAll(async ({ browser }) => {
    const port = ownPort();
    origin = `http://127.0.0.1:${port}`;
    dataDir = `test-results/e2e-store-${port}`;
    usb = resolve(`test-results/e2e-usb-${port}`);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(usb, { recursive: true, force: true });
    mkdirSync(usb, { recursive: true });
    host = await startHost(port, dataDir);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await stopHost(host);
  });

  test('the admin chooses the backups folder and backs up now', async () => {
    await page.goto(`${origin}/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();
    await register(page, origin, 'سالم', withCheckDigit('107700001'), '0557700001');

    await page.goto(`${origin}/#/backups`);
    await expect(page.getByTestId('backup-last')).toContainText('لم تُؤخذ');
    await page.getByTestId('backup-use-default').click();
    await page.getByTestId('backup-folder').fill(usb);
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toBeVisible();
    await expect(page.getByTestId('backup-status-folder')).toHaveText(usb);
    await screenshot(page, 'settings');

    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-now-done')).toBeVisible({ timeout: 30_000 });
    // The daily job may have taken its own backup meanwhile: the spec works on the one it asked for.
    const manual = manualRow(page);
    await expect(manual).toHaveCount(1);
    await expect(page.getByTestId('status-backup')).not.toContainText('لا توجد');
    await manual.getByTestId('backup-verify').click();
    await expect(manual.getByTestId('backup-verdict')).toHaveText('سليمة');
    await manual.getByTestId('backup-preview-open').click();
    await expect(page.getByTestId('backup-count-beneficiaries')).toHaveText('1');
    await screenshot(page, 'preview');
    await page.keyboard.press('Escape');
  });

  test('a record registered after the backup, then the store is damaged while the desk is closed', async () => {
    await register(page, origin, 'خالد', withCheckDigit('107700002'), '0557700002');
    await searchRegistry(page, 'الشهري');
    await expect(page.getByTestId('registry-results')).toContainText('خالد');
    await stopHost(host);
    host = null;
    damageMiddle(`${dataDir}/mamen.sqlite`);
    host = await startHost(ownPort(), dataDir);

    await page.goto(`${origin}/?token=${E2E_TOKEN}`);
    await expect(page.getByTestId('recovery-screen')).toBeVisible();
    await page.getByTestId('recovery-backups').getByText('يدوية').click();
    await expect(page.getByTestId('backup-count-beneficiaries')).toHaveText('1');
    await screenshot(page, 'recovery');
  });

  test('a wrong password is refused; the admin of the backup restores it and finds the data of before', async () => {
    await page.getByTestId('recovery-username').fill(ADMIN.username);
    await page.getByTestId('recovery-password').fill('not-the-password');
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('recovery-error')).toContainText('ليس مدير نظام');
    await screenshot(page, 'recovery-refused');

    await page.getByTestId('recovery-password').fill(ADMIN.password);
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('login-submit')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await searchRegistry(page, 'الشهري');
    await expect(page.getByTestId('registry-results')).toContainText('سالم');
    await expect(page.getByTestId('registry-results')).not.toContainText('خالد');
    await screenshot(page, 'restored-registry');
  });

  test('a restore from the backups screen backs up the current state first and signs everyone out', async () => {
    await page.goto(`${origin}/#/backups`);
    await manualRow(page).getByTestId('backup-restore').click();
    await expect(page.getByTestId('backup-restore-confirm')).toBeEnabled();
    await screenshot(page, 'restore-confirm');
    await page.getByTestId('backup-restore-confirm').click();
    await expect(page.getByTestId('login-submit')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.goto(`${origin}/#/backups`);
    await expect(page.getByTestId('backup-list')).toContainText('قبل الاستعادة');
    await screenshot(page, 'after-restore');
    await page.getByTestId('lang-toggle').filter({ visible: true }).first().click();
    await expect(page.getByTestId('backup-list')).toContainText('before a restore');
    await screenshot(page, 'after-restore-en');
    await page.getByTestId('lang-toggle').filter({ visible: true }).first().click();
  });
});
