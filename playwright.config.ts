import { readdirSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real app, served by the loopback host on a fresh store, in Debian's
 * Chromium. Every spec file starts on its own fresh store (its own host and port), so each one can
 * begin, like a new install, at the first-run setup screen.
 * `E2E_PORT=<port>` runs the given specs against one host on that port (working on one area
 * beside others); `MAMEN_DIST_DIR` says where `npm run build` put the app.
 */
export const E2E_TOKEN = 'e2e-launch-token-0123456789abcdef';
const DIST = process.env.MAMEN_DIST_DIR ?? 'dist';
const FIRST_PORT = 47700;

type WebServer = { command: string; url: string; reuseExistingServer: boolean; timeout: number; env: Record<string, string> };

function host(port: number): WebServer {
  const store = `test-results/e2e-store-${port}`;
  return {
    command: `rm -rf ${store} && node ${DIST}/main/browser-host.cjs --data-dir ${store} --port ${port} --no-open`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every API call is logged (debug) so that the log check at the end sees all of them.
    env: { MAMEN_LAUNCH_TOKEN: E2E_TOKEN, MAMEN_LOG_LEVEL: 'debug' },
  };
}

const singlePort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
const specs = readdirSync('tests/e2e').filter((name) => name.endsWith('.spec.ts')).sort();
const perSpec = specs.map((spec, index) => ({ spec, port: FIRST_PORT + index }));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e-artifacts',
  // No log of any e2e host may hold the personal data the specs used (tests/e2e/support/log-check.ts).
  globalTeardown: './tests/e2e/support/log-check.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
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
  projects: singlePort
    ? [{ name: 'e2e', use: { baseURL: `http://127.0.0.1:${singlePort}` } }]
    : perSpec.map(({ spec, port }) => ({ name: spec.replace(/\.spec\.ts$/, ''), testMatch: spec, use: { baseURL: `http://127.0.0.1:${port}` } })),
  webServer: singlePort ? host(singlePort) : perSpec.map(({ port }) => host(port)),
});
