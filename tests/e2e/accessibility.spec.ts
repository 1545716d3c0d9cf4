import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { api } from './support/api';
import { fillFirstRunSetup } from './support/first-run';
import { screenshotsFor, settle } from './support/screenshots';

/**
 * Every screen, checked with axe in Arabic (RTL) as the administrator sees it: the first-run setup,
 * the sign-in screen and every route of src-renderer/app/routes.tsx (read from the file, so a new
 * route is checked without anyone listing it). No serious or critical violation may remain.
 */

const ADMIN = { username: 'admin', password: 'Admin-pass-2025' };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Pictures of a few screens whose shared parts the fixes touched (menu, labels, secondary text). */
const PHOTOGRAPHED = new Set(['/registry/new', '/beneficiaries/:id', '/interviews/:id', '/audit']);
const screenshot = screenshotsFor('a11y-');

/** Route paths as routes.tsx declares them (`path="…"`), without the catch-all. */
function declaredRoutes(): string[] {
  const source = readFileSync('src-renderer/app/routes.tsx', 'utf8');
  return [...new Set([...source.matchAll(/path="([^"]+)"/g)].map((m) => m[1] ?? '').filter((p) => p !== '*'))];
}

/** A hash route changes no document, so wait for the screen's data: no spinner or skeleton left. */
async function untilLoaded(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

type Violation = { screen: string; rule: string; impact: string; help: string; targets: string[] };

async function seriousViolations(page: Page, screen: string): Promise<Violation[]> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) }));
}

test('every screen has no serious or critical accessibility violation (axe, Arabic RTL)', async ({ page }) => {
  test.setTimeout(240_000);
  const found: Violation[] = [];

  await page.goto(`/?token=${E2E_TOKEN}`);
  await expect(page.getByTestId('setup-association')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  found.push(...(await seriousViolations(page, 'first-run setup')));
  await fillFirstRunSetup(page, ADMIN);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('registry-search')).toBeVisible();

  // Records for the routes that show one.
  const r = page.request;
  const { branches } = await api<{ branches: { id: string }[] }>(r, 'branches.list', {});
  const { id: beneficiaryId } = await api<{ id: string }>(r, 'beneficiaries.register', {
    beneficiary: { firstName: 'ريم', fatherName: 'سعد', grandfatherName: 'ناصر', familyName: 'العمري', idType: 'national_id', nationalId: withCheckDigit('110777888'), nationality: 'SA', gender: 'female', birthDate: '1990-05-01', phonePrimary: '0551472583' },
    household: [],
    confirmedDistinctFrom: [],
  });
  const interview = await api<{ id: string }>(r, 'interviews.start', { beneficiaryId });
  await api(r, 'interviews.recordInquiry', { id: interview.id, questions: 'دعم الإيجار', answers: 'يُدرس الطلب في اللجنة' });
  const withCase = await api<{ request: { id: string } | null }>(r, 'interviews.saveCaseData', {
    id: interview.id,
    caseData: { requestTypeCode: 'rent', summary: 'متأخرات إيجار', prisonerName: 'سعد ناصر العمري', prisonerRelation: 'husband', prisonName: 'سجن جازان العام', caseStatus: 'sentenced', expectedReleaseDate: '2027-01-01', monthlyIncome: 900, incomeSources: ['social_security'], housingType: 'rented', monthlyRent: 1400, householdSize: 4 },
  });
  const ticket = await api<{ id: string }>(r, 'queue.issue', { service: 'inquiry', beneficiaryId });
  const requestId = withCase.request?.id ?? '';
  const params: Record<string, string> = { id: '', beneficiaryId, branchId: branches[0]?.id ?? '', requestId, code: 'MAMEN-0000-0000' };
  const idFor = (path: string) => (path.startsWith('/beneficiaries') ? beneficiaryId : path.startsWith('/interviews') ? interview.id : path.startsWith('/tickets') ? ticket.id : path.startsWith('/requests') ? requestId : '');

  const routes = declaredRoutes();
  expect(routes.length).toBeGreaterThan(20);
  for (const route of routes) {
    const path = route.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? idFor(route) : params[name]) ?? '');
    expect(path, `no record for ${route}`).not.toMatch(/\/\/|\/$|:/);
    await page.goto(`/#${path}`);
    await untilLoaded(page);
    found.push(...(await seriousViolations(page, route)));
    if (PHOTOGRAPHED.has(route)) await screenshot(page, route.replace(/[/:]+/g, '-').replace(/^-/, ''));
  }

  await api(r, 'auth.logout', {});
  await page.goto('/#/registry');
  await page.reload();
  await expect(page.getByTestId('login-username')).toBeVisible();
  found.push(...(await seriousViolations(page, 'sign-in')));
  await screenshot(page, 'sign-in');

  expect(found, JSON.stringify(found, null, 1)).toEqual([]);
});
