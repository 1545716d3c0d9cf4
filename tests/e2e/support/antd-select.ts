import { expect, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select by its label, as a user would: open the list, click the option.
 * The option is the one titled `label`, or else the one whose text shows it (with a count beside it).
 * If the page moves under the open list (a card appearing above it), the list closes without a
 * choice; then it is opened again, a few times at most.
 */
export async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(open).toHaveCount(0); // the previous list has finished closing
  await expect(async () => {
    if ((await open.count()) === 0) await page.getByTestId(testId).click();
    await open.waitFor({ timeout: 3_000 });
    // An option whose whole label is `label`, or else the one showing it beside more (a count, a code).
    const byTitle = open.locator(`.ant-select-item-option[title="${label}"]`);
    const option = (await byTitle.count()) > 0 ? byTitle : open.locator('.ant-select-item-option').filter({ hasText: label }).first();
    await option.click({ timeout: 3_000 });
    await expect(page.getByTestId(testId)).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
