import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { setUpDesk } from '../integration/support/sync-harness';
import { enrolWithServer, SyncServer } from '../../src-main/sync/server-client';
import { saveEnrolment } from '../../src-main/store/sync-state';
import { syncOnce } from '../../src-main/sync/engine';
import { fillFirstRunSetup } from './support/first-run';
import { SCREENSHOTS_DIR, screenshotsFor } from './support/screenshots';

/**
 * A branch desk and its head office: enrol the desk with a one-time code, lose the connection, keep
 * working, and watch the status go from "offline" with work waiting to "synced" when head office is back.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const HIND = { first: 'هند', father: 'محمد', grandfather: 'سعد', family: 'العتيبي', id: withCheckDigit('106543218'), phone: '0591234567', newPhone: '0597654321' };
const RAKAN = { first: 'راكان', father: 'سعيد', grandfather: 'ناصر', family: 'الشمري', id: withCheckDigit('107654329'), phone: '0571234567' };
const SALEH = { first: 'صالح', father: 'أحمد', grandfather: 'علي', family: 'المالكي', id: withCheckDigit('105432167'), phone: '0581234567' };
const HO_PORT = 48_100 + Math.floor(Math.random() * 99);
const HO_URL = `http://127.0.0.1:${HO_PORT}`;
const HO_TOKEN = 'e2e-head-office-admin-token';
const HO_STORE = `test-results/sync-e2e-headoffice-${HO_PORT}`;
/** A second desk of the same branch: its own browser host on a fresh store (a port of this spec's range). */
const DESK2_PORT = 48_199;
const DESK2_URL = `http://127.0.0.1:${DESK2_PORT}`;
const DESK2_STORE = `test-results/sync-e2e-desk2-${DESK2_PORT}`;

const screenshot = screenshotsFor('sync-');

test.use({ viewport: { width: 1920, height: 1000 } });

/** The head-office server as an administrator runs it (`npx tsx src-main/headoffice/server.ts`), on SQLite. */
async function startHeadOffice(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/headoffice/server.ts'], {
    env: { ...process.env, DATABASE_URL: '', HEADOFFICE_STORE: `${HO_STORE}/headoffice.sqlite`, HEADOFFICE_HOST: '127.0.0.1', HEADOFFICE_PORT: String(HO_PORT), HEADOFFICE_ADMIN_TOKEN: HO_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await expect.poll(async () => fetch(`${HO_URL}/health`).then((r) => r.ok).catch(() => false), { timeout: 20_000 }).toBe(true);
  return child;
}

async function stopHeadOffice(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The desk's own branch, as its API reports it. */
async function firstBranchId(page: Page): Promise<string> {
  const branches = await page.evaluate(async () => {
    const response = await fetch('/api/branches.list', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
    return (await response.json()) as { value: { branches: Array<{ id: string }> } };
  });
  return branches.value.branches[0]?.id ?? '';
}

async function openNav(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).filter({ visible: true }).first().click();
}

test.describe.serial('head-office sync of a desk', () => {
  let page: Page;
  let headOffice: ChildProcess | null = null;

  test.beforeAll(async ({ browser }) => {
    rmSync(HO_STORE, { recursive: true, force: true });
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page.close();
    await stopHeadOffice(headOffice);
    rmSync(HO_STORE, { recursive: true, force: true });
  });

  test('shows sync as not configured on a new desk', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN, { code: 'SBY', name: 'فرع صبيا', city: 'صبيا', adminName: 'مدير الفرع' });
    await page.getByTestId('setup-submit').click();
    await openNav(page, 'sync');
    await expect(page.getByTestId('sync-state')).toHaveText('غير مهيأة');
    await expect(page.getByTestId('status-bar')).toContainText('غير مهيأة');
    await screenshot(page, 'not-configured');
  });

  test('refuses a wrong code with a message on the code field', async () => {
    headOffice = await startHeadOffice();
    await page.getByTestId('sync-server-url').fill(HO_URL);
    await page.getByTestId('sync-code').fill('AAAA-BBBB-CCCC');
    await page.getByTestId('sync-enrol-submit').click();
    await expect(page.getByTestId('sync-enrol')).toContainText('رمز التسجيل غير صالح');
    await screenshot(page, 'code-refused');
  });

  test('enrols with the code head office issued for this branch and syncs at once', async () => {
    const branches = await page.evaluate(async () => {
      const response = await fetch('/api/branches.list', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
      return (await response.json()) as { value: { branches: Array<{ id: string }> } };
    });
    const branchId = branches.value.branches[0]?.id ?? '';
    const issued = await fetch(`${HO_URL}/admin/devices`, {
      method: 'POST', headers: { authorization: `Bearer ${HO_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ branchId, name: 'شباك ١' }),
    }).then((r) => r.json() as Promise<{ code: string }>);
    await page.getByTestId('sync-code').fill(issued.code);
    await page.getByTestId('sync-enrol-submit').click();
    await expect(page.getByTestId('sync-state')).toHaveText('متزامنة');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByTestId('sync-enrol')).toHaveCount(0);
    await expect(page.getByTestId('status-bar')).toContainText('متزامنة');
    await screenshot(page, 'synced');
  });

  test('keeps work waiting while head office is unreachable, and says since when', async () => {
    await stopHeadOffice(headOffice);
    headOffice = null;
    await openNav(page, 'registry');
    await page.getByTestId('new-beneficiary').click();
    await page.getByTestId('field-firstName').fill(SALEH.first);
    await page.getByTestId('field-fatherName').fill(SALEH.father);
    await page.getByTestId('field-grandfatherName').fill(SALEH.grandfather);
    await page.getByTestId('field-familyName').fill(SALEH.family);
    await page.getByTestId('field-nationalId').fill(SALEH.id);
    await page.getByTestId('field-phonePrimary').fill(SALEH.phone);
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('profile-name')).toHaveText(`${SALEH.first} ${SALEH.father} ${SALEH.grandfather} ${SALEH.family}`);
    await openNav(page, 'sync');
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-state')).toHaveText('غير متصل');
    await expect(page.getByTestId('sync-error')).toContainText('تعذّر الوصول إلى خادم المقر الرئيسي');
    await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
    await expect(page.getByTestId('status-bar')).toContainText('غير متصل');
    await screenshot(page, 'offline-pending');
  });

  test('sends the waiting work when head office is back, and shows synced', async () => {
    headOffice = await startHeadOffice();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-state')).toHaveText('متزامنة');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByTestId('sync-error')).toHaveCount(0);
    await expect(page.getByTestId('sync-last-run')).toContainText('رُفض 0');
    await expect(page.getByTestId('status-bar')).toContainText('متزامنة');
    await screenshot(page, 'back-online');
  });

  test('joins the branch from a second, empty desk with an enrolment code; its staff sign in and see the branch’s work', async ({ browser }) => {
    const desk2 = spawn(process.execPath, [`${process.env.MAMEN_DIST_DIR ?? 'dist'}/main/browser-host.cjs`, '--data-dir', DESK2_STORE, '--port', String(DESK2_PORT), '--no-open'], {
      env: { ...process.env, MAMEN_LAUNCH_TOKEN: E2E_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const second = await browser.newPage();
    try {
      await expect.poll(async () => fetch(`${DESK2_URL}/healthz`).then((r) => r.ok).catch(() => false), { timeout: 30_000 }).toBe(true);
      const branchId = await firstBranchId(page);
      const issued = await fetch(`${HO_URL}/admin/devices`, {
        method: 'POST', headers: { authorization: `Bearer ${HO_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ branchId, name: 'شباك ٣' }),
      }).then((r) => r.json() as Promise<{ code: string }>);
      await second.goto(`${DESK2_URL}/?token=${E2E_TOKEN}`);
      await second.getByTestId('setup-join-branch').click();
      await second.getByTestId('join-server-url').fill(HO_URL);
      await second.getByTestId('join-code').fill('AAAA-BBBB-CCCC');
      await second.getByTestId('join-submit').click();
      await expect(second.getByTestId('join-error')).toContainText('رمز التسجيل غير صالح');
      await second.getByTestId('join-code').fill(issued.code);
      await screenshot(second, 'join-branch');
      await second.getByTestId('join-submit').click();
      // The branch's administrator signs in on the new desk with the password set at the first desk.
      await second.getByTestId('login-username').fill(ADMIN.username);
      await second.getByTestId('login-password').fill(ADMIN.password);
      await second.getByTestId('login-submit').click();
      await openNav(second, 'registry');
      await second.getByTestId('registry-search').fill(SALEH.first);
      await expect(second.getByTestId('registry-results')).toContainText(`${SALEH.first} ${SALEH.father}`);
      await screenshot(second, 'second-desk-registry');
    } finally {
      await second.close();
      const exited = new Promise((resolve) => desk2.once('exit', resolve));
      desk2.kill('SIGTERM');
      await exited;
      rmSync(DESK2_STORE, { recursive: true, force: true });
    }
  });

  test('opens a review item when another branch registered the same person, and merges the two in the review queue', async ({ browser }) => {
    // Another branch's desk (a real store in this process) registers Hind first and syncs.
    const other = await setUpDesk('JZN');
    try {
      const issued = await fetch(`${HO_URL}/admin/devices`, {
        method: 'POST', headers: { authorization: `Bearer ${HO_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ branchId: other.branchId, name: 'جازان ١' }),
      }).then((r) => r.json() as Promise<{ code: string }>);
      const reply = await enrolWithServer(HO_URL, issued.code);
      const enrolment = { serverUrl: HO_URL, deviceId: reply.deviceId, credential: reply.credential, branchId: reply.branchId };
      await saveEnrolment(other.runtime.store.db, enrolment);
      const server = new SyncServer(HO_URL, reply.credential, other.runtime.store.schemaVersion);
      const first = await other.admin.call('beneficiaries.register', { beneficiary: { firstName: HIND.first, fatherName: HIND.father, grandfatherName: HIND.grandfather, familyName: HIND.family, idType: 'national_id', nationalId: HIND.id, nationality: 'SA', gender: 'female', phonePrimary: HIND.phone } });
      await syncOnce(other.runtime.store.db, server, enrolment);

      // This branch registers her again (it cannot know yet), with a newer phone.
      await openNav(page, 'registry');
      await page.getByTestId('new-beneficiary').click();
      await page.getByTestId('field-firstName').fill(HIND.first);
      await page.getByTestId('field-fatherName').fill(HIND.father);
      await page.getByTestId('field-grandfatherName').fill(HIND.grandfather);
      await page.getByTestId('field-familyName').fill(HIND.family);
      await page.getByTestId('field-nationalId').fill(HIND.id);
      await page.getByTestId('field-gender').getByText('أنثى').click();
      await page.getByTestId('field-phonePrimary').fill(HIND.newPhone);
      await page.getByTestId('beneficiary-save').click();
      await expect(page.getByTestId('profile-name')).toHaveText(`${HIND.first} ${HIND.father} ${HIND.grandfather} ${HIND.family}`);
      const secondUrl = page.url();
      const secondId = /beneficiaries\/([0-9a-f-]{36})/.exec(secondUrl)?.[1];
      await openNav(page, 'sync');
      await page.getByTestId('sync-now').click();
      await expect(page.getByTestId('sync-last-run')).toContainText('رُفض 0');
      await page.getByTestId('sync-now').click();
      const item = page.getByTestId('review-item');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText('رقم الهوية نفسه');
      await expect(item.getByTestId('review-state')).toHaveText('بانتظار القرار');
      await expect(item).toContainText('فرع JZN');
      // Keep the first branch's record, with this branch's newer phone.
      await item.getByTestId('review-pick-phone_primary-second').click();
      await screenshot(page, 'review-queue');
      await item.getByTestId('review-merge').click();
      await expect(item.getByTestId('review-state')).toHaveText('دُمجا');
      await expect(page.getByTestId('sync-conflicts')).toContainText('الجوال');
      await screenshot(page, 'review-merged');
      // The superseded values on their own (the page's status bar covers the list's end in a full-page shot).
      await page.getByTestId('sync-conflicts').screenshot({ path: `${SCREENSHOTS_DIR}/sync-review-superseded-values.png` });

      // This branch's id now opens the merged record, whose history keeps the replaced phone.
      await page.goto(secondUrl);
      await expect(page.getByTestId('profile-name')).toHaveText(`${HIND.first} ${HIND.father} ${HIND.grandfather} ${HIND.family}`);
      await page.getByRole('tab', { name: 'سجل التعديلات' }).click();
      await expect(page.getByTestId('history-superseded').first()).toBeVisible();
      await screenshot(page, 'merged-history');

      // Head office lists the item, decided.
      const admin = await browser.newPage();
      try {
        await admin.goto(`${HO_URL}/admin/reviews/page`);
        await admin.getByTestId('reviews-token').fill(HO_TOKEN);
        await admin.getByTestId('reviews-load').click();
        await expect(admin.getByTestId('reviews-table')).toContainText(`${HIND.first} ${HIND.father} ${HIND.family} — فرع JZN`);
        await expect(admin.getByTestId('reviews-table')).toContainText('دُمجا');
        await screenshot(admin, 'headoffice-reviews');
      } finally {
        await admin.close();
      }

      // The other branch ends with the same merge.
      await syncOnce(other.runtime.store.db, server, enrolment);
      const alias = await other.runtime.store.db.selectFrom('beneficiaries').select(['id', 'merged_into']).where('merged_into', 'is not', null).execute();
      expect(alias).toEqual([{ id: secondId, merged_into: first.id }]);
    } finally {
      await other.close();
    }
    await openNav(page, 'sync');
  });

  test('after a backup is restored, says the desk is re-syncing from head office, and brings back the work it had sent since', async () => {
    const post = (method: string, input: unknown) => page.evaluate(async ([m, body]) => {
      const response = await fetch(`/api/${m}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value: { name?: string; id?: string } };
    }, [method, input] as const);
    const backup = await post('backups.create', {});
    await post('beneficiaries.register', { beneficiary: { firstName: RAKAN.first, fatherName: RAKAN.father, grandfatherName: RAKAN.grandfather, familyName: RAKAN.family, idType: 'national_id', nationalId: RAKAN.id, nationality: 'SA', gender: 'male', phonePrimary: RAKAN.phone } });
    await post('sync.now', {});
    // Head office is out of reach when the backup is restored: the desk says what it will do when it is back.
    await stopHeadOffice(headOffice);
    headOffice = null;
    expect((await post('backups.restore', { name: backup.value.name })).ok).toBe(true);
    await page.reload();
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await openNav(page, 'sync');
    await expect(page.getByTestId('sync-resyncing')).toContainText('يعيد هذا الجهاز المزامنة مع المقر الرئيسي بعد استعادة نسخة احتياطية');
    await expect(page.getByTestId('sync-resyncing')).toContainText('ما أرسله هو بعد ذلك الوقت');
    await screenshot(page, 'resyncing');
    await page.getByTestId('lang-toggle').filter({ visible: true }).first().click();
    await expect(page.getByTestId('sync-resyncing')).toContainText('re-syncing from head office after a backup was restored');
    await screenshot(page, 'resyncing-en');
    await page.getByTestId('lang-toggle').filter({ visible: true }).first().click();

    headOffice = await startHeadOffice();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-state')).toHaveText('متزامنة');
    await expect(page.getByTestId('sync-resyncing')).toHaveCount(0);
    await expect(page.getByTestId('status-bar')).toContainText('متزامنة');
    await screenshot(page, 'resynced');
    await openNav(page, 'registry');
    await page.getByTestId('registry-search').fill(RAKAN.first);
    await expect(page.getByTestId('registry-results')).toContainText(`${RAKAN.first} ${RAKAN.father}`);
    await openNav(page, 'sync');
  });

  test('lets the head-office admin see the desks, issue a code and revoke a desk, which the desk then reports', async ({ browser }) => {
    const admin = await browser.newPage();
    try {
      await admin.goto(`${HO_URL}/admin`);
      await admin.getByTestId('admin-token').fill(HO_TOKEN);
      await admin.getByTestId('admin-load').click();
      const desks = admin.getByTestId('admin-devices');
      await expect(desks).toContainText('شباك ١');
      await expect(desks).toContainText('فرع صبيا (SBY)');
      await admin.getByTestId('admin-device-name').fill('شباك ٢');
      await admin.getByTestId('admin-branch').selectOption({ label: 'فرع صبيا (SBY)' });
      await admin.getByTestId('admin-create').click();
      await expect(admin.getByTestId('admin-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect(desks).toContainText('بانتظار التسجيل');
      await screenshot(admin, 'headoffice-admin');
      admin.once('dialog', (dialog) => void dialog.accept());
      await desks.getByRole('row', { name: /شباك ١/ }).getByTestId('admin-revoke').click();
      await expect(desks.getByRole('row', { name: /شباك ١/ })).toContainText('أُلغي');
    } finally {
      await admin.close();
    }
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-state')).toHaveText('خطأ');
    await expect(page.getByTestId('sync-error')).toContainText('أُلغي تسجيله');
    await expect(page.getByTestId('sync-enrol')).toBeVisible();
    await screenshot(page, 'revoked');
  });
});
