/**
 * The data set of the review benches: a PostgreSQL database made for the run (TEST_PG_URL's
 * server), migrated, with the reference data and reviews for every State party in both
 * cycles — milestones, full checklists and 20 desk-review threads each — written in set
 * SQL; and the app served on a free port. The database is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { seedReferenceData } from '../../src/db/seed.ts';
import { buildApp } from '../../src/server/app.ts';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function fillReviews(pool: pg.Pool): Promise<Record<string, number>> {
  await pool.query(`
    insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source)
    select gen_random_uuid(), c.number, p.iso3, 1 + (row_number() over (partition by c.number order by p.iso3)) % 4,
           lead(p.iso3, 1, 'AFG') over (partition by c.number order by p.iso3), lead(p.iso3, 2, 'ALB') over (partition by c.number order by p.iso3), 'import'
    from parties p join accessions a on a.party_iso3 = p.iso3 cross join cycles c
    where p.regional_group is not null and p.iso3 not in ('AFG', 'ALB', 'ZWE', 'ZMB')`);
  await pool.query(`
    insert into review_milestones (review_id, kind, date, recorded_by)
    select r.id, m.kind, date '2016-01-01' + (m.n * 40 + (hashtext(r.state_iso3) & 63)) , 'bench'
    from reviews r cross join (values (0,'started'),(1,'focalPointAppointed'),(2,'checklistSubmitted'),(3,'deskReviewCompleted')) as m(n, kind)
    where (hashtext(r.state_iso3 || r.cycle_number) & 3) >= m.n`);
  await pool.query(`
    insert into checklist_answers (review_id, provision_id, text, updated_by)
    select r.id, pr.id, repeat('Answer text for the provision. ', 20), 'bench'
    from reviews r join cycles c on c.number = r.cycle_number
    join articles ar on ar.chapter_number = any (select jsonb_array_elements_text(c.chapters))
    join provisions pr on pr.article_number = ar.number`);
  await pool.query(`
    insert into review_threads (id, review_id, provision_id, kind, status, created_by)
    select gen_random_uuid(), r.id, '5.1', 'question', case when g % 3 = 0 then 'resolved' else 'open' end, 'bench'
    from reviews r cross join generate_series(1, 20) g`);
  await pool.query(`
    insert into thread_messages (id, thread_id, author, side, body)
    select gen_random_uuid(), t.id, 'bench', 'secretariat', repeat('A question. ', 10) from review_threads t`);
  const counts: Record<string, number> = {};
  for (const table of ['reviews', 'review_milestones', 'checklist_answers', 'review_threads', 'thread_messages']) {
    counts[table] = Number((await pool.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  }
  return counts;
}

export interface ReviewBench {
  database: Database;
  pool: pg.Pool;
  /** Rows per table, for the report's "data:" line. */
  counts: Record<string, number>;
  /** http://127.0.0.1:<port> of the app. */
  base: string;
  /** The app's HTTP server, for timing its responses. */
  server: Server;
}

/** Runs `measure` against a fresh database full of reviews and the app serving it. */
export async function withReviewData(measure: (bench: ReviewBench) => Promise<void>): Promise<void> {
  const name = `openirm_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin(`create database ${name}`);
  try {
    const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 10 });
    await runMigrations(database);
    await seedReferenceData(database.db);
    const counts = await fillReviews(database.pool!);
    const app = await buildApp({ config: loadConfig({}, { LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }), database, logger: false, webDist: '/nonexistent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await measure({ database, pool: database.pool!, counts, server: app.server, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` });
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}
