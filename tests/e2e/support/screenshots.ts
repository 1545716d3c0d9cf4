import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

export const SCREENSHOTS_DIR = 'test-results/screenshots';

/**
 * Lets dialogs finish opening or closing so the picture shows the screen as the user sees it. Endless
 * animations (spinners) are not waited for, and nothing is waited for more than three seconds.
 */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

/** Numbered full-page screenshots of one spec: `<prefix>NN-<name>.png`. */
export function screenshotsFor(prefix: string): (page: Page, name: string) => Promise<void> {
  let shot = 0;
  return async (page, name) => {
    await settle(page);
    shot += 1;
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS_DIR}/${prefix}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
  };
}
