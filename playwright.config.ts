import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real app, served by the loopback host on a fresh store, in Debian's
 * Chromium. The store is wiped before each run so the first-run setup screen is always seen.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 47613);
/** Where `npm run build` put the app (MAMEN_DIST_DIR), so parallel runs don't share a build. */
const DIST = process.env.MAMEN_DIST_DIR ?? 'dist';
const STORE = `test-results/e2e-store-${E2E_PORT}`;
export const E2E_TOKEN = 'e2e-launch-token-0123456789abcdef';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'ar-SA',
    timezoneId: 'Asia/Riyadh',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${STORE} && node ${DIST}/main/browser-host.cjs --data-dir ${STORE} --port ${E2E_PORT} --no-open`,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { MAMEN_LAUNCH_TOKEN: E2E_TOKEN, MAMEN_LOG_LEVEL: 'warn' },
  },
});
