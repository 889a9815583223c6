import { defineConfig, devices } from '@playwright/test';

/** E2E_PORT lets two runs (say a developer's and CI's) share a machine. */
const port = process.env.E2E_PORT ?? '3199';
const dataDir = `.test-tmp/e2e-${port}`;

/**
 * End-to-end journeys and accessibility scans in headless Chromium (Debian's package; no
 * browser download). The web bundle is built beforehand (`npx vite build`); the server runs
 * on its own port with a fresh embedded database for every run.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // axe scans of long pages (every State, a 107-provision checklist) take tens of seconds on 2 cores,
  // and CI machines have run journeys at half the speed of a developer's: a generous budget per test.
  timeout: 300_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    // No transitions: axe then sees dialogs fully open, never half faded in.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } } }],
  webServer: {
    command: `rm -rf ${dataDir} && node bin/openirm.js start`,
    env: { PORT: port, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
