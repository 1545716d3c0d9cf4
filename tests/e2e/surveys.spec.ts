import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { fillFirstRunSetup } from './support/first-run';
import { SCREENSHOTS_DIR, screenshotsFor } from './support/screenshots';
import { chooseOption } from './support/antd-select';

/**
 * Satisfaction as trends and the printed QR survey: a desk enrolled with its head office prints a
 * survey slip (PDF with a QR code and the address under it), the beneficiary answers on head office's
 * page from a phone, and the low score comes back to the branch as a supervisor's follow-up.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const HO_PORT = 48_300 + Math.floor(Math.random() * 100);
const HO_URL = `http://127.0.0.1:${HO_PORT}`;
const HO_TOKEN = 'e2e-survey-head-office-token';
const HO_STORE = `test-results/surveys-e2e-headoffice-${HO_PORT}`;

const screenshot = screenshotsFor('surveys-');

test.use({ viewport: { width: 1600, height: 1000 } });

async function startHeadOffice(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/headoffice/server.ts'], {
    env: { ...process.env, DATABASE_URL: '', HEADOFFICE_STORE: `${HO_STORE}/headoffice.sqlite`, HEADOFFICE_HOST: '127.0.0.1', HEADOFFICE_PORT: String(HO_PORT), HEADOFFICE_ADMIN_TOKEN: HO_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await expect.poll(async () => fetch(`${HO_URL}/health`).then((r) => r.ok).catch(() => false), { timeout: 30_000 }).toBe(true);
  return child;
}

/** The app's API from the signed-in page (its cookie and origin). */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const body = await page.evaluate(async ([m, i]) => {
    const response = await fetch(`/api/${m}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: { en: string } } };
  }, [method, input] as const);
  if (!body.ok) throw new Error(`${method}: ${body.error?.message.en}`);
  return body.value as T;
}

async function openNav(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).filter({ visible: true }).first().click();
}

test.describe.serial('printed QR survey and satisfaction trends', () => {
  let page: Page;
  let headOffice: ChildProcess | null = null;
  let slipUrl = '';

  test.beforeAll(async ({ browser }) => {
    rmSync(HO_STORE, { recursive: true, force: true });
    page = await browser.newPage();
    headOffice = await startHeadOffice();
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

  test('draws the month’s satisfaction per service as lines', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('nav-surveys').filter({ visible: true }).first()).toBeVisible();
    for (const [service, csat, nps] of [['delivery', 5, 10], ['delivery', 4, 8], ['reception_visit', 3, 6], ['reception_visit', 5, 9], ['phone_call', 2, 4]] as const) {
      await call(page, 'surveys.submit', { service, channel: 'kiosk', csat, nps, comment: null });
    }
    await openNav(page, 'surveys');
    const trends = page.getByTestId('survey-trends');
    await expect(trends.getByTestId('trend-csat').locator('svg')).toBeVisible();
    await expect(trends.getByTestId('trend-csat')).toContainText('تسليم خدمة');
    await expect(trends.getByTestId('trend-nps')).toContainText('زيارة الاستقبال');
    await trends.scrollIntoViewIfNeeded();
    await screenshot(page, 'trends-by-service');
  });

  test('refuses to print a QR slip before the desk is enrolled with head office', async () => {
    const card = page.getByTestId('qr-slip');
    await card.getByTestId('qr-slip-print').click();
    await expect(card).toContainText('خادم المقر الرئيسي');
  });

  test('prints a slip whose QR address is printed under the code', async () => {
    const branches = await call<{ branches: Array<{ id: string }> }>(page, 'branches.list', {});
    const issued = await fetch(`${HO_URL}/admin/devices`, {
      method: 'POST', headers: { authorization: `Bearer ${HO_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ branchId: branches.branches[0]?.id, name: 'شباك ١' }),
    }).then((r) => r.json() as Promise<{ code: string }>);
    await call(page, 'sync.enrol', { serverUrl: HO_URL, code: issued.code });

    const card = page.getByTestId('qr-slip');
    const popup = page.context().waitForEvent('page');
    await card.getByTestId('qr-slip-print').click();
    await (await popup).close();
    await expect(card.getByTestId('qr-slip-print-url')).toContainText(`${HO_URL}/s/`);
    slipUrl = (await card.getByTestId('qr-slip-print-url').textContent()) ?? '';
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'slip-printed');

    // The same slip as the printer gets it: PDF → PNG to look at, and its text.
    const slip = await call<{ url: string; file: { pdfBase64: string } }>(page, 'surveys.invite', { service: 'delivery' });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const pdfPath = `${SCREENSHOTS_DIR}/surveys-slip.pdf`;
    writeFileSync(pdfPath, Buffer.from(slip.file.pdfBase64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdfPath, `${SCREENSHOTS_DIR}/surveys-slip`]);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    expect(text.replace(/\s+/g, '')).toContain(slip.url);
    expect(text).toContain('رأيك');
  });

  test('answers on head office’s page from a phone, once', async ({ browser }) => {
    await call(page, 'sync.now', {});
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(slipUrl);
      await expect(phone.locator('h1')).toHaveText('رأيك يهمّنا');
      await screenshot(phone, 'phone-page');
      await phone.locator('label[for="csat1"]').tap();
      await phone.locator('label[for="nps3"]').tap();
      await phone.locator('#comment').fill('انتظرت طويلاً ولم يشرح لي أحد الإجراءات');
      await screenshot(phone, 'phone-answered');
      await phone.getByRole('button', { name: 'إرسال' }).tap();
      await expect(phone.locator('body')).toContainText('سيتواصل معك أحد المشرفين');
      await screenshot(phone, 'phone-thanks');
      await phone.goto(slipUrl);
      await expect(phone.locator('h1')).toHaveText('وصلنا رأيك');
    } finally {
      await phone.close();
    }
  });

  test('brings the low QR score back to the branch as a supervisor’s follow-up', async () => {
    await call(page, 'sync.now', {});
    await page.reload();
    const followUps = page.getByTestId('follow-ups');
    await expect(followUps).toContainText('انتظرت طويلاً');
    await chooseOption(page, 'trends-view', 'حسب القناة');
    await expect(page.getByTestId('trend-csat')).toContainText('رمز QR مطبوع');
    await screenshot(page, 'follow-up-and-trends-by-channel');
  });
});
