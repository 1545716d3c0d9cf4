import type { Page } from '@playwright/test';

/**
 * The first-run setup screen filled as an administrator would on a new install: the association,
 * its head-office branch and the first administrator. The caller submits (some specs photograph the
 * filled form first).
 */
export async function fillFirstRunSetup(page: Page, admin: { username: string; password: string }): Promise<void> {
  await page.getByTestId('setup-association').fill('جمعية مأمن لرعاية السجناء والمفرج عنهم وأسرهم');
  await page.getByTestId('setup-branch-code').fill('HQ');
  await page.getByTestId('setup-branch-name').fill('المقر الرئيسي');
  await page.getByTestId('setup-branch-city').fill('جازان');
  await page.getByTestId('setup-admin-username').fill(admin.username);
  await page.getByTestId('setup-admin-name').fill('مدير النظام');
  await page.getByTestId('setup-admin-password').fill(admin.password);
  await page.getByTestId('setup-admin-password2').fill(admin.password);
}
