/**
 * Which database engine the integration suite runs on, and where the shared template
 * lives. The suite is written once and run twice: TEST_DB_ENGINE=pglite, then postgres.
 */
import path from 'node:path';

export type TestEngine = 'pglite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/** Admin connection to the PostgreSQL server used for test databases. */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const TMP_DIR = path.resolve('.test-tmp');
export const PGLITE_TEMPLATE_FILE = path.join(TMP_DIR, 'template-pglite.tar');
export const PG_TEMPLATE_DB = 'openirm_test_template';

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
