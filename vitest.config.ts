import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests (domain, policies), web component tests (jsdom) and
 * integration tests against a real database. TEST_DB_ENGINE picks the engine for the
 * integration project (pglite by default, postgres for the real server).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/web/**'],
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.{ts,tsx}'],
          setupFiles: ['src/web/testing/setup.ts'],
          // A whole page renders in jsdom per test: seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          // PGlite takes ~0.5 GB per instance; two workers fit comfortably on 2 cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
