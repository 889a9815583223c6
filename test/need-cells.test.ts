/**
 * need_cells (migration 0026), need_totals and need_states (0027) are derived from
 * report_needs, reports and assistance_needs by statement-level triggers. After every kind of
 * write — a draft's needs, finalisation, a deleted need, a recorded need's types changed, a
 * bulk import, a report un-finalised — they must equal what the sources give, on both engines.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { TEST_ENGINE } from './engines.ts';

let testDb: TestDatabase;
let states: [string, string];
let reviewId: string;

const db = () => testDb.database.db;
const key = (r: { cycle: number; state: string; article: number; type: string; n: number; needs: number }) => `${r.cycle}|${r.state}|${r.article}|${r.type}|${Number(r.n)}|${Number(r.needs)}`;

async function fromSources(): Promise<string[]> {
  const rows = await queryRows<{ cycle: number; state: string; article: number; type: string; n: number; needs: number }>(
    db(),
    sql`select cycle, state, article, type, count(*)::int as n, sum(first)::int as needs from (
          select r.cycle_number as cycle, r.state_iso3 as state, n.article, n.type, 1 as first
            from report_needs n join reviews r on r.id = n.review_id join reports p on p.review_id = n.review_id where p.finalised_at is not null
          union all
          select a.cycle_number, a.state_iso3, a.article, t.type, case when t.ord = 1 then 1 else 0 end
            from assistance_needs a cross join lateral jsonb_array_elements_text(a.types) with ordinality as t(type, ord)
        ) x group by 1, 2, 3, 4`,
  );
  return rows.map(key).sort();
}

async function cells(): Promise<string[]> {
  const rows = await queryRows<{ cycle: number; state: string; article: number; type: string; n: number; needs: number }>(
    db(),
    sql`select cycle_number as cycle, state_iso3 as state, article, type, n, needs from need_cells`,
  );
  return rows.map(key).sort();
}

const cellsOf = async (state: string) => (await cells()).filter((c) => c.split('|')[1] === state);

// need_totals is kept by differences: compare it with need_cells summed, which the line above checks against the sources.
async function totals(): Promise<{ kept: string[]; summed: string[] }> {
  const line = (r: { cycle: number; article: number; type: string; n: number; needs: number }) => `${r.cycle}|${r.article}|${r.type}|${Number(r.n)}|${Number(r.needs)}`;
  const kept = await queryRows<{ cycle: number; article: number; type: string; n: number; needs: number }>(db(), sql`select cycle_number as cycle, article, type, n, needs from need_totals`);
  const summed = await queryRows<{ cycle: number; article: number; type: string; n: number; needs: number }>(
    db(),
    sql`select cycle_number as cycle, article, type, sum(n)::int as n, sum(needs)::int as needs from need_cells group by 1, 2, 3`,
  );
  return { kept: kept.map(line).sort(), summed: summed.map(line).sort() };
}

async function statesRows(): Promise<{ kept: string[]; fromCells: string[] }> {
  type Row = { cycle: number; state: string; articles: number[]; types: string[] };
  const line = (r: Row) => `${r.cycle}|${r.state}|${r.articles.join(',')}|${r.types.join(',')}`;
  const kept = await queryRows<Row>(db(), sql`select cycle_number as cycle, state_iso3 as state, articles, types from need_states`);
  const fromCells = await queryRows<Row>(
    db(),
    sql`select cycle_number as cycle, state_iso3 as state, array_agg(distinct article order by article) as articles, array_agg(distinct type order by type) as types
          from need_cells group by 1, 2`,
  );
  return { kept: kept.map(line).sort(), fromCells: fromCells.map(line).sort() };
}

async function expectInStep(): Promise<void> {
  expect(await cells()).toEqual(await fromSources());
  const { kept, summed } = await totals();
  expect(kept).toEqual(summed);
  const states = await statesRows();
  expect(states.kept).toEqual(states.fromCells);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const free = await queryRows<{ iso3: string }>(
    db(),
    sql`select iso3 from parties where regional_group is not null and iso3 not in (select state_iso3 from reviews where cycle_number = 2) order by iso3 limit 2`,
  );
  states = [free[0]!.iso3, free[1]!.iso3];
  reviewId = randomUUID();
  await db().execute(sql`insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source)
                         values (${reviewId}, 2, ${states[0]}, 1, ${states[1]}, 'KEN', 'manual')`);
});

afterAll(async () => {
  await testDb.dispose();
});

describe('need_cells', () => {
  it('matches the sources from the start', async () => {
    await expectInStep();
  });

  it("leaves a draft's needs out and counts them once the report is finalised", async () => {
    await db().execute(sql`insert into reports (review_id) values (${reviewId})`);
    await db().execute(sql`insert into report_needs (review_id, article, sequence, type, text) values
      (${reviewId}, 9, 1, 'capacity-building', 'Training (test).'), (${reviewId}, 9, 2, 'capacity-building', 'More training (test).'), (${reviewId}, 52, 1, 'legal-advice', 'Advice (test).')`);
    expect(await cellsOf(states[0])).toEqual([]);
    await expectInStep();
    await db().execute(sql`update reports set finalised_at = now(), finalised_by = 'test' where review_id = ${reviewId}`);
    expect(await cellsOf(states[0])).toEqual([`2|${states[0]}|52|legal-advice|1|1`, `2|${states[0]}|9|capacity-building|2|2`]);
    expect((await statesRows()).kept).toContain(`2|${states[0]}|9,52|capacity-building,legal-advice`);
    await expectInStep();
  });

  it('follows a deleted need', async () => {
    await db().execute(sql`delete from report_needs where review_id = ${reviewId} and article = 9 and sequence = 2`);
    expect(await cellsOf(states[0])).toContain(`2|${states[0]}|9|capacity-building|1|1`);
    await expectInStep();
  });

  it("follows a recorded need's types as they are set, corrected and removed", async () => {
    const id = randomUUID();
    await db().execute(sql`insert into assistance_needs (id, cycle_number, state_iso3, article, description, types, status, recorded_by)
                           values (${id}, 2, ${states[1]}, 14, 'Recorded (test).', ${JSON.stringify(['policymaking', 'legal-advice'])}::jsonb, 'given', 'test')`);
    expect(await cellsOf(states[1])).toEqual([`2|${states[1]}|14|legal-advice|1|0`, `2|${states[1]}|14|policymaking|1|1`]);
    await expectInStep();
    await db().execute(sql`update assistance_needs set types = ${JSON.stringify(['capacity-building'])}::jsonb where id = ${id}`);
    expect(await cellsOf(states[1])).toEqual([`2|${states[1]}|14|capacity-building|1|1`]);
    await expectInStep();
    await db().execute(sql`delete from assistance_needs where id = ${id}`);
    expect(await cellsOf(states[1])).toEqual([]);
    await expectInStep();
  });

  it('counts a bulk import of many needs over several States in one statement', async () => {
    await db().execute(sql`insert into assistance_needs (id, cycle_number, state_iso3, article, description, types, status, recorded_by)
      select gen_random_uuid(), 2, s.iso3, 5 + g % 3, 'Bulk (test) ' || g, case when g % 2 = 0 then '["research-data"]'::jsonb else '["research-data", "on-site-expert"]'::jsonb end, 'given', 'test'
      from generate_series(1, 60) g cross join (values (${states[0]}), (${states[1]})) as s(iso3)`);
    const second = await cellsOf(states[1]);
    expect(second.reduce((sum, c) => sum + Number(c.split('|')[5]), 0)).toBe(60);
    await expectInStep();
  });

  it('is rebuilt whole by the function the migration fills it with', async () => {
    const before = { cells: await cells(), totals: (await totals()).kept, states: (await statesRows()).kept };
    expect(before.cells.length).toBeGreaterThan(0);
    expect(before.totals.length).toBeGreaterThan(0);
    await db().execute(sql`delete from need_cells`);
    await db().execute(sql`update need_totals set n = n + 5`);
    await db().execute(sql`delete from need_states`);
    await db().execute(sql`select rebuild_need_cells()`);
    expect({ cells: await cells(), totals: (await totals()).kept, states: (await statesRows()).kept }).toEqual(before);
  });

  it('drops the needs of a report that is no longer finalised', async () => {
    await db().execute(sql`update reports set finalised_at = null, finalised_by = null where review_id = ${reviewId}`);
    expect((await cellsOf(states[0])).some((c) => c.includes('|9|capacity-building|'))).toBe(false);
    await expectInStep();
  });

  it('gives need_totals and need_states back as they were when a need comes and goes', async () => {
    const before = { totals: (await totals()).kept, states: (await statesRows()).kept };
    const id = randomUUID();
    await db().execute(sql`insert into assistance_needs (id, cycle_number, state_iso3, article, description, types, status, recorded_by)
                           values (${id}, 1, ${states[1]}, 71, 'Lone need (test).', '["other"]'::jsonb, 'given', 'test')`);
    expect((await totals()).kept).not.toEqual(before.totals);
    expect((await statesRows()).kept.find((r) => r.startsWith(`1|${states[1]}|`))).toMatch(/(^|,|\|)71\|/);
    await expectInStep();
    await db().execute(sql`delete from assistance_needs where id = ${id}`);
    expect({ totals: (await totals()).kept, states: (await statesRows()).kept }).toEqual(before);
    await expectInStep();
  });

  // Two sessions writing needs of the same State at once: the second waits for the first to
  // commit (the lock in refresh_need_cells) instead of failing on need_cells' key or summing
  // differences against cells it could not see. PostgreSQL only: PGlite has one connection.
  it.runIf(TEST_ENGINE === 'postgres')('stays exact when two transactions write needs of the same State at once', async () => {
    const pool = testDb.database.pool!;
    const [a, b] = [await pool.connect(), await pool.connect()];
    try {
      const insert = (id: string) =>
        `insert into assistance_needs (id, cycle_number, state_iso3, article, description, types, status, recorded_by)
         values ('${id}', 2, '${states[1]}', 10, 'Concurrent (test).', '["policymaking"]'::jsonb, 'given', 'test')`;
      await a.query('begin');
      await b.query('begin');
      await a.query(insert(randomUUID()));
      const second = b.query(insert(randomUUID()));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.query('commit');
      await second;
      await b.query('commit');
    } finally {
      a.release();
      b.release();
    }
    expect((await cellsOf(states[1])).find((c) => c.includes('|10|policymaking|'))).toMatch(/\|2\|2$/);
    await expectInStep();
  });
});
