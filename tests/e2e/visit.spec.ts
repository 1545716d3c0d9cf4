import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { fillFirstRunSetup } from './support/first-run';
import { api } from './support/api';
import { screenshotsFor } from './support/screenshots';
import { chooseOption } from './support/antd-select';

/**
 * One whole visit, as a receptionist lives it: a ticket is issued and shows on the waiting-room
 * board, the desk calls it and starts the interview from the ticket, the visitor is registered in the
 * registry and comes back into the interview, the seven steps run with a referral the social
 * researcher answers from their own screen, the applicant signs by drawing, the request goes to the
 * committee, the PDF receipt and the signed support request print — and all of it is found on the
 * beneficiary's case timeline and forms tab.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const DESK = { username: 'desk1', displayName: 'نورة الموظفة', first: 'first-pass-0001', password: 'desk-pass-2025' };
const RESEARCHER = { username: 'researcher1', displayName: 'الباحث سالم', first: 'first-pass-0002', password: 'research-pass-2025' };
const VISITOR = { first: 'خديجة', father: 'يحيى', grandfather: 'محمد', family: 'العريشي', id: withCheckDigit('112233445'), phone: '0567771122' };
const VISITOR_FULL = 'خديجة يحيى محمد العريشي';
const REFERRAL_REASON = 'زوجها موقوف منذ شهرين ولا تعرف هل تستحق دعم الإيجار قبل صدور الحكم';
const SHOTS = 'test-results/screenshots';

const screenshot = screenshotsFor('visit-');

async function signInFirstTime(request: APIRequestContext, user: { username: string; first: string; password: string }): Promise<void> {
  await api(request, 'auth.login', { username: user.username, password: user.first });
  await api(request, 'auth.changePassword', { currentPassword: user.first, newPassword: user.password });
}

function numberInput(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function drawSignature(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-canvas').boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  const strokes = [
    [[0.1, 0.55], [0.18, 0.3], [0.26, 0.7], [0.34, 0.32], [0.45, 0.62]],
    [[0.5, 0.45], [0.62, 0.6], [0.75, 0.4], [0.88, 0.5]],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0]! * box.width, box.y + first![1]! * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x! * box.width, box.y + y! * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

/**
 * Clicks a "print this form" button and checks what the browser build does with it: the stored
 * PDF opens in a new tab (a blob: address) whose bytes are a PDF.
 */
async function printsPdf(page: Page, testId: string): Promise<void> {
  const popup = page.waitForEvent('popup');
  await page.getByTestId(testId).click();
  const tab = await popup;
  expect(tab.url()).toMatch(/^blob:/);
  const blob = await page.evaluate(async () => {
    const last = (window as unknown as { __lastBlob: Blob }).__lastBlob;
    return { type: last.type, head: new TextDecoder().decode((await last.arrayBuffer()).slice(0, 5)), size: last.size };
  });
  expect(blob.type).toBe('application/pdf');
  expect(blob.head).toBe('%PDF-');
  expect(blob.size).toBeGreaterThan(5_000);
  await tab.close();
}

test.describe.serial('a whole visit at reception', () => {
  let context: BrowserContext;
  let page: Page;
  let board: Page;
  let researcherContext: BrowserContext;
  let researcher: Page;
  let interviewId = '';

  test.beforeAll(async ({ browser }) => {
    mkdirSync(SHOTS, { recursive: true });
    for (const name of readdirSync(SHOTS)) if (name.startsWith('visit-')) rmSync(`${SHOTS}/${name}`);
    context = await browser.newContext();
    // The HTML slip prints through window.print, whose dialog cannot be driven headless: count it.
    await context.addInitScript(() => {
      const w = window as unknown as { __prints: number };
      w.__prints = 0;
      window.print = () => {
        w.__prints += 1;
      };
      // The app hands a form to the browser's viewer as a blob: keep the last one to read its bytes
      // (the content policy does not let a page fetch blob: addresses).
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (object: Blob | MediaSource) => {
        if (object instanceof Blob) (window as unknown as { __lastBlob: Blob }).__lastBlob = object;
        return create(object);
      };
    });
    page = await context.newPage();
    researcherContext = await browser.newContext();
    researcher = await researcherContext.newPage();
  });

  test.afterAll(async () => {
    await context.close();
    await researcherContext.close();
  });

  test('sets the store up, opens a desk and signs the receptionist in', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();

    const { branches } = (await api(page.request, 'branches.list', {})) as { branches: { id: string }[] };
    for (const [user, role] of [[DESK, 'reception'], [RESEARCHER, 'researcher']] as const) {
      await api(page.request, 'users.create', { username: user.username, displayName: user.displayName, role, branchId: branches[0]!.id, branchScope: 'own', password: user.first });
    }
    await api(page.request, 'queue.saveDesk', { number: 1, name: 'الاستقبال', services: ['new_request', 'follow_up', 'delivery', 'inquiry', 'complaint'] });
    await api(page.request, 'auth.logout', {});
    await signInFirstTime(page.request, DESK);
    await page.goto('/#/queue/issue');
    await page.reload();
    await expect(page.getByTestId('user-menu')).toContainText(DESK.displayName);
  });

  test('issues a ticket that prints as the HTML slip and as the 80 mm PDF', async () => {
    await page.getByTestId('issue-new_request').click();
    await expect(page.getByTestId('ticket-slip-number')).toHaveText('A-001');
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await printsPdf(page, 'issue-ticket-pdf');
    await screenshot(page, 'ticket-issued');
  });

  test('the board shows the call the moment the desk calls the ticket', async () => {
    board = await context.newPage();
    await board.goto('/#/board');
    await expect(board.getByTestId('board-waiting')).toContainText('١');
    await screenshot(board, 'board-waiting');

    await page.goto('/#/queue/desk');
    await page.getByTestId('choose-desk-1').click();
    await expect(page.getByTestId('desk-title')).toContainText('الاستقبال');
    await page.getByTestId('desk-call-next').click();
    await expect(page.getByTestId('current-number')).toHaveText('A-001');
    await expect(board.getByTestId('board-current-number')).toHaveText('A-001', { timeout: 1_500 });
    await screenshot(board, 'board-called');
    await page.getByTestId('desk-start').click();
    await expect(page.getByTestId('current-state')).toHaveText('قيد الخدمة');
    await screenshot(page, 'desk-serving');
    await board.close();
  });

  test('starts the interview from the desk and receives the visitor (step 1)', async () => {
    await page.getByTestId('desk-interview').click();
    await expect(page.getByTestId('step-panel-reception')).toBeVisible();
    interviewId = /#\/interviews\/([^?/]+)/.exec(page.url())?.[1] ?? '';
    expect(interviewId).not.toBe('new');
    expect(page.url()).toContain('ticket=');
    await page.getByTestId('inquiry-questions').fill('ما الدعم المتاح لأسرة موقوف؟ وما المستندات؟');
    await page.getByTestId('inquiry-answers').fill('دعم الإيجار والسلال الغذائية بعد دراسة اللجنة، مع الهوية وسجل الأسرة وإثبات التوقيف.');
    await screenshot(page, 'step1-reception');
    await page.getByTestId('reception-complete').click();
    await expect(page.getByTestId('step-panel-data_verification')).toBeVisible();
  });

  test('registers the visitor in the registry and comes back with her chosen (step 2)', async () => {
    await page.getByTestId('interview-register-new').click();
    await expect(page.getByTestId('register-returns')).toBeVisible();
    await page.getByTestId('field-firstName').fill(VISITOR.first);
    await page.getByTestId('field-fatherName').fill(VISITOR.father);
    await page.getByTestId('field-grandfatherName').fill(VISITOR.grandfather);
    await page.getByTestId('field-familyName').fill(VISITOR.family);
    await page.getByTestId('field-nationalId').fill(VISITOR.id);
    await page.getByTestId('field-gender').getByText('أنثى').click();
    await page.getByTestId('field-phonePrimary').fill(VISITOR.phone);
    await screenshot(page, 'register-from-interview');
    await page.getByTestId('beneficiary-save').click();

    await expect(page.getByTestId('chosen-beneficiary')).toContainText(VISITOR_FULL);
    await expect(page.getByTestId('identity-valid')).toBeVisible();
    await expect(page.getByTestId('interview-title')).toContainText(VISITOR_FULL);
    // The address is clean again once the beneficiary was chosen and the ticket linked to her.
    await expect.poll(() => page.url()).not.toContain('beneficiary=');
    await expect.poll(() => page.url()).not.toContain('ticket=');

    await chooseOption(page, 'case-requestType', 'سداد إيجار السكن');
    await page.getByTestId('case-prisonerName').fill('يحيى محمد العريشي');
    await chooseOption(page, 'case-prisonerRelation', 'زوج');
    await page.getByTestId('case-prisonName').fill('سجن جازان العام');
    await chooseOption(page, 'case-caseStatus', 'موقوف');
    await numberInput(page, 'case-monthlyIncome').fill('900');
    await numberInput(page, 'case-householdSize').fill('4');
    await chooseOption(page, 'case-housingType', 'مستأجر');
    await numberInput(page, 'case-monthlyRent').fill('1300');
    await page.getByTestId('case-incomeSources').getByText('الضمان الاجتماعي').click();
    await page.getByTestId('case-summary').fill('متأخرات إيجار شهرين');
    await page.getByTestId('case-save').click();
    await expect(page.getByTestId('document-checklist')).toContainText('عقد الإيجار الموثق');
    for (const code of ['identity_copy', 'family_register', 'prison_certificate', 'income_proof', 'lease_contract']) {
      await page.getByTestId(`doc-verified-${code}`).click();
      await expect(page.getByTestId(`doc-verified-${code}`)).toBeChecked();
    }
    await page.getByTestId('identity-checked').click();
    await screenshot(page, 'step2-verified');
    await page.getByTestId('verification-complete').click();
    await expect(page.getByTestId('step-panel-referral')).toBeVisible();
  });

  test('refers to the researcher, prints the slip, and the researcher answers (step 3)', async () => {
    await page.getByTestId('referral-reason').fill(REFERRAL_REASON);
    await page.getByTestId('referral-create').click();
    await expect(page.getByTestId('referral-waiting')).toBeVisible();
    await printsPdf(page, 'print-referral-slip');
    await screenshot(page, 'step3-referred');

    await researcher.goto(`/?token=${E2E_TOKEN}`);
    await signInFirstTime(researcher.request, RESEARCHER);
    await researcher.goto('/#/referrals');
    await researcher.reload();
    await expect(researcher.getByTestId('referrals-table')).toContainText(REFERRAL_REASON);
    await screenshot(researcher, 'researcher-queue');
    await researcher.getByTestId('referrals-table').locator('[data-testid^="referral-answer-"]').first().click();
    await researcher.getByTestId('researcher-notes').fill('تواصلت مع الأسرة؛ الموقوف يُعامل كالمحكوم في دعم الإيجار.');
    await researcher.getByTestId('researcher-answer').fill('تستحق دراسة الطلب؛ يُقدَّم مع عقد الإيجار وإثبات التوقيف.');
    await researcher.getByTestId('referral-answer-save').click();
    await expect(researcher.getByTestId('referrals-table')).not.toContainText(REFERRAL_REASON);

    await page.getByTestId('referral-refresh').click();
    await expect(page.getByTestId('referral-answer')).toContainText('تستحق دراسة الطلب');
    await screenshot(page, 'step3-answered');
    await page.getByTestId('referral-continue').click();
    await expect(page.getByTestId('step-panel-attestation')).toBeVisible();
  });

  test('captures the signature drawn on screen (step 4)', async () => {
    await expect(page.getByTestId('attestation-summary')).toContainText(VISITOR_FULL);
    await page.getByTestId('signature-accept').click();
    await expect(page.getByTestId('sign-error')).toContainText('التوقيع فارغ');
    await drawSignature(page);
    // Ink on the pad answers the «empty signature» message: it goes away.
    await expect(page.getByTestId('sign-error')).toHaveCount(0);
    await screenshot(page, 'step4-signed');
    await page.getByTestId('signature-accept').click();
    await expect(page.getByTestId('step-panel-submission')).toBeVisible();
  });

  test('prints the signed support request, submits, and prints the PDF receipt (steps 5–6)', async () => {
    await printsPdf(page, 'print-support-request');
    await screenshot(page, 'step5-submission');
    await page.getByTestId('submission-submit').click();
    await expect(page.getByTestId('step-panel-registration')).toBeVisible();
    await expect(page.getByTestId('request-state')).toHaveText('مقدَّم للجنة');
    await printsPdf(page, 'print-receipt-pdf');
    await screenshot(page, 'step6-receipt-printed');
    await page.getByTestId('registration-complete').click();
    await expect(page.getByTestId('step-service')).toBeVisible();
    await expect(page.getByTestId('interview-status')).toHaveText('مكتملة');
    await screenshot(page, 'step7-waiting-committee');
  });

  test('finishes the ticket at the desk', async () => {
    await page.goto('/#/queue/desk');
    await expect(page.getByTestId('current-beneficiary')).toHaveText(VISITOR_FULL);
    await page.getByTestId('desk-finish').click();
    await expect(page.getByTestId('current-ticket')).toHaveCount(0);
  });

  test('finds the whole visit on the beneficiary profile: forms and case timeline', async () => {
    const view = (await api(page.request, 'interviews.get', { id: interviewId })) as { beneficiaryId: string };
    const { items } = (await api(page.request, 'forms.list', { beneficiaryId: view.beneficiaryId })) as { items: { kind: string }[] };
    expect(new Set(items.map((f) => f.kind))).toEqual(new Set(['researcher_referral', 'support_request', 'submission_receipt']));

    await page.goto(`/#/beneficiaries/${view.beneficiaryId}`);
    await expect(page.getByTestId('profile-name')).toHaveText(VISITOR_FULL);
    await page.getByTestId('tab-forms').click();
    const forms = page.getByTestId('forms-table');
    for (const title of ['طلب دعم مستفيد', 'إيصال استلام طلب', 'إحالة إلى الباحث الاجتماعي']) await expect(forms).toContainText(title);
    await page.getByTestId('generate-consent').click();
    await expect(forms).toContainText('إقرار الموافقة على معالجة البيانات');
    await screenshot(page, 'profile-forms');

    await page.getByTestId('tab-timeline').click();
    const timeline = page.getByTestId('timeline');
    for (const kind of ['registered', 'ticket', 'interview_step', 'referral', 'referral_answered', 'signature', 'request_created', 'request_state', 'signed_form']) {
      await expect(timeline.getByTestId(`timeline-event-${kind}`).first()).toBeVisible();
    }
    await expect(timeline.getByTestId('timeline-event-ticket').first()).toContainText('A-001');
    await screenshot(page, 'profile-timeline');
  });
});
