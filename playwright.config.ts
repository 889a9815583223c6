import { defineConfig, devices } from '@playwright/test';

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
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:3199',
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
    command: 'rm -rf .test-tmp/e2e && node bin/openirm.js start',
    env: { PORT: '3199', DATA_DIR: '.test-tmp/e2e', LOG_LEVEL: 'warn' },
    url: 'http://127.0.0.1:3199/api/health',
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
