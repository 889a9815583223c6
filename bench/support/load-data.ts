/**
 * The data of the load bench, per engine: a throwaway database (a PostgreSQL database made on
 * TEST_PG_URL's server, or an embedded PGlite data folder in a temp dir) prepared the way
 * `openirm start` prepares one in demo mode — migrations, reference data, the demo accounts
 * and reviews (the same seed functions the start command calls; on start the server finds
 * them there and adds nothing) — plus many accounts of every role, created through the
 * users use case (argon2 hash, audit entry) before the server starts. The database is
 * closed before the server opens it: the embedded engine allows one process at a time.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { systemActor } from '../../src/domain/accounts/roles.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { seedReferenceData } from '../../src/db/seed.ts';
import { loadReviews } from '../../src/db/repositories/reviews.ts';
import { openConfiguredDatabase } from '../../src/server/runtime.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { seedDemoData } from '../../src/server/use-cases/seed-demo.ts';
import { createUser } from '../../src/server/use-cases/users.ts';
import type { LoadEngine } from './load-options.ts';
import { makeTempDir, removeTempDir } from './processes.ts';

export const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Reviews whose parties get bench accounts (focal points of the State under review, experts of both reviewers). */
const REVIEWS_WITH_ACCOUNTS = 12;
const FOCAL_POINTS_PER_STATE = 2;
const SECRETARIAT_ACCOUNTS = 6;
const DELEGATE_ACCOUNTS = 6;

export type BenchRole = 'secretariat' | 'focal-point' | 'expert' | 'delegate';

export interface BenchAccount {
  email: string;
  password: string;
  role: BenchRole;
  stateIso3: string | null;
}

export interface BenchReview {
  id: string;
  cycle: number;
  stateUnderReview: string;
  reviewers: readonly [string, string];
}

export interface PreparedEngine {
  engine: LoadEngine;
  label: string;
  /** Variables that point `openirm start` at this database. */
  serverEnv: Record<string, string>;
  accounts: BenchAccount[];
  /** The reviews whose parties have accounts. */
  reviews: BenchReview[];
  /** Rows per table, for the report. */
  counts: Record<string, number>;
  /** Seconds spent creating the accounts (argon2 hashing dominates). */
  accountsS: number;
  /** Drops the database or removes the data folder. */
  dispose(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Several accounts of every role, tied to `reviews` (distinct States under review). */
function planAccounts(reviews: BenchReview[], password: string): BenchAccount[] {
  const accounts: BenchAccount[] = [];
  const add = (role: BenchRole, stateIso3: string | null, n: number) => accounts.push({ email: `load.${role}.${(stateIso3 ?? 'x').toLowerCase()}.${n}@bench.test`, password, role, stateIso3 });
  for (let n = 1; n <= SECRETARIAT_ACCOUNTS; n += 1) add('secretariat', null, n);
  for (let n = 1; n <= DELEGATE_ACCOUNTS; n += 1) add('delegate', null, n);
  for (const state of new Set(reviews.map((r) => r.stateUnderReview))) for (let n = 1; n <= FOCAL_POINTS_PER_STATE; n += 1) add('focal-point', state, n);
  const underReview = new Set(reviews.map((r) => r.stateUnderReview));
  // An expert's State may also be under review in the set; experts and focal points are separate accounts anyway.
  for (const state of new Set(reviews.flatMap((r) => r.reviewers))) add('expert', state, underReview.has(state) ? 2 : 1);
  return accounts;
}

export async function prepareEngine(engine: LoadEngine, log: (line: string) => void): Promise<PreparedEngine> {
  let serverEnv: Record<string, string>;
  let dispose: () => Promise<void>;
  let label: string;
  if (engine === 'pg') {
    const name = `load_${process.pid}`;
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    serverEnv = { DATABASE_URL: url.toString() };
    label = `PostgreSQL (database ${name} on ${url.host})`;
    dispose = () => admin(`drop database if exists ${name} with (force)`);
  } else {
    const dir = makeTempDir('load-data');
    serverEnv = { DATA_DIR: dir };
    label = `PGlite (embedded, data folder in ${path.dirname(dir)})`;
    dispose = async () => removeTempDir(dir);
  }

  try {
    log(`  ${engine}: migrations, reference and demo data`);
    const opened = await openConfiguredDatabase(loadConfig({}, { ...serverEnv, LOG_LEVEL: 'silent' }), 'bench:load');
    try {
      const db = opened.database.db;
      const now = new Date();
      await seedReferenceData(db);
      await seedDemoData(db, now);
      await seedDemoReviews(db, now);
      const stored = await loadReviews(db, { cycleNumber: 2 });
      const reviews: BenchReview[] = [];
      for (const s of stored.filter((x) => x.review.milestones.length > 0).sort((a, b) => (a.review.stateUnderReview < b.review.stateUnderReview ? -1 : 1))) {
        if (reviews.length >= REVIEWS_WITH_ACCOUNTS) break;
        reviews.push({ id: s.row.id, cycle: s.review.cycle, stateUnderReview: s.review.stateUnderReview, reviewers: s.review.reviewers });
      }
      const password = `bench-${randomBytes(12).toString('hex')}`;
      const accounts = planAccounts(reviews, password);
      log(`  ${engine}: creating ${accounts.length} accounts`);
      const t0 = performance.now();
      const ctx = { db, actor: systemActor('bench-load'), now };
      for (const a of accounts) await createUser(ctx, { email: a.email, displayName: `Load bench ${a.role} ${a.stateIso3 ?? ''}`.trim(), role: a.role, stateIso3: a.stateIso3, password: a.password });
      const accountsS = (performance.now() - t0) / 1_000;
      const counts: Record<string, number> = {};
      for (const table of ['users', 'reviews', 'review_milestones', 'checklist_answers', 'checklist_answer_versions', 'review_threads', 'thread_messages', 'reports', 'report_comments']) {
        counts[table] = (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
      }
      return { engine, label, serverEnv, accounts, reviews, counts, accountsS, dispose };
    } finally {
      await opened.close();
    }
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
}
