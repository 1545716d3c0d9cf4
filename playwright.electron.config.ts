import { defineConfig } from '@playwright/test';

/** The desktop shell itself; used by scripts/test-electron.mjs only where the Electron binary exists. */
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron-artifacts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
