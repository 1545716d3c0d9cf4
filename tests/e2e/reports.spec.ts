import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { hijriMonthOf } from '../../src-shared/domain/report-period';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { fillFirstRunSetup } from './support/first-run';
import { api } from './support/api';
import { screenshotsFor } from './support/screenshots';
import { chooseOption } from './support/antd-select';

/**
 * A manager's month: the dashboard opens on the current Hijri month, shows the day's activity,
 * an earlier month says «لا يوجد نشاط» per section, the tables leave as an Excel workbook and the
 * monthly report opens for printing.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const HIJRI_MONTHS = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];

const screenshot = screenshotsFor('reports-');

test.describe.serial('the managers’ dashboard and monthly report', () => {
  let page: Page;
  const month = hijriMonthOf(new Date());
  const earlier = month.month === 1 ? 12 : month.month - 1;

  test.beforeAll(async ({ browser }) => {
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const name of readdirSync('test-results/screenshots')) if (name.startsWith('reports-')) rmSync(`test-results/screenshots/${name}`);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  test.afterAll(async () => page.close());

  test('sets up the store and records a day of activity through the API', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('user-menu')).toBeVisible();
    const r = page.request;
    const desk = (await api(r, 'queue.saveDesk', { number: 1, name: 'شباك ١', services: ['new_request', 'inquiry'] })) as { id: string };
    const first = (await api(r, 'queue.issue', { service: 'new_request' })) as { id: string };
    await api(r, 'queue.issue', { service: 'inquiry' });
    await api(r, 'queue.callNext', { deskId: desk.id });
    await api(r, 'queue.startServing', { deskId: desk.id, ticketId: first.id });
    await api(r, 'queue.finish', { deskId: desk.id, ticketId: first.id });
    const person = { firstName: 'هند', fatherName: 'علي', grandfatherName: 'محمد', familyName: 'الشهري', idType: 'national_id', nationalId: withCheckDigit('112233445'), nationality: 'SA', gender: 'female', birthDate: '1990-01-01', phonePrimary: '0551231234' };
    const { id: beneficiaryId } = (await api(r, 'beneficiaries.register', { beneficiary: person, household: [], confirmedDistinctFrom: [] })) as { id: string };
    const contact = { beneficiaryId, direction: 'inbound', contactKind: 'inquiry', subject: 'موعد الصرف', details: null, outcome: 'answered', nextStep: null, followUpOn: null };
    await api(r, 'contacts.record', { contact: { ...contact, channel: 'phone' } });
    await api(r, 'contacts.record', { contact: { ...contact, channel: 'website' } });
    await api(r, 'surveys.submit', { service: 'reception_visit', channel: 'kiosk', csat: 5, nps: 10 });
  });

  test('opens the dashboard on the current Hijri month with the day’s figures and charts', async () => {
    await page.goto('/#/reports');
    await page.reload();
    await page.locator('.app-sidebar').getByTestId('nav-reports').click();
    await expect(page.getByTestId('reports-screen')).toBeVisible();
    await chooseOption(page, 'period-month', HIJRI_MONTHS[month.month - 1]!);
    await expect(page.getByTestId('reports-heading')).toContainText(HIJRI_MONTHS[month.month - 1]!);
    await expect(page.getByTestId('kpi-tickets')).toContainText('٢');
    await expect(page.getByTestId('kpi-served')).toContainText('١');
    await expect(page.getByTestId('kpi-newBeneficiaries')).toContainText('١');
    await expect(page.getByTestId('kpi-contacts')).toContainText('٢');
    await expect(page.getByTestId('chart-per-day').locator('svg')).toBeVisible();
    await expect(page.getByTestId('section-decisions-empty')).toHaveText('لا يوجد نشاط في هذه الفترة.');
    await screenshot(page, 'dashboard-month');
  });

  test('an earlier month shows explicit no-activity sections, never a blank chart', async () => {
    if (earlier === 12) await chooseOption(page, 'period-year', String(month.year - 1));
    await chooseOption(page, 'period-month', HIJRI_MONTHS[earlier - 1]!);
    await expect(page.getByTestId('section-per-day-empty')).toBeVisible();
    await expect(page.getByTestId('section-contacts-empty')).toBeVisible();
    await expect(page.getByTestId('kpi-tickets')).toContainText('٠');
    await screenshot(page, 'dashboard-empty-month');
    if (earlier === 12) await chooseOption(page, 'period-year', String(month.year));
    await chooseOption(page, 'period-month', HIJRI_MONTHS[month.month - 1]!);
    await expect(page.getByTestId('kpi-tickets')).toContainText('٢');
  });

  test('exports the tables to an Excel workbook with the same figures', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^report-all-.*\.xlsx$/);
    const path = `test-results/reports-e2e.xlsx`;
    await file.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const values = new Map<string, unknown>();
    book.worksheets[0]!.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('التذاكر')).toBe(2);
    expect(values.get('التواصل مع المستفيدين')).toBe(2);
  });

  test('prints the monthly report: the PDF opens for the browser’s print dialog', async () => {
    const popup = page.waitForEvent('popup');
    await page.getByTestId('print-report').click();
    const tab = await popup;
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    await screenshot(page, 'report-printed');
  });
});
