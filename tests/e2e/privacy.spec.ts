import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { api } from './support/api';
import { chooseOption } from './support/antd-select';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor, settle, SCREENSHOTS_DIR } from './support/screenshots';

/**
 * Personal-data rights at the desk and in the manager's office: the receptionist records the
 * beneficiary's consent against the signed form, a request for a copy of their data and a
 * correction; the manager hands over the copy (Arabic PDF and JSON) and accepts the correction,
 * which the profile's history then shows. The administrator previews the retention rules.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025', displayName: 'مدير النظام' };
const DESK = { username: 'desk1', displayName: 'موظفة الاستقبال سارة', first: 'first-pass-0001', password: 'desk-pass-2025', role: 'reception' };
const MANAGER = { username: 'manager1', displayName: 'المدير خالد', first: 'first-pass-0004', password: 'manager-pass-2025', role: 'manager' };
type User = { username: string; password: string; displayName: string };
const PERSON = { firstName: 'مريم', fatherName: 'صالح', grandfatherName: 'أحمد', familyName: 'الفيفي', nationalId: withCheckDigit('108877665') };
const FULL_NAME = 'مريم صالح أحمد الفيفي';
const NEW_ADDRESS = 'جازان، حي الصفا، شارع الأمير سلطان';
const OUT = 'test-results/privacy';

const screenshot = screenshotsFor('privacy-');

async function signIn(page: Page, user: User, path: string): Promise<void> {
  await api(page.request, 'auth.logout', {}).catch(() => undefined);
  await api(page.request, 'auth.login', { username: user.username, password: user.password });
  await page.reload();
  await expect(page.getByTestId('user-menu')).toContainText(user.displayName);
  await page.goto(`/#${path}`);
}

/** Serious or critical axe findings (WCAG 2.1 AA) on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openRightsTab(page: Page, beneficiaryId: string): Promise<void> {
  await page.goto(`/#/beneficiaries/${beneficiaryId}`);
  await expect(page.getByTestId('profile-name')).toHaveText(FULL_NAME);
  await page.getByTestId('tab-data-rights').click();
  await expect(page.getByTestId('data-rights')).toBeVisible();
}

test.describe.serial('personal-data rights', () => {
  let page: Page;
  let beneficiaryId = '';

  test.beforeAll(async ({ browser }) => {
    // A context of its own: axe needs one made with newContext().
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    mkdirSync(OUT, { recursive: true });
  });
  test.afterAll(async () => page.context().close());

  test('sets up the store, staff and a beneficiary with a signed consent form', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();
    const { branches } = await api<{ branches: { id: string }[] }>(page.request, 'branches.list', {});
    for (const user of [DESK, MANAGER]) {
      await api(page.request, 'users.create', { username: user.username, displayName: user.displayName, role: user.role, branchId: branches[0]!.id, branchScope: 'own', password: user.first });
      await api(page.request, 'auth.logout', {}).catch(() => undefined);
      await api(page.request, 'auth.login', { username: user.username, password: user.first });
      await api(page.request, 'auth.changePassword', { currentPassword: user.first, newPassword: user.password });
      await api(page.request, 'auth.logout', {});
      await api(page.request, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    }
    await api(page.request, 'auth.logout', {});
    await api(page.request, 'auth.login', { username: DESK.username, password: DESK.password });
    ({ id: beneficiaryId } = await api<{ id: string }>(page.request, 'beneficiaries.register', {
      beneficiary: { ...PERSON, idType: 'national_id', nationality: 'SA', gender: 'female', birthDate: '1990-06-15', phonePrimary: '0551112233', address: 'جازان، حي الروضة' },
      household: [],
      confirmedDistinctFrom: [],
    }));
    await api(page.request, 'forms.generateConsent', { beneficiaryId });
  });

  test('the desk records consent, a request for a data copy and a correction request', async () => {
    await signIn(page, DESK, `/beneficiaries/${beneficiaryId}`);
    await openRightsTab(page, beneficiaryId);
    await expect(page.getByTestId('consent-status')).toContainText('لم تُسجَّل');
    // The desk may record but not hand over a copy.
    await page.getByTestId('consent-form').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.getByTestId('consent-record').click();
    await expect(page.getByTestId('consent-status')).toHaveText('قائمة');

    await page.getByTestId('export-request').click();
    await expect(page.getByTestId('export-requests').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('export-requests')).toContainText('لم تُسلَّم بعد');
    await expect(page.locator('[data-testid^="export-pdf-"]')).toHaveCount(0);

    await page.getByTestId('correction-new').click();
    await chooseOption(page, 'correction-field', 'العنوان');
    await page.getByTestId('correction-value').fill(NEW_ADDRESS);
    await page.getByTestId('correction-justification').fill('انتقلت الأسرة إلى سكن جديد');
    await page.getByRole('button', { name: 'حفظ الطلب' }).click();
    await expect(page.getByTestId('corrections').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('corrections')).toContainText('مفتوح');
    await screenshot(page, 'desk-rights-tab');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('correction-new').click();
    await expect(page.getByTestId('correction-value')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  test('the manager hands over the copy as an Arabic PDF and as JSON', async () => {
    await signIn(page, MANAGER, '/data-corrections');
    await expect(page.getByTestId('open-corrections')).toContainText('مريم صالح الفيفي');
    await screenshot(page, 'open-corrections');

    await openRightsTab(page, beneficiaryId);
    const pdfDownload = page.waitForEvent('download');
    await page.locator('[data-testid^="export-pdf-"]').click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^personal-data-.*\.pdf$/);
    const pdfPath = `${OUT}/export.pdf`;
    await pdf.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('نسخة البيانات الشخصية للمستفيد');
    expect(text).toContain('الفيفي');
    expect(text).toContain('الموافقة على معالجة البيانات');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, `${SCREENSHOTS_DIR}/privacy-export-pdf`]);

    const jsonDownload = page.waitForEvent('download');
    await page.locator('[data-testid^="export-json-"]').click();
    const json = await jsonDownload;
    const jsonPath = `${OUT}/export.json`;
    await json.saveAs(jsonPath);
    const data = JSON.parse(readFileSync(jsonPath, 'utf8')) as { schema: string; schemaVersion: number; beneficiary: { id: string }; records: { privacy_consents: unknown[] } };
    expect(data).toMatchObject({ schema: 'mamen.subject-export', schemaVersion: 1, beneficiary: { id: beneficiaryId } });
    expect(data.records.privacy_consents).toHaveLength(1);
    await expect(page.getByTestId('export-requests')).toContainText('JSON');
    await expect(page.getByTestId('export-requests')).toContainText('PDF');
    await expect(page.getByTestId('export-requests')).not.toContainText('لم تُسلَّم بعد');
  });

  test('the manager accepts the correction; the profile and its history show the new address', async () => {
    await page.locator('[data-testid^="correction-accept-"]').click();
    await expect(page.locator('[data-testid^="correction-status-"]')).toHaveText('مقبول ومُنفَّذ');
    await screenshot(page, 'manager-rights-tab');
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('tab-data-rights')).toHaveText('Personal-data rights');
    await expect(page.getByTestId('corrections')).toContainText('Accepted and applied');
    await screenshot(page, 'manager-rights-tab-english');
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('tab-data-rights')).toHaveText('حقوق البيانات الشخصية');
    await page.getByRole('tab', { name: 'سجل التعديلات' }).click();
    await expect(page.getByRole('tabpanel', { name: 'سجل التعديلات' }).getByText(NEW_ADDRESS)).toBeVisible();
    await screenshot(page, 'history-after-correction');
    await page.goto('/#/data-corrections');
    await expect(page.getByTestId('open-corrections')).toContainText('لا توجد طلبات تصحيح مفتوحة');
  });

  test('the administrator previews the retention rules without changing anything', async () => {
    await signIn(page, ADMIN, '/data-retention');
    await expect(page.getByTestId('retention-rule-closed_cases')).toBeVisible();
    await page.getByTestId('retention-preview').click();
    await expect(page.getByTestId('retention-preview-result')).toContainText('٠');
    await expect(page.getByTestId('retention-run')).toBeDisabled();
    await screenshot(page, 'retention');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
