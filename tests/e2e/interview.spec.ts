import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { fillFirstRunSetup } from './support/first-run';
import { api } from './support/api';
import { screenshotsFor } from './support/screenshots';
import { chooseOption } from './support/antd-select';

/**
 * A visit through the seven steps of the policy, as the desk lives it: receive and answer, verify the
 * data and the documents, refer to the social researcher (who answers from their own screen), read the
 * summary and sign on screen, submit to the committee with its 14-day clock, print the receipt.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const DESK = { username: 'desk1', displayName: 'نورة الموظفة', first: 'first-pass-0001', password: 'desk-pass-2025' };
const RESEARCHER = { username: 'researcher1', displayName: 'الباحث سالم', first: 'first-pass-0002', password: 'research-pass-2025' };
const VISITOR = { first: 'مريم', father: 'حسن', grandfather: 'علي', family: 'المدخلي', id: withCheckDigit('110987654'), phone: '0561112233' };
const VISITOR_FULL = 'مريم حسن علي المدخلي';
const REFERRAL_REASON = 'الأسرة لا تعرف إجراءات دعم الإيجار وشروطه';

const screenshot = screenshotsFor('interview-');

/** Signs a user in on a context and replaces the administrator's first password, as their first login does. */
async function signInFirstTime(request: APIRequestContext, user: { username: string; first: string; password: string }): Promise<void> {
  await api(request, 'auth.login', { username: user.username, password: user.first });
  await api(request, 'auth.changePassword', { currentPassword: user.first, newPassword: user.password });
}

/** antd's InputNumber puts the test id on the <input> itself or on its wrapper, depending on version. */
function numberInput(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function attach(page: Page, code: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(`doc-attach-${code}`).click()]);
  await chooser.setFiles(file);
}

async function drawSignature(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-canvas').boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  const strokes = [
    [[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]],
    [[0.55, 0.5], [0.7, 0.45], [0.85, 0.55], [0.9, 0.4]],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0]! * box.width, box.y + first![1]! * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x! * box.width, box.y + y! * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

test.describe.serial('the seven-step interview at the desk', () => {
  let page: Page;
  let researcherContext: BrowserContext;
  let researcher: Page;

  test.beforeAll(async ({ browser }) => {
    // Only this spec's pictures: other areas keep theirs in the same folder.
    mkdirSync('test-results/screenshots', { recursive: true });
    for (const name of readdirSync('test-results/screenshots')) {
      if (name.startsWith('interview-')) rmSync(`test-results/screenshots/${name}`);
    }
    page = await browser.newPage();
    researcherContext = await browser.newContext();
    researcher = await researcherContext.newPage();
  });

  test.afterAll(async () => {
    await page.close();
    await researcherContext.close();
  });

  test('sets the store up and signs the receptionist in', async () => {
    await page.goto(`/?token=${E2E_TOKEN}`);
    await fillFirstRunSetup(page, ADMIN);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('registry-search')).toBeVisible();

    const { branches } = (await api(page.request, 'branches.list', {})) as { branches: { id: string }[] };
    for (const [user, role] of [[DESK, 'reception'], [RESEARCHER, 'researcher']] as const) {
      await api(page.request, 'users.create', { username: user.username, displayName: user.displayName, role, branchId: branches[0]!.id, branchScope: 'own', password: user.first });
    }
    await api(page.request, 'auth.logout', {});
    await signInFirstTime(page.request, DESK);
    // A fresh load picks up the new session (a hash change alone keeps the cached user).
    await page.goto('/#/registry');
    await page.reload();
    await expect(page.getByTestId('user-menu')).toContainText(DESK.displayName);
    await expect(page.getByTestId('nav-interviews')).toBeVisible();
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
  });

  test('registers the visitor through the registry', async () => {
    await page.getByTestId('new-beneficiary').click();
    await page.getByTestId('field-firstName').fill(VISITOR.first);
    await page.getByTestId('field-fatherName').fill(VISITOR.father);
    await page.getByTestId('field-grandfatherName').fill(VISITOR.grandfather);
    await page.getByTestId('field-familyName').fill(VISITOR.family);
    await page.getByTestId('field-nationalId').fill(VISITOR.id);
    await page.getByTestId('field-gender').getByText('أنثى').click();
    await page.getByTestId('field-phonePrimary').fill(VISITOR.phone);
    await page.getByTestId('beneficiary-save').click();
    await expect(page.getByTestId('profile-name')).toHaveText(VISITOR_FULL);
  });

  test('step 1: receives the visitor, autosaves the notes and restores them after a reload', async () => {
    await page.getByTestId('nav-interviews').click();
    await screenshot(page, 'open-interviews-empty');
    await page.getByTestId('interview-start').click();
    await expect(page.getByTestId('step-panel-reception')).toBeVisible();
    await page.getByTestId('inquiry-questions').fill('هل تشمل الجمعية دعم الإيجار؟ وما المستندات المطلوبة؟');
    await page.getByTestId('inquiry-answers').fill('نعم، يُدعم الإيجار بعد دراسة اللجنة، مع عقد الإيجار الموثق وإثبات الدخل.');
    await expect(page.getByTestId('autosave-note')).toBeVisible({ timeout: 8_000 });
    await screenshot(page, 'step1-reception-autosaved');

    // A crash or a reload loses nothing: the draft comes back.
    await page.reload();
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.getByTestId('inquiry-questions')).toHaveValue('هل تشمل الجمعية دعم الإيجار؟ وما المستندات المطلوبة؟');
    // The staff tools (knowledge base) open beside the interview without leaving it.
    await page.getByTestId('interview-staff-tools').click();
    await expect(page.locator('.ant-drawer-open')).toBeVisible();
    await screenshot(page, 'step1-staff-tools');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
    await page.getByTestId('reception-complete').click();
    await expect(page.getByTestId('step-done-reception')).toContainText(DESK.displayName);
  });

  test('step 2: picks the beneficiary, records the case data and verifies the documents', async () => {
    await page.getByTestId('interview-beneficiary-search').fill('مريم');
    await page.getByTestId('interview-beneficiary-results').getByRole('button').first().click();
    await expect(page.getByTestId('chosen-beneficiary')).toContainText(VISITOR_FULL);
    await expect(page.getByTestId('identity-valid')).toBeVisible();

    await chooseOption(page, 'case-requestType', 'سداد إيجار السكن');
    await page.getByTestId('case-prisonerName').fill('حسن علي المدخلي');
    await chooseOption(page, 'case-prisonerRelation', 'زوج');
    await page.getByTestId('case-prisonName').fill('سجن جازان العام');
    await chooseOption(page, 'case-caseStatus', 'محكوم');
    await page.getByTestId('case-expectedReleaseDate').fill('1448/03/15');
    await numberInput(page, 'case-monthlyIncome').fill('1200');
    await numberInput(page, 'case-householdSize').fill('5');
    await chooseOption(page, 'case-housingType', 'مستأجر');
    await numberInput(page, 'case-monthlyRent').fill('1500');
    await page.getByTestId('case-incomeSources').getByText('الضمان الاجتماعي').click();
    await page.getByTestId('case-summary').fill('متأخرات إيجار ثلاثة أشهر ومهددة بالإخلاء');
    await page.getByTestId('case-save').click();
    await expect(page.getByTestId('document-checklist')).toContainText('عقد الإيجار الموثق');

    // A file of an unsupported type is refused with an Arabic message.
    await attach(page, 'identity_copy', { name: 'id.gif', mimeType: 'image/gif', buffer: GIF });
    await expect(page.getByTestId('document-error')).toContainText('نوع الملف غير مدعوم');
    await screenshot(page, 'step2-unsupported-file');
    await attach(page, 'identity_copy', { name: 'id.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByTestId('doc-attached-identity_copy')).toBeVisible();

    for (const code of ['identity_copy', 'family_register', 'prison_certificate', 'income_proof']) {
      await page.getByTestId(`doc-verified-${code}`).click();
      await expect(page.getByTestId(`doc-verified-${code}`)).toBeChecked();
    }
    // The lease is still missing: verification refuses, naming it.
    await page.getByTestId('identity-checked').click();
    await page.getByTestId('verification-complete').click();
    await expect(page.getByTestId('verification-error')).toContainText('عقد الإيجار الموثق');
    await screenshot(page, 'step2-missing-document');

    await page.getByTestId('doc-verified-lease_contract').click();
    await expect(page.getByTestId('doc-verified-lease_contract')).toBeChecked();
    await screenshot(page, 'step2-data-verified');
    await page.getByTestId('verification-complete').click();
    await expect(page.getByTestId('step-panel-referral')).toBeVisible();
  });

  test('step 3: refers to the social researcher, who answers from the referrals screen', async () => {
    await page.getByTestId('referral-reason').fill(REFERRAL_REASON);
    await page.getByTestId('referral-create').click();
    await expect(page.getByTestId('referral-waiting')).toBeVisible();
    await expect(page.getByTestId('interview-status')).toHaveText('بانتظار الباحث');
    await screenshot(page, 'step3-referred');

    await researcher.goto(`/?token=${E2E_TOKEN}`);
    await signInFirstTime(researcher.request, RESEARCHER);
    await researcher.goto('/#/referrals');
    await researcher.reload();
    await expect(researcher.getByTestId('referrals-table')).toContainText(REFERRAL_REASON);
    await expect(researcher.getByTestId('referrals-table')).toContainText(VISITOR_FULL);
    await screenshot(researcher, 'researcher-queue');
    await researcher.getByTestId('referrals-table').getByRole('button').first().click();
    await researcher.getByTestId('researcher-notes').fill('اتصلت بالأسرة وشرحت آلية دراسة الطلب.');
    await researcher.getByTestId('researcher-answer').fill('يُقدَّم الطلب مع عقد الإيجار الموثق، وترد اللجنة خلال أسبوعين.');
    await screenshot(researcher, 'researcher-answer');
    await researcher.getByTestId('referral-answer-save').click();
    await expect(researcher.getByTestId('referrals-table')).not.toContainText(REFERRAL_REASON);

    await page.getByTestId('referral-refresh').click();
    await expect(page.getByTestId('referral-answer')).toContainText('ترد اللجنة خلال أسبوعين');
    await screenshot(page, 'step3-answered');
    await page.getByTestId('referral-continue').click();
    await expect(page.getByTestId('step-panel-attestation')).toBeVisible();
  });

  test('step 4: refuses an empty signature, then takes one drawn with the mouse', async () => {
    await expect(page.getByTestId('attestation-summary')).toContainText(VISITOR_FULL);
    await expect(page.getByTestId('attestation-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await page.getByTestId('signature-accept').click();
    await expect(page.getByTestId('sign-error')).toContainText('التوقيع فارغ');
    await screenshot(page, 'step4-empty-signature');

    await drawSignature(page);
    await screenshot(page, 'step4-signed');
    await page.getByTestId('signature-accept').click();
    await expect(page.getByTestId('step-panel-submission')).toBeVisible();
  });

  test('step 5: submits to the committee with a due date in both calendars, and prints the receipt', async () => {
    await expect(page.getByTestId('clock-settings')).toContainText('١٤ يوماً');
    await screenshot(page, 'step5-submission');
    await page.getByTestId('submission-submit').click();
    await expect(page.getByTestId('step-panel-registration')).toBeVisible();
    await expect(page.getByTestId('request-state')).toHaveText('مقدَّم للجنة');
    await expect(page.getByTestId('request-due')).toContainText('هـ');
    await expect(page.getByTestId('request-due')).toContainText('م');

    // The receipt is the signed-forms engine's PDF (with its verification code), opened for printing.
    const popup = page.waitForEvent('popup');
    await page.getByTestId('print-receipt-pdf').click();
    const tab = await popup;
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    await screenshot(page, 'receipt-printed');
  });

  test('step 6: completes registration; step 7 waits for the committee', async () => {
    await page.getByTestId('registration-complete').click();
    await expect(page.getByTestId('step-service')).toBeVisible();
    await expect(page.getByTestId('interview-status')).toHaveText('مكتملة');
    for (const step of ['reception', 'data_verification', 'referral', 'attestation', 'submission', 'registration']) {
      await expect(page.getByTestId(`step-done-${step}`)).toContainText(DESK.displayName);
    }
    await screenshot(page, 'step7-service-pending');
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('step-title-service')).toContainText('Service provided');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await screenshot(page, 'step7-english');
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    await page.getByTestId('nav-requests').click();
    await expect(page.getByTestId('requests-table')).toContainText(VISITOR_FULL);
    await expect(page.getByTestId('requests-table')).toContainText('مقدَّم للجنة');
    await screenshot(page, 'requests');
    await page.getByTestId('nav-interviews').click();
    await expect(page.getByTestId('interviews-table')).not.toContainText(VISITOR_FULL);
  });
});
