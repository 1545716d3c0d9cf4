import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { api } from './support/api';
import { chooseOption } from './support/antd-select';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * Who looked at whose file: the receptionist finds a beneficiary (ID and mobile masked in the list),
 * reveals the ID on the profile; the manager finds that reveal in the audit log, exports it and
 * verifies the chain; a desk left idle locks and opens again with the password.
 */

const ADMIN = { username: 'admin', displayName: 'مدير النظام', password: 'Admin-pass-2025' };
const DESK = { username: 'desk1', displayName: 'نورة الموظفة', first: 'first-pass-0001', password: 'desk-pass-2025', role: 'reception' };
const MANAGER = { username: 'manager1', displayName: 'المدير خالد', first: 'first-pass-0004', password: 'manager-pass-2025', role: 'manager' };
type User = { username: string; displayName: string; password: string };
const PERSON = { first: 'سلمى', father: 'حسن', grandfather: 'علي', family: 'الفيفي', id: withCheckDigit('110334455'), phone: '0551239876' };
const FULL_NAME = `${PERSON.first} ${PERSON.father} ${PERSON.grandfather} ${PERSON.family}`;
const MASKED_ID = `${PERSON.id[0]}•••••••${PERSON.id.slice(-2)}`;

const screenshot = screenshotsFor('audit-');

async function signIn(page: Page, user: User, path: string): Promise<void> {
  await api(page.request, 'auth.logout', {}).catch(() => undefined);
  await api(page.request, 'auth.login', { username: user.username, password: user.password });
  await page.reload();
  await expect(page.getByTestId('user-menu')).toContainText(user.displayName);
  await page.goto(`/#${path}`);
}

test.describe.serial('access and audit: masked lists, audited reveals, the audit viewer and the lock screen', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // A context of our own: the accessibility scan (axe) needs one.
    page = await (await browser.newContext()).newPage();
  });
  test.afterAll(async () => page.context().close());

  test('sets up the store, two staff and one beneficiary', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();
    const { branches } = await api<{ branches: { id: string }[] }>(page.request, 'branches.list', {});
    for (const user of [DESK, MANAGER]) {
      await api(page.request, 'users.create', { username: user.username, displayName: user.displayName, role: user.role, branchId: branches[0]!.id, branchScope: 'own', password: user.first });
    }
    await api(page.request, 'beneficiaries.register', {
      beneficiary: { firstName: PERSON.first, fatherName: PERSON.father, grandfatherName: PERSON.grandfather, familyName: PERSON.family, idType: 'national_id', nationalId: PERSON.id, nationality: 'SA', gender: 'female', birthDate: '1991-03-04', phonePrimary: PERSON.phone },
    });
    for (const user of [MANAGER, DESK]) {
      await api(page.request, 'auth.logout', {}).catch(() => undefined);
      await api(page.request, 'auth.login', { username: user.username, password: user.first });
      await api(page.request, 'auth.changePassword', { currentPassword: user.first, newPassword: user.password });
    }
  });

  test('reception searches and sees the ID and mobile masked, then reveals the ID on the profile', async () => {
    await signIn(page, DESK, '/registry');
    await page.getByTestId('registry-search').fill(PERSON.id);
    const results = page.getByTestId('registry-results');
    await expect(results).toContainText(FULL_NAME);
    await expect(results).toContainText(MASKED_ID);
    await expect(results).not.toContainText(PERSON.id);
    await expect(results).not.toContainText(PERSON.phone.slice(1));
    await screenshot(page, 'search-masked');

    await results.getByText(FULL_NAME).click();
    const id = page.getByTestId('profile-nationalId');
    await expect(id).toHaveText(MASKED_ID);
    await expect(page.getByTestId('profile-phonePrimary')).toContainText('••••••');
    await page.getByTestId('profile-nationalId-reveal').click();
    await expect(id).toHaveText(PERSON.id);
    await expect(page.getByTestId('profile-nationalId-reveal')).toHaveCount(0);
    await screenshot(page, 'profile-revealed');
  });

  test('the manager finds the reveal in the audit log, exports it and verifies the chain', async () => {
    await signIn(page, MANAGER, '/registry');
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect(table).toContainText(DESK.displayName);
    await chooseOption(page, 'audit-filter-action', 'إظهار حقل محجوب');
    await page.getByTestId('audit-apply').click();
    const sentence = `${DESK.displayName} أظهر حقل «رقم الهوية» للمستفيد ${FULL_NAME}`;
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText(sentence);
    await expect(table).not.toContainText(PERSON.id);
    await screenshot(page, 'viewer-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(DESK.displayName);
    expect(lines[1]).toContain('nationalId');
    expect(csv.toString('utf8')).not.toContain(PERSON.id);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^audit-log-.*\.xlsx$/);

    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toContainText('السلسلة سليمة');
    await screenshot(page, 'viewer-verified');

    // Viewing the log left its own trace.
    await chooseOption(page, 'audit-filter-action', 'اطّلاع على سجل التدقيق');
    await page.getByTestId('audit-apply').click();
    await expect(table).toContainText(MANAGER.displayName);
  });

  test('an idle desk locks after the admin’s setting, refuses calls, and opens with the password', async () => {
    await signIn(page, ADMIN, '/audit');
    // antd puts the test id on the input itself or on its wrapper, depending on the version.
    await page.locator('input[data-testid="idle-lock-minutes"], [data-testid="idle-lock-minutes"] input').first().fill('1');
    await page.getByTestId('idle-lock-save').click();
    await expect(page.getByText('حُفظت مهلة القفل: 1 دقيقة.')).toBeVisible();

    await page.clock.install();
    // The idle timer starts once the page has read the setting.
    const settingRead = page.waitForResponse((response) => response.url().endsWith('/api/auth.idleLock'));
    await page.reload();
    await settingRead;
    // The card reads the same setting as the idle timer: once it shows 1, the timer runs on 1 minute.
    await expect(page.locator('input[data-testid="idle-lock-minutes"], [data-testid="idle-lock-minutes"] input').first()).toHaveValue('1');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await page.clock.fastForward('01:05');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('lock-screen')).toContainText(ADMIN.displayName);
    await screenshot(page, 'locked');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The server keeps the session locked, whatever the page does.
    const origin = String(test.info().project.use.baseURL).replace(/\/$/, '');
    const refused = await page.request.post('/api/beneficiaries.search', { data: { query: 'سلمى' }, headers: { origin } });
    expect((await refused.json()) as unknown).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });

    await page.getByTestId('unlock-password').fill('not-my-password');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error')).toContainText('كلمة المرور غير صحيحة');
    await page.getByTestId('unlock-password').fill(ADMIN.password);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await expect(page.getByTestId('idle-lock-card')).toBeVisible();
  });

  test('locks at once from the keyboard shortcut and from the header button', async () => {
    await page.keyboard.press('Control+Shift+KeyL');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('unlock-password').fill(ADMIN.password);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await page.getByTestId('lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('lock-sign-out').click();
    await expect(page.getByTestId('login-username')).toBeVisible();
  });
});
