import { readdirSync, rmSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * A morning at reception, as it happens: the system is set up, a desk is opened, visitors take
 * tickets (one of them elderly), the waiting-room display shows each call within a second, the desk
 * serves and finishes, the 80 mm ticket prints, and an empty queue says so.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const SHOTS = 'test-results/screenshots';

const screenshot = screenshotsFor('queue-');

/** How many times the page asked the browser to print (the dialog itself cannot be driven headless). */
function printCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __prints: number }).__prints);
}

test.describe.serial('reception queue', () => {
  let context: BrowserContext;
  let desk: Page;
  let board: Page;

  test.beforeAll(async ({ browser }) => {
    // Only this spec's pictures: the registry spec's stay where they are.
    try {
      for (const file of readdirSync(SHOTS)) if (file.startsWith('queue-')) rmSync(`${SHOTS}/${file}`);
    } catch {
      // No folder yet.
    }
    // One browser profile for the desk and the display, as two windows of one machine would be.
    context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __prints: number };
      w.__prints = 0;
      window.print = () => {
        w.__prints += 1;
      };
    });
    desk = await context.newPage();
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('sets up a fresh store and opens desk 1', async () => {
    await desk.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(desk, ADMIN);
    await desk.getByTestId('setup-submit').click();
    await expect(desk.getByTestId('nav-queueDesk')).toBeVisible();

    await desk.getByTestId('nav-queueDesk').click();
    await expect(desk.getByTestId('desk-picker')).toContainText('لا توجد شبابيك في فرعك بعد');
    await desk.getByTestId('add-desk').click();
    await desk.getByTestId('desk-name').fill('الاستقبال الرئيسي');
    await screenshot(desk, 'add-desk');
    await desk.getByRole('button', { name: 'حفظ الشباك' }).click();
    await expect(desk.getByTestId('desk-title')).toContainText('شباك ١');
    await expect(desk.getByTestId('current-ticket')).toHaveCount(0);
    await screenshot(desk, 'desk-empty');
  });

  test('says nobody is waiting when the desk calls an empty queue', async () => {
    await desk.keyboard.press('F8');
    await expect(desk.getByTestId('desk-error')).toContainText('لا يوجد مراجعون في الانتظار');
    await screenshot(desk, 'empty-queue');
  });

  test('issues tickets from big service buttons and prints each one', async () => {
    await desk.getByTestId('nav-queueIssue').click();
    await expect(desk.getByTestId('issue-new_request')).toBeVisible();
    await screenshot(desk, 'issue-screen');

    await desk.getByTestId('issue-new_request').click();
    await expect(desk.getByTestId('ticket-slip-number')).toHaveText('A-001');
    await expect(desk.getByTestId('ticket-slip')).toContainText('طلب جديد');
    await expect(desk.getByTestId('ticket-slip')).toContainText('المقر الرئيسي');
    await expect(desk.getByTestId('ticket-slip')).toContainText('هـ');
    await expect(desk.getByTestId('ticket-slip-ahead')).toContainText('أنت التالي');
    expect(await printCount(desk)).toBe(1);

    await desk.getByTestId('priority-elderly').click();
    await desk.getByTestId('issue-follow_up').click();
    await expect(desk.getByTestId('ticket-slip-number')).toHaveText('B-001');
    await expect(desk.getByTestId('ticket-slip')).toContainText('كبير سن');
    expect(await printCount(desk)).toBe(2);

    await desk.getByTestId('issue-new_request').click();
    await expect(desk.getByTestId('ticket-slip-number')).toHaveText('A-002');
    await expect(desk.getByTestId('ticket-slip-ahead')).toContainText('١');
    await expect(desk.getByTestId('today-tickets')).toContainText('B-001');
    await screenshot(desk, 'issued');
  });

  test('renders the 80 mm print view of a ticket', async () => {
    await desk.getByTestId('today-tickets').locator('tr', { hasText: 'A-001' }).getByRole('button', { name: 'طباعة', exact: true }).click();
    await expect(desk.getByTestId('ticket-slip-number')).toHaveText('A-001');
    const pageRule = await desk.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((rule) => rule instanceof CSSPageRule)?.cssText ?? null,
    );
    expect(pageRule).toContain('margin: 0');
    const width = await desk.getByTestId('ticket-slip').evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(Math.round((72 / 25.4) * 96));
    await screenshot(desk, 'print-view');
    const before = await printCount(desk);
    await desk.getByTestId('ticket-print').click();
    expect(await printCount(desk)).toBe(before + 1);
  });

  test('shows a call on the board within a second of the desk calling, elderly first', async () => {
    board = await context.newPage();
    await board.goto('/#/board');
    await expect(board.getByTestId('queue-board')).toBeVisible();
    await expect(board.getByTestId('queue-board')).toContainText('المقر الرئيسي');
    await expect(board.getByTestId('board-waiting')).toContainText('٣');
    await screenshot(board, 'board-idle');

    await desk.goto('/#/queue/desk');
    await expect(desk.getByTestId('desk-callable')).toHaveText('٣');
    // Let the board settle into its long poll before the call.
    await board.waitForTimeout(500);
    const calledAt = Date.now();
    await desk.keyboard.press('F8');
    await expect(desk.getByTestId('current-number')).toHaveText('B-001');
    await expect(board.getByTestId('board-current-number')).toHaveText('B-001', { timeout: 1_500 });
    expect(Date.now() - calledAt).toBeLessThan(1_500);
    await expect(board.getByTestId('board-current-desk')).toContainText('الشباك ١');
    await screenshot(board, 'board-called');
    await screenshot(desk, 'desk-called');
  });

  test('serves the visitor and finishes, then the next call moves the last one down the board', async () => {
    await desk.getByTestId('desk-start').click();
    await expect(desk.getByTestId('current-state')).toHaveText('قيد الخدمة');
    await expect(desk.getByTestId('desk-interview')).toBeVisible();
    await screenshot(desk, 'desk-serving');
    await desk.getByTestId('desk-finish').click();
    await expect(desk.getByTestId('current-ticket')).toHaveCount(0);
    await expect(desk.getByTestId('desk-today')).toContainText('تمت خدمتهم');

    await desk.getByTestId('desk-call-next').click();
    await expect(desk.getByTestId('current-number')).toHaveText('A-001');
    await expect(board.getByTestId('board-current-number')).toHaveText('A-001', { timeout: 1_500 });
    await expect(board.getByTestId('board-previous')).toContainText('B-001');
    await screenshot(board, 'board-two-calls');
  });

  test('recalls, then transfers the visitor to the social researcher', async () => {
    await desk.keyboard.press('F9');
    await expect(desk.getByTestId('current-ticket')).toContainText('مرات إعادة النداء');
    await desk.getByTestId('desk-transfer').click();
    await expect(desk.getByTestId('transfer-service')).toContainText('الباحث الاجتماعي');
    await screenshot(desk, 'transfer');
    await desk.getByRole('button', { name: 'تحويل', exact: true }).last().click();
    await expect(desk.getByTestId('current-ticket')).toHaveCount(0);
    await desk.getByTestId('nav-queueIssue').click();
    await expect(desk.getByTestId('today-tickets').locator('tr', { hasText: 'الباحث الاجتماعي' })).toContainText('A-001');
    await screenshot(desk, 'after-transfer');
  });
});
