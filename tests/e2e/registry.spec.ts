import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * A receptionist's first day, in the order it happens: set the system up, register people, find them
 * again however their names are typed, meet a duplicate, and be refused a second record for one ID.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const AHMAD = { first: 'أحمد', father: 'عبدالله', grandfather: 'محمد', family: 'الحربي', id: withCheckDigit('108765432'), phone: '0551234567' };
const FATIMA = { first: 'فاطمة', father: 'علي', grandfather: 'حسن', family: 'الزهراني', id: withCheckDigit('109876543'), phone: '0559876543' };
const AHMAD_FULL = 'أحمد عبدالله محمد الحربي';

const screenshot = screenshotsFor('');

/** An ID as every list and a masked profile show it (src-shared/domain/masking.ts). */
const masked = (id: string) => `${id[0]}•••••••${id.slice(-2)}`;
type Person = { first: string; father: string; grandfather: string; family: string; id: string; phone: string };

async function fillBeneficiary(page: Page, person: Person, extra: { gender?: 'female'; birthDate?: string } = {}): Promise<void> {
  await page.getByTestId('field-firstName').fill(person.first);
  await page.getByTestId('field-fatherName').fill(person.father);
  await page.getByTestId('field-grandfatherName').fill(person.grandfather);
  await page.getByTestId('field-familyName').fill(person.family);
  if (person.id.startsWith('2')) await page.getByTestId('field-idType').getByText('إقامة').click();
  await page.getByTestId('field-nationalId').fill(person.id);
  if (extra.gender === 'female') await page.getByTestId('field-gender').getByText('أنثى').click();
  if (extra.birthDate) await page.getByTestId('field-birthDate').fill(extra.birthDate);
  await page.getByTestId('field-phonePrimary').fill(person.phone);
}

async function openNewBeneficiary(page: Page): Promise<void> {
  await page.getByTestId('nav-registry').click();
  await page.getByTestId('new-beneficiary').click();
  await expect(page.getByTestId('field-firstName')).toBeVisible();
}

async function searchFinds(page: Page, query: string, expected: string): Promise<void> {
  const search = page.getByTestId('registry-search');
  await search.fill(query);
  await expect(page.getByTestId('registry-results')).toContainText(expected);
}

test.describe.serial('registry at the reception desk', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // Only this spec's own pictures (numbered, no area prefix): the other areas keep theirs.
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const name of readdirSync('test-results/screenshots')) if (/^\d\d-/.test(name)) rmSync(`test-results/screenshots/${name}`);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('a fresh install opens on the setup screen in Arabic, right to left', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await expect(page.getByTestId('setup-association')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await screenshot(page, 'setup');

    await fillFirstRunSetup(page, ADMIN);
    await screenshot(page, 'setup-filled');
    await page.getByTestId('setup-submit').click();

    await expect(page.getByTestId('registry-search')).toBeVisible();
    await expect(page.getByTestId('registry-search')).toBeFocused();
    await expect(page.getByTestId('status-bar')).toContainText('المزامنة');
    await expect(page.getByTestId('status-bar')).toContainText('غير مهيأة');
    await expect(page.getByTestId('nav-users')).toBeVisible();
    await expect(page.getByTestId('nav-import')).toBeVisible();
    await screenshot(page, 'registry-empty');
  });

  test('registers a beneficiary and shows the profile', async () => {
    await page.getByTestId('new-beneficiary').click();
    await fillBeneficiary(page, AHMAD, { birthDate: '1400/05/12' });
    await expect(page.getByTestId('birth-date-other')).toContainText('بالميلادي');
    await screenshot(page, 'register-form');
    await page.getByTestId('beneficiary-save').click();

    await expect(page.getByTestId('profile-name')).toHaveText(AHMAD_FULL);
    // The admin's profile shows identifiers masked; one audited click shows the ID.
    await expect(page.getByTestId('profile-nationalId')).toHaveText(masked(AHMAD.id));
    await page.getByTestId('profile-nationalId-reveal').click();
    await expect(page.getByTestId('profile-nationalId')).toHaveText(AHMAD.id);
    await screenshot(page, 'profile');
  });

  test('finds the beneficiary however the name is typed', async () => {
    await page.getByTestId('nav-registry').click();
    await searchFinds(page, 'احمد', AHMAD_FULL);
    await screenshot(page, 'search-results');
    await searchFinds(page, 'عبد الله', AHMAD_FULL);
    await searchFinds(page, 'الحربي', AHMAD_FULL);
    await searchFinds(page, 'حربي', AHMAD_FULL);
    await searchFinds(page, AHMAD.id, AHMAD_FULL);
    await searchFinds(page, '0551234567', AHMAD_FULL);

    // Keyboard: Enter opens the selected result, Esc clears the box.
    await page.getByTestId('registry-search').fill('احمد');
    await expect(page.getByTestId('registry-results')).toContainText(AHMAD_FULL);
    await page.getByTestId('registry-search').press('Enter');
    await expect(page.getByTestId('profile-name')).toHaveText(AHMAD_FULL);
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-search').press('Escape');
    await expect(page.getByTestId('registry-search')).toHaveValue('');
  });

  test('registers Fatima and finds her when typed with ه instead of ة', async () => {
    await openNewBeneficiary(page);
    await fillBeneficiary(page, FATIMA, { gender: 'female', birthDate: '1985-07-20' });
    await expect(page.getByTestId('birth-date-other')).toContainText('بالهجري');
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('profile-name')).toHaveText('فاطمة علي حسن الزهراني');

    await page.getByTestId('nav-registry').click();
    await searchFinds(page, 'فاطمه', 'فاطمة علي حسن الزهراني');
  });

  test('warns of a duplicate and opens the existing record for the same person', async () => {
    await openNewBeneficiary(page);
    await fillBeneficiary(page, { ...AHMAD, id: withCheckDigit('112233445') });
    await page.getByTestId('beneficiary-save').click();

    const modal = page.getByTestId('duplicate-modal');
    await expect(modal).toBeVisible();
    await expect(modal.getByTestId('duplicate-candidate').first()).toContainText(AHMAD_FULL);
    await expect(modal).toContainText('رقم الجوال نفسه');
    await expect(modal).toContainText('الاسم الرباعي متطابق');
    await screenshot(page, 'duplicate-modal');

    await modal.locator('[data-testid^="duplicate-open-"]').first().click();
    await expect(page.getByTestId('profile-name')).toHaveText(AHMAD_FULL);
    await expect(page.getByTestId('profile-nationalId')).toHaveText(masked(AHMAD.id));
  });

  test('refuses a second record with the same national ID, in Arabic', async () => {
    await openNewBeneficiary(page);
    await fillBeneficiary(page, { first: 'خالد', father: 'سعيد', grandfather: 'ناصر', family: 'القحطاني', id: AHMAD.id, phone: '0501112233' });
    await page.getByTestId('beneficiary-save').click();

    // The check shows the holder of that ID first; insisting is refused by the server.
    const modal = page.getByTestId('duplicate-modal');
    await expect(modal).toBeVisible();
    await expect(modal).toContainText('رقم الهوية نفسه');
    await page.getByTestId('duplicate-save-anyway').click();

    await expect(page.getByTestId('error-nationalId')).toContainText('رقم الهوية مسجّل مسبقاً لمستفيد آخر');
    await screenshot(page, 'duplicate-id-refused');
  });

  test('switches to English, left to right, and back', async () => {
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('nav-registry')).toHaveText('Registry');
    await page.getByTestId('nav-registry').click();
    await searchFinds(page, 'احمد', AHMAD_FULL);
    await screenshot(page, 'registry-english');

    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('nav-registry')).toHaveText('السجل');
  });

  test('shows the users and import screens to the administrator', async () => {
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('users-table')).toContainText(ADMIN.username);
    await screenshot(page, 'users');
    await page.getByTestId('nav-import').click();
    await expect(page.getByTestId('import-file')).toBeVisible();
    await screenshot(page, 'import');
  });

  test('imports a CSV file after a preview that lists the rejected rows', async () => {
    const valid = withCheckDigit('105050505');
    const csv = ['الاسم الرباعي,رقم الهوية,الجوال,الجنس', `سعد ناصر علي الشهري,${valid},0561231234,ذكر`, 'منى خالد سعيد الغامدي,1234567890,0567778888,أنثى'].join('\n');
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'beneficiaries.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const report = page.getByTestId('import-report');
    await expect(report).toBeVisible();
    await expect(report).toContainText('الصفوف المرفوضة');
    await screenshot(page, 'import-preview');

    await page.getByTestId('import-skip').click();
    await page.getByTestId('import-run').click();
    await expect(page.getByText('انتهى الاستيراد')).toBeVisible();
    await screenshot(page, 'import-done');

    await page.getByTestId('nav-registry').click();
    await searchFinds(page, 'الشهري', 'سعد ناصر علي الشهري');
  });

  test('signs out to the login screen', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await expect(page.getByTestId('login-username')).toBeVisible();
    await screenshot(page, 'login');
  });

  test('a wrong password gets a clear Arabic message', async () => {
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة');
    await screenshot(page, 'login-wrong-password');
  });

  test('an ID with a wrong check digit is refused on the field and nothing is saved', async () => {
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();

    const valid = withCheckDigit('107070707');
    const wrong = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
    await openNewBeneficiary(page);
    await fillBeneficiary(page, { first: 'سالم', father: 'مبارك', grandfather: 'هادي', family: 'العتيبي', id: wrong, phone: '0533334444' });
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('error-nationalId')).toContainText('خانة التحقق لا تطابق');
    await expect(page.getByTestId('duplicate-modal')).toHaveCount(0);
    await screenshot(page, 'invalid-id');

    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-search').fill('العتيبي');
    await expect(page.getByTestId('registry-results')).toContainText('لا توجد نتائج مطابقة');
  });
});
