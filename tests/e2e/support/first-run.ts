import type { Page } from '@playwright/test';

/**
 * The first-run setup screen filled as an administrator would on a new install: the association,
 * its first branch and the first administrator. The caller submits (some specs photograph the
 * filled form first).
 */
export type FirstBranch = { code: string; name: string; city: string; adminName: string };

/** Head office, as most specs set it up; a branch office's desk passes its own. */
export const HEAD_OFFICE: FirstBranch = { code: 'HQ', name: 'المقر الرئيسي', city: 'جازان', adminName: 'مدير النظام' };

export async function fillFirstRunSetup(
  page: Page,
  admin: { username: string; password: string },
  branch: FirstBranch = HEAD_OFFICE,
): Promise<void> {
  await page.getByTestId('setup-association').fill('جمعية مأمن لرعاية السجناء والمفرج عنهم وأسرهم');
  await page.getByTestId('setup-branch-code').fill(branch.code);
  await page.getByTestId('setup-branch-name').fill(branch.name);
  await page.getByTestId('setup-branch-city').fill(branch.city);
  await page.getByTestId('setup-admin-username').fill(admin.username);
  await page.getByTestId('setup-admin-name').fill(branch.adminName);
  await page.getByTestId('setup-admin-password').fill(admin.password);
  await page.getByTestId('setup-admin-password2').fill(admin.password);
}
