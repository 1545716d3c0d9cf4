import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { openRuntime, type Runtime } from '../../src-main/api/runtime';
import { stopScheduler } from '../../src-main/sync/scheduler';
import { beneficiaryInput, Caller, silentLogger, tempDir, TEST_STORE_KEY } from '../integration/support/test-runtime';
import { chooseOption } from './support/antd-select';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * Changes head office refused, settled by a person: two desks of one branch each take on a staff
 * member under the same username while neither has seen the other's (a username is unique in its
 * branch); the second to reach head office sees its user refused on the sync screen, with the reason
 * in Arabic, and sends it again or sets it aside. (The same citizen registered at both desks is not
 * refused: head office opens a review item for it, tests/integration/sync-branch-twins.test.ts.)
 */

const HO_PORT = 48_200 + Math.floor(Math.random() * 99);
const HO_URL = `http://127.0.0.1:${HO_PORT}`;
const HO_TOKEN = 'e2e-f2-head-office-admin-token';
const HO_STORE = `test-results/sync-parked-headoffice-${HO_PORT}`;
const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const USERNAME = 'huda.reception';
const CITIZEN = { first: 'مريم', father: 'سعيد', grandfather: 'علي', family: 'الغامدي', id: withCheckDigit('108765432'), phone: '0561239876' };

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
  /** The branch's other desk: a real store in this process, joined to the branch through head office. */
  let otherDesk: { runtime: Runtime; caller: Caller; remove(): void } | null = null;

  test.beforeAll(async ({ browser }) => {
    rmSync(HO_STORE, { recursive: true, force: true });
    headOffice = spawn(process.execPath, ['--import', 'tsx', 'src-main/headoffice/server.ts'], {
      env: { ...process.env, DATABASE_URL: '', HEADOFFICE_STORE: `${HO_STORE}/headoffice.sqlite`, HEADOFFICE_HOST: '127.0.0.1', HEADOFFICE_PORT: String(HO_PORT), HEADOFFICE_ADMIN_TOKEN: HO_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    await expect.poll(async () => fetch(`${HO_URL}/health`).then((r) => r.ok).catch(() => false), { timeout: 30_000 }).toBe(true);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page.close();
    if (otherDesk) {
      await stopScheduler(otherDesk.runtime.store.path);
      await otherDesk.runtime.close();
      otherDesk.remove();
    }
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
    await expect(page.getByTestId('sync-state')).toHaveText('متزامنة');

    // A second desk of the branch joins it through head office.
    const temp = tempDir();
    const runtime = await openRuntime({ storePath: join(temp.dir, 'desk.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'e2e', logger: silentLogger() });
    const caller = new Caller(runtime);
    otherDesk = { runtime, caller, remove: () => temp.remove() };
    await caller.call('setup.join', { serverUrl: HO_URL, code: await issueCode(branchId, 'صبيا ٢') });
    await caller.call('auth.login', ADMIN);

    // This desk takes on a receptionist…
    await page.getByTestId('nav-users').filter({ visible: true }).first().click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill(USERNAME);
    await page.getByTestId('user-displayName').fill('هدى الزهراني');
    await chooseOption(page, 'user-role', 'استقبال');
    await chooseOption(page, 'user-branch', 'SBY — فرع صبيا');
    await page.getByTestId('user-password').fill('Reception-pass-2025');
    await page.locator('.ant-modal-footer').getByRole('button').last().click();
    await expect(page.getByTestId('users-table')).toContainText(USERNAME);
    // …and so does the other desk, under the same username, and reaches head office first.
    await caller.call('users.create', { username: USERNAME, displayName: 'هدى العمري', role: 'reception', branchId, branchScope: 'own', password: 'Reception-pass-2026' });
    await caller.call('sync.now', {});

    await page.getByTestId('nav-sync').filter({ visible: true }).first().click();
    await page.getByTestId('sync-now').click();
    const parked = page.getByTestId('sync-parked');
    await expect(parked).toBeVisible();
    await expect(parked).toContainText('يتعارض مع سجل موجود');
    await expect(parked.locator('tbody tr').first()).toContainText('مستخدم');
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

  test('the same citizen registered at both desks is not refused: a review item, merged from the sync screen', async () => {
    const caller = otherDesk?.caller;
    if (!caller) throw new Error('the other desk is set up by the first test');
    await page.getByTestId('nav-registry').filter({ visible: true }).first().click();
    await page.getByTestId('new-beneficiary').click();
    await page.getByTestId('field-firstName').fill(CITIZEN.first);
    await page.getByTestId('field-fatherName').fill(CITIZEN.father);
    await page.getByTestId('field-grandfatherName').fill(CITIZEN.grandfather);
    await page.getByTestId('field-familyName').fill(CITIZEN.family);
    await page.getByTestId('field-nationalId').fill(CITIZEN.id);
    await page.getByTestId('field-gender').getByText('أنثى').click();
    await page.getByTestId('field-phonePrimary').fill(CITIZEN.phone);
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('profile-name')).toHaveText(`${CITIZEN.first} ${CITIZEN.father} ${CITIZEN.grandfather} ${CITIZEN.family}`);
    // The other desk registered her too, with another phone, and reached head office first.
    await caller.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: CITIZEN.first, fatherName: CITIZEN.father, grandfatherName: CITIZEN.grandfather, familyName: CITIZEN.family, nationalId: CITIZEN.id, gender: 'female', phonePrimary: '0569998877' }) });
    await caller.call('sync.now', {});

    await page.getByTestId('nav-sync').filter({ visible: true }).first().click();
    await page.getByTestId('sync-now').click();
    const item = page.getByTestId('review-item');
    await expect(item).toBeVisible();
    await expect(item).toContainText('رقم الهوية نفسه');
    await expect(item.getByTestId('review-survivor')).toContainText('فرع صبيا (السجل الأول)');
    await expect(item.getByTestId('review-survivor')).toContainText('فرع صبيا (السجل الثاني)');
    // Neither record was refused: no beneficiary among the refused changes.
    await expect(page.getByTestId('sync-parked')).not.toContainText('مستفيد');
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'same-branch-review');
    await item.getByTestId('review-merge').click();
    await page.getByTestId('sync-now').click();
    await expect(item.getByTestId('review-state')).toHaveText('دُمجا');
    await screenshot(page, 'same-branch-merged');
  });
});
