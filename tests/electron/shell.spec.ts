import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs only where the Electron binary exists (scripts/test-electron.mjs decides): the real window,
 * hardened, with the preload exposing exactly one function.
 */
test('opens the hardened desktop window on the first-run setup screen', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mamen-electron-'));
  const app = await electron.launch({ args: ['.'], env: { ...process.env, MAMEN_DATA_DIR: dataDir } });
  const window = await app.firstWindow();
  await expect(window.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(window.getByTestId('setup-association')).toBeVisible();
  expect(await window.evaluate(() => Object.keys((window as unknown as { mamen: object }).mamen))).toEqual(['call']);
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  // Sandboxed, isolated, no Node: the page sees neither process nor require.
  expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  await window.screenshot({ path: 'test-results/screenshots/electron-setup.png' });
  await app.close();
});
