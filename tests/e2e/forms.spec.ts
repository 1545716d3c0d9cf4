import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * A receptionist issues the personal-data consent of a new beneficiary, prints it, saves a copy, and
 * later checks at the verify screen that the paper is genuine and that an altered file is caught.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const PERSON = { first: 'فاطمة', father: 'علي', grandfather: 'حسن', family: 'الزهراني', id: withCheckDigit('109876541'), phone: '0559876543' };
const FULL_NAME = 'فاطمة علي حسن الزهراني';
const OUT = 'test-results/forms-tampered';

const screenshot = screenshotsFor('forms-');

/** The sections sit in the side menu, as a receptionist finds them. */
async function openNav(page: Page, key: string): Promise<void> {
  await page.locator('.app-sidebar').getByTestId(`nav-${key}`).click();
}

test.describe.serial('signed forms at the reception desk', () => {
  let page: Page;
  let code = '';
  let savedPath = '';

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ acceptDownloads: true });
    mkdirSync(OUT, { recursive: true });
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('sets the system up and registers a beneficiary', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();

    await page.getByTestId('new-beneficiary').click();
    await page.getByTestId('field-firstName').fill(PERSON.first);
    await page.getByTestId('field-fatherName').fill(PERSON.father);
    await page.getByTestId('field-grandfatherName').fill(PERSON.grandfather);
    await page.getByTestId('field-familyName').fill(PERSON.family);
    await page.getByTestId('field-nationalId').fill(PERSON.id);
    await page.getByTestId('field-gender').getByText('أنثى').click();
    await page.getByTestId('field-phonePrimary').fill(PERSON.phone);
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('profile-name')).toHaveText(FULL_NAME);
  });

  test('issues the consent form and prints it', async () => {
    await openNav(page, 'forms');
    await page.getByTestId('forms-search').locator('input').fill('الزهراني');
    await page.getByTestId('forms-search-results').getByText(FULL_NAME).click();
    await expect(page.getByTestId('forms-title')).toContainText(FULL_NAME);
    await page.getByTestId('generate-consent').click();
    await expect(page.getByTestId('form-code')).toHaveCount(1);
    code = (await page.getByTestId('form-code').first().textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await screenshot(page, 'consent-issued');

    // The browser build opens the stored PDF in a new tab, where the viewer prints it.
    const popup = page.waitForEvent('popup');
    await page.getByTestId(`form-print-${code}`).click();
    const tab = await popup;
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    await expect(page.getByTestId(`form-print-${code}`)).toContainText('إعادة طباعة');

    const download = page.waitForEvent('download');
    await page.getByTestId(`form-save-${code}`).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`data_consent-${code}.pdf`);
    savedPath = `${OUT}/e2e-consent.pdf`;
    await file.saveAs(savedPath);
    expect(readFileSync(savedPath).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'consent-printed');
  });

  test('the verify screen says genuine for the code and altered for a changed copy', async () => {
    await openNav(page, 'verify');
    await page.getByTestId('verify-code').fill(code.toLowerCase());
    await page.getByTestId('verify-submit').click();
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'genuine');
    await expect(page.getByTestId('verify-result')).toContainText(FULL_NAME);
    await screenshot(page, 'verify-genuine');

    const altered = Buffer.from(readFileSync(savedPath));
    const at = altered.indexOf('stream') + 300;
    altered[at] = (altered[at] ?? 0) ^ 0x04;
    writeFileSync(`${OUT}/e2e-consent-altered.pdf`, altered);
    await page.locator('input[type=file]').setInputFiles(`${OUT}/e2e-consent-altered.pdf`);
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'altered');
    await screenshot(page, 'verify-altered');

    await page.locator('input[type=file]').setInputFiles(savedPath);
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'genuine');
  });

  test('a scanned QR code opens the verify route directly', async () => {
    await page.goto(`/#/verify/${code}`);
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'genuine');
    await page.goto('/#/verify/ZZZZ-ZZZZ');
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'unknown');
    await screenshot(page, 'verify-unknown');
  });
});
