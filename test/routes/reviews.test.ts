import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;

const HEADER = 'state_iso3,cycle,cohort_year,reviewer1_iso3,reviewer2_iso3,started,focal_point_appointed,checklist_submitted,desk_review_completed,dialogue_type,dialogue_held,draft_report_shared,executive_summary_finalised,report_finalised,executive_summary_published,report_published';
const GOOD = [
  HEADER,
  'AUT,2,1,DEU,KEN,2016-06-01,2016-06-15,2016-09-01,2016-11-01,country_visit,2017-03-01,2017-06-01,2017-09-01,,2017-10-01,',
  'KEN,2,1,UGA,FRA,2016-06-01,2016-07-01,,,,,,,,,',
].join('\n');

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const importCsv = (csv: string, session: TestSession | null = secretariat) =>
  app.inject({ method: 'POST', url: '/api/import/reviews', headers: { ...(session?.headers ?? {}), 'content-type': 'text/csv' }, payload: csv });

async function reviewCount(): Promise<number> {
  return Number((await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from reviews`))[0]!.n);
}

describe('review import and tracker', () => {
  it('imports a CSV, and importing it again changes nothing', async () => {
    const first = await importCsv(GOOD);
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await importCsv(GOOD);
    expect(json(again)).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('updates the reviews a newer file changes', async () => {
    const newer = GOOD.replace('KEN,2,1,UGA,FRA,2016-06-01,2016-07-01,,', 'KEN,2,1,UGA,FRA,2016-06-01,2016-07-01,2016-12-01,');
    expect(json(await importCsv(newer))).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });

  it('refuses a file with bad rows whole, listing each with its line, and writes nothing', async () => {
    const before = await reviewCount();
    const bad = [
      HEADER,
      'FRA,2,1,DEU,ITA,2016-06-01,,,,,,,,,,',
      'XXX,2,1,DEU,ITA,2016-06-01,,,,,,,,,,',
      'BRA,2,1,BRA,ARG,2016-06-01,,,,,,,,,,',
      'CHL,2,1,ARG,PER,2016-06-01,2016-06-10,,2016-08-01,,,,,,,',
    ].join('\n');
    const response = await importCsv(bad);
    expect(response.statusCode).toBe(422);
    const problem = json<{ code: string; errors: { message: string }[] }>(response);
    expect(problem.code).toBe('import.invalid');
    const lines = problem.errors.map((e) => e.message.split(':')[0]);
    expect(lines).toEqual(expect.arrayContaining(['line 3', 'line 4', 'line 5']));
    expect(lines).not.toContain('line 2');
    expect(await reviewCount()).toBe(before);
  });

  it('shows every review with its stage and dates to anyone, filtered and sorted by delay', async () => {
    const response = await app.inject({ url: '/api/reviews?cycle=2' });
    expect(response.statusCode).toBe(200);
    const body = json<{ counts: { total: number; byStage: Record<string, number> }; reviews: { stateUnderReview: string; stage: string; daysLate: number; timeline: { kind: string; actualDate: string | null }[] }[] }>(response);
    expect(body.counts.total).toBe(2);
    const austria = body.reviews.find((r) => r.stateUnderReview === 'AUT')!;
    expect(austria.timeline.find((t) => t.kind === 'dialogueHeld')!.actualDate).toBe('2017-03-01');
    expect(body.reviews[0]!.daysLate).toBeGreaterThanOrEqual(body.reviews[1]!.daysLate);
    const overdueOnly = json<{ reviews: unknown[] }>(await app.inject({ url: '/api/reviews?overdue=true' }));
    expect(overdueOnly.reviews.length).toBeGreaterThan(0);
    expect(response.body).not.toMatch(/checklist answer|comment/i);
  });

  it('exports the tracker as an Excel workbook that a real parser reads back', async () => {
    const response = await app.inject({ url: '/api/reviews/export.xlsx?cycle=2' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('State under review');
    const states = [2, 3].map((r) => sheet.getRow(r).getCell(2).value);
    expect(states.sort()).toEqual(['AUT', 'KEN']);
    const austriaRow = [2, 3].find((r) => sheet.getRow(r).getCell(2).value === 'AUT')!;
    expect(sheet.getRow(austriaRow).getCell(1).value).toBe('Austria');
  });

  it('keeps the import to the secretariat', async () => {
    expect((await importCsv(GOOD, null)).statusCode).toBe(401);
    expect((await importCsv(GOOD, await sessionFor(testDb.database, 'focal.point@demo.test'))).statusCode).toBe(403);
  });
});

describe('moving a review forward', () => {
  async function reviewOf(state: string) {
    const list = json<{ reviews: { id: string; stateUnderReview: string }[] }>(await app.inject({ url: '/api/reviews' }));
    const id = list.reviews.find((r) => r.stateUnderReview === state)!.id;
    return json<{ review: { id: string; version: number; stage: string; next: { kind: string }[]; pauses: { reason: string }[]; history: { action: string; details: unknown }[] } }>(
      await app.inject({ url: `/api/reviews/${id}`, headers: secretariat.headers }),
    ).review;
  }
  const step = (id: string, what: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/reviews/${id}/${what}`, headers: secretariat.headers, payload });

  it('records the next milestone, refuses a jump and a stale version, pauses and resumes with history', async () => {
    let kenya = await reviewOf('KEN'); // started, focal point, checklist submitted (2016-12-01)
    expect(kenya.next.map((n) => n.kind)).toEqual(['deskReviewCompleted']);

    const jump = await step(kenya.id, 'milestones', { kind: 'draftReportShared', date: '2017-05-01', version: kenya.version });
    expect(jump.statusCode).toBe(422);
    expect(json<{ code: string; detail: string }>(jump).code).toBe('review.invalidTransition');

    const early = await step(kenya.id, 'milestones', { kind: 'deskReviewCompleted', date: '2016-11-01', version: kenya.version });
    expect(json<{ code: string }>(early).code).toBe('review.invalidDate');

    const ok = await step(kenya.id, 'milestones', { kind: 'deskReviewCompleted', date: '2017-01-15', version: kenya.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ review: { stage: string } }>(ok).review.stage).not.toBe(kenya.stage);

    const stale = await step(kenya.id, 'pause', { from: '2017-02-01', reason: 'Country visit postponed', version: kenya.version });
    expect(stale.statusCode).toBe(409);

    kenya = await reviewOf('KEN');
    const paused = await step(kenya.id, 'pause', { from: '2017-02-01', reason: 'Country visit postponed', version: kenya.version });
    expect(json<{ review: { stage: string } }>(paused).review.stage).toBe('paused');
    kenya = await reviewOf('KEN');
    const resumed = await step(kenya.id, 'resume', { to: '2017-04-01', version: kenya.version });
    expect(resumed.statusCode).toBe(200);
    kenya = await reviewOf('KEN');
    expect(kenya.history.map((h) => h.action)).toEqual(expect.arrayContaining(['reviews.import', 'review.recordMilestone', 'review.pause', 'review.resume']));
    expect(kenya.pauses[0]!.reason).toBe('Country visit postponed');
  });

  it('shows stage and dates to the public but keeps reasons and history details to the parties', async () => {
    const kenya = await reviewOf('KEN');
    const publicView = json<{ review: { stage: string; pauses: { reason: string }[]; history: { details: unknown }[]; canSeeContent: boolean } }>(await app.inject({ url: `/api/reviews/${kenya.id}` })).review;
    expect(publicView.canSeeContent).toBe(false);
    expect(publicView.pauses[0]!.reason).toBe('(confidential)');
    expect(publicView.history.every((h) => h.details === null)).toBe(true);
    expect(JSON.stringify(publicView)).not.toContain('Country visit postponed');
  });

  it('lets the secretariat open a review by hand, and refuses anyone else', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/reviews', headers: secretariat.headers, payload: { state: 'NOR', cycle: 2, cohortYear: 2, reviewers: ['SWE', 'JPN'] } });
    expect(created.statusCode, created.body).toBe(201);
    expect(json<{ review: { reviewersSource: string } }>(created).review.reviewersSource).toBe('manual');
    const twice = await app.inject({ method: 'POST', url: '/api/reviews', headers: secretariat.headers, payload: { state: 'NOR', cycle: 2, cohortYear: 2, reviewers: ['SWE', 'JPN'] } });
    expect(twice.statusCode).toBe(409);
    const self = await app.inject({ method: 'POST', url: '/api/reviews', headers: secretariat.headers, payload: { state: 'DNK', cycle: 2, cohortYear: 2, reviewers: ['DNK', 'JPN'] } });
    expect(self.statusCode).toBe(422);
    const expert = await sessionFor(testDb.database, 'expert@demo.test');
    expect((await app.inject({ method: 'POST', url: '/api/reviews', headers: expert.headers, payload: { state: 'ISL', cycle: 2, cohortYear: 2, reviewers: ['SWE', 'JPN'] } })).statusCode).toBe(403);
  });
});
