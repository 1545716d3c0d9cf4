import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { api } from './support/api';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor } from './support/screenshots';

/**
 * From a request submitted to the committee to its delivery, as the staff live it: the researcher
 * writes the social research report from the board, the committee holds a session and decides, the
 * letter is issued and the beneficiary informed, the desk hands the aid over against a signature,
 * the beneficiary rates it on the kiosk (a low score opens a supervisor's follow-up), the manager reads
 * the clock's notifications and the follow-up, and the case timeline shows every step.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const DESK = { username: 'desk1', displayName: 'نورة الموظفة', first: 'first-pass-0001', password: 'desk-pass-2025', role: 'reception' };
const RESEARCHER = { username: 'researcher1', displayName: 'الباحث سالم', first: 'first-pass-0002', password: 'research-pass-2025', role: 'researcher' };
const COMMITTEE = { username: 'committee1', displayName: 'رئيس اللجنة فهد', first: 'first-pass-0003', password: 'committee-pass-2025', role: 'committee' };
const MANAGER = { username: 'manager1', displayName: 'المدير خالد', first: 'first-pass-0004', password: 'manager-pass-2025', role: 'manager' };
type User = typeof DESK;
const APPLICANT = 'فاطمة يحيى علي الحكمي';
/** The prisoner is expected out in three weeks: inside the 30-day outreach rule from today on. */
const RELEASE_DAY = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);

const screenshot = screenshotsFor('committee-');

/** Signs a user in on the page's context and shows the app as them. */
async function signIn(page: Page, user: User, path: string): Promise<void> {
  await api(page.request, 'auth.logout', {}).catch(() => undefined);
  await api(page.request, 'auth.login', { username: user.username, password: user.password });
  // Reload first so the app knows the new user, then go: a route the previous user lacked would redirect.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toContainText(user.displayName);
  await page.goto(`/#${path}`);
}

/** A drawn signature as signature_pad would export it, made by the browser's own canvas. */
function inkedPng(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 90;
    const g = canvas.getContext('2d')!;
    g.lineWidth = 4;
    g.beginPath();
    g.moveTo(10, 70);
    g.bezierCurveTo(60, 0, 120, 90, 230, 20);
    g.stroke();
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
}

async function drawSignature(page: Page): Promise<void> {
  // The mouse only reaches what is inside the viewport: bring the pad into view first.
  await page.getByTestId('signature-canvas').evaluate((canvas) => canvas.scrollIntoView({ block: 'center' }));
  const box = await page.getByTestId('signature-canvas').boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  await page.mouse.move(box.x + 0.1 * box.width, box.y + 0.6 * box.height);
  await page.mouse.down();
  // Few intermediate points: in this headless Chromium each dispatched move on the pad costs about a second.
  for (const [x, y] of [[0.25, 0.3], [0.4, 0.7], [0.6, 0.35], [0.85, 0.6]] as const) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 2 });
  await page.mouse.up();
}

function numberInput(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

test.describe.serial('the research committee, from submission to delivery', () => {
  let page: Page;
  let requestId = '';
  let beneficiaryId = '';

  test.beforeAll(async ({ browser }) => {
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const name of readdirSync('test-results/screenshots')) if (name.startsWith('committee-')) rmSync(`test-results/screenshots/${name}`);
    page = await browser.newPage();
  });
  test.afterAll(async () => page.close());

  test('sets the store up and brings a request to the committee through the API', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();

    const { branches } = await api<{ branches: { id: string }[] }>(page.request, 'branches.list', {});
    for (const user of [DESK, RESEARCHER, COMMITTEE, MANAGER]) {
      await api(page.request, 'users.create', { username: user.username, displayName: user.displayName, role: user.role, branchId: branches[0]!.id, branchScope: 'own', password: user.first });
    }
    for (const user of [RESEARCHER, COMMITTEE, MANAGER, DESK]) {
      await api(page.request, 'auth.logout', {}).catch(() => undefined);
      await api(page.request, 'auth.login', { username: user.username, password: user.first });
      await api(page.request, 'auth.changePassword', { currentPassword: user.first, newPassword: user.password });
    }

    // The desk, signed in last, takes the applicant through the interview by API.
    const r = page.request;
    ({ id: beneficiaryId } = await api<{ id: string }>(r, 'beneficiaries.register', {
      beneficiary: { firstName: 'فاطمة', fatherName: 'يحيى', grandfatherName: 'علي', familyName: 'الحكمي', idType: 'national_id', nationalId: withCheckDigit('110555444'), nationality: 'SA', gender: 'female', birthDate: '1988-02-10', phonePrimary: '0567778899' },
      household: [],
      confirmedDistinctFrom: [],
    }));
    const interview = await api<{ id: string }>(r, 'interviews.start', { beneficiaryId });
    await api(r, 'interviews.recordInquiry', { id: interview.id, questions: 'دعم الإيجار', answers: 'يُدرس الطلب في اللجنة' });
    const view = await api<{ request: { id: string; documents: { code: string }[] } }>(r, 'interviews.saveCaseData', {
      id: interview.id,
      caseData: { requestTypeCode: 'rent', summary: 'متأخرات إيجار أربعة أشهر', prisonerName: 'يحيى علي الحكمي', prisonerRelation: 'husband', prisonName: 'سجن جازان العام', caseStatus: 'sentenced', expectedReleaseDate: RELEASE_DAY, monthlyIncome: 900, incomeSources: ['social_security'], housingType: 'rented', monthlyRent: 1400, householdSize: 6 },
    });
    requestId = view.request.id;
    const request = await api<{ documents: { code: string }[] }>(r, 'requests.get', { id: requestId });
    for (const doc of request.documents) await api(r, 'requests.markDocument', { requestId, documentTypeCode: doc.code, seen: true, verified: true });
    await api(r, 'interviews.completeVerification', { id: interview.id, identityChecked: true });
    await api(r, 'interviews.completeReferralStep', { id: interview.id, outcome: 'not_needed' });
    const attestation = await api<{ dataHash: string }>(r, 'interviews.attestation', { id: interview.id });
    await api(r, 'interviews.sign', { id: interview.id, signerName: APPLICANT, signaturePngBase64: await inkedPng(page), dataHash: attestation.dataHash });
    await api(r, 'interviews.submit', { id: interview.id });
  });

  test('the researcher sees the request on the board with 14 days left and writes the social research report', async () => {
    await signIn(page, RESEARCHER, '/committee');
    const row = page.getByTestId(`board-row-${requestId}`);
    await expect(row).toContainText(APPLICANT);
    await expect(row.getByTestId('clock-tag')).toHaveAttribute('data-level', 'on_time');
    await expect(row.getByTestId('clock-tag')).toContainText('١٤');
    await screenshot(page, 'board');
    await row.click();
    await expect(page.getByTestId('case-header')).toContainText(APPLICANT);
    await page.getByTestId('report-write').click();
    // An empty narrative is refused by the server in Arabic, naming the field.
    await numberInput(page, 'report-householdSize').fill('6');
    await numberInput(page, 'report-monthlyIncome').fill('900');
    await numberInput(page, 'report-monthlyExpenses').fill('2300');
    await page.getByTestId('report-needs').fill('سداد متأخرات الإيجار ومنع الإخلاء');
    await page.getByTestId('report-save').click();
    await expect(page.getByTestId('report-card')).toContainText('تقرير الباحث');
    await expect(page.getByTestId('error-alert')).toBeVisible();
    await screenshot(page, 'report-refused');
    await page.getByTestId('report-narrative').fill('زار الباحث الأسرة في منزلها المستأجر؛ الأم تعول ستة أبناء منذ سجن الزوج، والمالك أنذرها بالإخلاء.');
    await numberInput(page, 'report-recommendedAmount').fill('5600');
    await page.getByTestId('report-save').click();
    await expect(page.getByTestId('report-view')).toContainText('سداد متأخرات الإيجار');
    await expect(page.getByTestId('case-state')).toContainText('قيد الدراسة');
    await screenshot(page, 'report-written');
  });

  test('the committee holds a session and accepts the request; a second decision is a correction', async () => {
    await signIn(page, COMMITTEE, '/committee');
    await page.getByTestId('new-session').click();
    await page.getByTestId('session-members').locator('input').fill('رئيس اللجنة فهد');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-members').locator('input').fill('عضو اللجنة منى');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-agenda').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'session');
    await page.getByTestId('session-save').click();
    await expect(page.locator('.ant-modal')).toHaveCount(0);

    await page.getByTestId(`board-row-${requestId}`).click();
    await page.getByTestId('decision-record').click();
    await page.getByTestId('decision-session').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await numberInput(page, 'decision-amount').fill('1400');
    await page.getByTestId('decision-schedule').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="شهري"]').click();
    await numberInput(page, 'decision-installments').fill('4');
    await page.getByTestId('decision-items').fill('سداد أربعة أشهر من الإيجار');
    await page.getByTestId('decision-save').click();
    await expect(page.getByTestId('decision-current')).toContainText('قبول');
    await expect(page.getByTestId('case-state')).toContainText('مقبول');
    await screenshot(page, 'decision-accepted');
  });

  test('the letter is issued from the decision and the beneficiary is informed by phone', async () => {
    await page.getByTestId('letter-generate').click();
    await expect(page.getByTestId('letter-issued')).toContainText(/[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await page.getByTestId('inform').click();
    await expect(page.getByTestId('informed')).toBeVisible();
    await screenshot(page, 'letter-informed');
  });

  test('the desk delivers, refused above the approved amount, then signed on screen', async () => {
    await signIn(page, DESK, `/committee/${requestId}`);
    await expect(page.getByTestId('entitlement')).toContainText('٥٬٦٠٠');
    await numberInput(page, 'delivery-amount').fill('6000');
    await page.getByTestId('delivery-item').fill('دفعة إيجار شهر');
    await page.getByTestId('delivery-place').fill('مقر الجمعية بجازان');
    await drawSignature(page);
    await page.getByTestId('delivery-save').click();
    await expect(page.getByTestId('delivery-card').getByTestId('error-alert')).toContainText('يتجاوز المتبقي');
    await screenshot(page, 'delivery-refused');
    await numberInput(page, 'delivery-amount').fill('1400');
    await page.getByTestId('delivery-save').click();
    await expect(page.getByTestId('deliveries')).toContainText('مقر الجمعية بجازان');
    await expect(page.getByTestId('case-state')).toContainText('تم تقديم الخدمة');
    await screenshot(page, 'delivered');
  });

  test('the beneficiary rates the delivery on the kiosk screen; a low score opens a follow-up', async () => {
    await page.getByTestId('delivery-survey').click();
    await expect(page.getByTestId('survey-kiosk')).toBeVisible();
    await expect(page.getByTestId('survey-send')).toBeDisabled();
    await page.getByTestId('csat-1').click();
    await page.getByTestId('nps-2').click();
    await page.getByTestId('survey-comment').fill('تأخر التسليم ساعتين');
    await screenshot(page, 'kiosk-survey');
    await page.getByTestId('survey-send').click();
    await expect(page.getByTestId('survey-thanks')).toContainText('سيتواصل معك أحد المشرفين');
    await screenshot(page, 'kiosk-thanks');
    await page.getByTestId('survey-back').click();
    await expect(page.getByTestId('delivery-card')).toBeVisible();
  });

  test('the desk works the outreach list by phone: the release is three weeks away', async () => {
    await page.getByTestId('nav-outreach').click();
    const tasks = page.getByTestId('outreach-tasks');
    await expect(tasks).toContainText(APPLICANT);
    await expect(tasks).toContainText('اقتراب الإفراج المتوقع');
    await screenshot(page, 'outreach-list');
    await page.getByTestId('outreach-complete-release_approaching').click();
    await page.getByTestId('outreach-details').fill('رحّبت الأسرة بزيارة برنامج الرعاية اللاحقة');
    await screenshot(page, 'outreach-call');
    await page.getByRole('dialog').getByRole('button', { name: 'حفظ', exact: true }).click();
    await expect(tasks).not.toContainText('اقتراب الإفراج المتوقع');
  });

  test('the manager sees the notifications screen and the case timeline shows the whole path', async () => {
    await signIn(page, MANAGER, '/registry');
    await page.getByTestId('nav-notifications').click();
    await expect(page.getByTestId('unread-count')).toBeVisible();
    await screenshot(page, 'notifications');
    await page.getByTestId('nav-surveys').click();
    await expect(page.getByTestId('follow-ups')).toContainText('تأخر التسليم ساعتين');
    await expect(page.getByTestId('follow-ups')).toContainText(APPLICANT);
    await screenshot(page, 'survey-follow-up');
    await page.goto(`/#/beneficiaries/${beneficiaryId}`);
    await page.getByRole('tab', { name: 'السجل الزمني' }).click();
    for (const text of ['تقرير البحث الاجتماعي', 'قرار لجنة البحث', 'تسليم خدمة', 'اقتراب موعد الإفراج المتوقع', 'إبلاغ بقرار اللجنة: قبول الطلب']) await expect(page.getByText(text).first()).toBeVisible();
    await screenshot(page, 'timeline');
  });

  test('a complaint is received, acknowledged, answered and closed with the beneficiary informed', async () => {
    await page.getByTestId('nav-complaints').click();
    await page.getByTestId('complaint-new').click();
    await page.getByTestId('contact-beneficiary').click();
    await page.keyboard.type('فاطمة');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.getByTestId('complaint-subject').fill('طول الانتظار في الاستقبال');
    await page.getByTestId('complaint-details').fill('انتظرت أكثر من ساعة قبل النداء');
    await page.getByRole('dialog').getByRole('button', { name: 'حفظ', exact: true }).click();
    const table = page.getByTestId('complaints');
    await expect(table).toContainText('طول الانتظار في الاستقبال');
    await expect(table).toContainText(APPLICANT);
    await page.locator('[data-testid^="complaint-ack-"]').click();
    await expect(table).toContainText('أُشعر بالاستلام');
    await page.locator('input[data-testid^="complaint-answer-"]').fill('أضفنا موظفاً ثانياً للاستقبال في أوقات الذروة');
    await page.locator('[data-testid^="complaint-answer-save-"]').click();
    await expect(table).toContainText('تم الرد');
    await screenshot(page, 'complaint-answered');
    await page.locator('[data-testid^="complaint-close-"]').click();
    await expect(table).not.toContainText('طول الانتظار في الاستقبال');
    await page.getByText('المغلقة').click();
    await expect(table).toContainText('مغلقة');
    await screenshot(page, 'complaint-closed');
  });
  test('the desk records the preferred channel; the committee’s contact defaults to it, and the seasonal programmes are listed', async () => {
    await signIn(page, DESK, `/beneficiaries/${beneficiaryId}/edit`);
    // Near the foot of the form, with the status bar over it: chosen by typing, as a keyboard user would.
    await page.getByTestId('field-preferredChannel').locator('input').fill('الخطابات');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('field-preferredChannel')).toContainText('الخطابات');
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('profile-preferredChannel')).toHaveText('الخطابات');
    await screenshot(page, 'profile-preferred-channel');
    await signIn(page, MANAGER, '/outreach');
    expect((await api<{ preferredChannel: string }>(page.request, 'committee.case', { requestId })).preferredChannel).toBe('letters');
    const seasons = page.getByTestId('outreach-seasons');
    for (const name of ['شهر رمضان', 'عيد الفطر', 'عيد الأضحى', 'بدء العام الدراسي']) await expect(seasons).toContainText(name);
    await expect(seasons).toContainText('قبل الموعد بـ ١٤ يوم');
    await seasons.scrollIntoViewIfNeeded();
    await screenshot(page, 'outreach-seasons');
  });
});
