/**
 * The thematic report through the API on the real database (docs/ANALYTICS.md): figures equal
 * to counts taken straight from the tables over finalised reports; challenges grouped, with
 * examples anonymised unless named; the public quotes published reports only; bad input
 * refused; the DOCX opened by LibreOffice (converted to text) shows the figures and holds a
 * chart image.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { publications, reportSectionVersions } from '../../src/db/schema/reports.ts';
import { EMPTY_SECTION } from '../../src/domain/reports/report.ts';
import { DEMO_DRAFT_MARKER } from '../../src/server/use-cases/demo-reports.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

const run = promisify(execFile);
let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;

interface Article {
  article: number;
  statesWithRecommendations: number;
  recommendations: number;
  goodPractices: number;
  challenges: { stem: string; label: string; states: number; examples: { state: string; text: string }[] }[];
}
interface Report {
  cycle: number;
  scope: string;
  completedReviews: number;
  statesWithRecommendations: number;
  recommendations: number;
  goodPractices: number;
  chapters: { chapter: string; recommendations: number; goodPractices: number; articles: Article[] }[];
}

const get = (url: string, session: TestSession | null = null) => app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
const report = async (url: string, session: TestSession | null = null) => {
  const response = await get(url, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<Report>(response);
};
const articleOf = (r: Report, n: number) => r.chapters.flatMap((c) => c.articles).find((a) => a.article === n)!;

/** Two finalised, unpublished reviews of cycle 2 whose challenges under article 9 we rewrite. */
let unpublished: { id: string; iso3: string; name: string }[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoReviews(testDb.database.db, new Date('2026-01-15T09:00:00Z'));
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  unpublished = await queryRows(
    testDb.database.db,
    sql`select r.id, r.state_iso3 as iso3, p.name_un as name from reviews r join parties p on p.iso3 = r.state_iso3
        where r.cycle_number = 2 and exists (select 1 from review_milestones m where m.review_id = r.id and m.kind = 'reportFinalised')
          and not exists (select 1 from publications pb where pb.review_id = r.id and pb.document = 'report')
        order by r.state_iso3 limit 2`,
  );
  expect(unpublished).toHaveLength(2);
  const texts = ['<p>Whistle-blower protection is absent from the law.</p>', '<p>No protection for whistle-blowers exists; reporting channels are unclear.</p>'];
  await testDb.database.db.insert(reportSectionVersions).values(
    unpublished.map((r, i) => ({ reviewId: r.id, article: 9, version: 99, content: { ...EMPTY_SECTION, challenges: texts[i]! }, author: 'test' })),
  );
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('thematic report', () => {
  it('counts over finalised reports exactly as the tables say', async () => {
    const r = await report('/api/thematic?cycle=2');
    const [expected] = await queryRows<{ reviews: number; recs: number; states: number; gps: number }>(
      testDb.database.db,
      sql`with done as (select r.id from reviews r where r.cycle_number = 2 and exists (select 1 from review_milestones m where m.review_id = r.id and m.kind = 'reportFinalised')),
               arts as (select a.number from articles a join cycles c on c.number = 2 where a.instrument_code = 'UNCAC' and c.chapters ? a.chapter_number)
          select (select count(*)::int from done) as reviews,
                 (select count(*)::int from report_recommendations x where x.review_id in (select id from done) and x.article in (select number from arts)) as recs,
                 (select count(distinct x.review_id)::int from report_recommendations x where x.review_id in (select id from done) and x.article in (select number from arts)) as states,
                 (select count(*)::int from report_good_practices x where x.review_id in (select id from done) and x.article in (select number from arts)) as gps`,
    );
    expect(r.cycle).toBe(2);
    expect(r.completedReviews).toBe(expected!.reviews);
    expect(r.completedReviews).toBeGreaterThan(0);
    expect(r.recommendations).toBe(expected!.recs);
    expect(r.statesWithRecommendations).toBe(expected!.states);
    expect(r.goodPractices).toBe(expected!.gps);
    expect(r.chapters.reduce((s, c) => s + c.recommendations, 0)).toBe(expected!.recs);
    const [art5] = await queryRows<{ n: number; s: number }>(
      testDb.database.db,
      sql`select count(*)::int as n, count(distinct x.review_id)::int as s from report_recommendations x join reviews r on r.id = x.review_id
          where r.cycle_number = 2 and x.article = 5 and exists (select 1 from review_milestones m where m.review_id = r.id and m.kind = 'reportFinalised')`,
    );
    expect([articleOf(r, 5).recommendations, articleOf(r, 5).statesWithRecommendations]).toEqual([art5!.n, art5!.s]);
    expect(JSON.stringify(r)).not.toContain(DEMO_DRAFT_MARKER);
  });

  it('groups challenges; the secretariat sees working texts, the public quotes published reports only', async () => {
    const staff = await report('/api/thematic?cycle=2&chapter=II', secretariat);
    expect(staff.scope).toBe('all');
    expect(staff.chapters.map((c) => c.chapter)).toEqual(['II']);
    const group = articleOf(staff, 9).challenges.find((g) => g.stem === 'protection');
    expect(group).toMatchObject({ label: 'protection', states: 2 });
    expect(group!.examples.map((e) => e.state).every((s) => s.startsWith('a State of the '))).toBe(true);
    expect(group!.examples.map((e) => e.text)).toEqual(['Whistle-blower protection is absent from the law.', 'No protection for whistle-blowers exists; reporting channels are unclear.']);

    const named = await report('/api/thematic?cycle=2&chapter=II&named=true', secretariat);
    expect(articleOf(named, 9).challenges.find((g) => g.stem === 'protection')!.examples.map((e) => e.state)).toEqual(unpublished.map((u) => u.name));

    const publicView = await report('/api/thematic?cycle=2&chapter=II&named=true');
    expect(publicView.scope).toBe('published');
    expect(JSON.stringify(publicView)).not.toContain('Whistle-blower');
    // The same counts for everyone: they are aggregates.
    expect(publicView.recommendations).toBe(staff.recommendations);
    // Once both reports are published (their snapshots holding these challenges), the public quotes them too.
    for (const [i, u] of unpublished.entries()) {
      const challenges = ['<p>Whistle-blower protection is absent from the law.</p>', '<p>No protection for whistle-blowers exists; reporting channels are unclear.</p>'][i]!;
      await testDb.database.db.insert(publications).values({
        id: randomUUID(),
        reviewId: u.id,
        document: 'report',
        language: 'en',
        version: 1,
        note: '',
        snapshot: { stateName: u.name, iso3: u.iso3, cycle: 2, reviewerNames: ['x', 'y'], symbol: '', sections: [{ article: 9, title: 'Public procurement', chapter: 'II', content: { ...EMPTY_SECTION, challenges } }] },
        publishedBy: 'test',
      });
    }
    const afterPublication = await report('/api/thematic?cycle=2&chapter=II');
    const quoted = articleOf(afterPublication, 9).challenges.find((g) => g.stem === 'protection');
    expect(quoted?.states).toBe(2);
    expect(quoted!.examples.map((e) => e.text)).toEqual(group!.examples.map((e) => e.text));
    expect(quoted!.examples.every((e) => e.state.startsWith('a State of the '))).toBe(true);
  });

  it('refuses an unknown cycle or a chapter outside the cycle', async () => {
    expect((await get('/api/thematic?cycle=9')).statusCode).toBe(404);
    const chapter = await get('/api/thematic?cycle=2&chapter=III');
    expect(chapter.statusCode).toBe(400);
    expect(json<{ detail: string }>(chapter).detail).toContain('not reviewed in cycle 2');
    expect((await get('/api/thematic?cycle=x')).statusCode).toBe(400);
    expect((await get('/api/thematic/report.docx?cycle=2&chapter=IV')).statusCode).toBe(400);
  });

  it('writes a DOCX in UN layout that LibreOffice opens, with the figures and a chart per chapter', { timeout: 180_000 }, async () => {
    const r = await report('/api/thematic?cycle=2');
    const response = await get('/api/thematic/report.docx?cycle=2');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const bytes = response.rawPayload;
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(r.chapters.length);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');

    const dir = mkdtempSync(path.join(tmpdir(), 'thematic-'));
    try {
      const file = path.join(dir, 'thematic.docx');
      writeFileSync(file, bytes);
      const profile = pathToFileURL(path.join(dir, 'profile')).href;
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text', '--outdir', dir, file], { timeout: 150_000 });
      const txtFile = path.join(dir, 'thematic.txt');
      expect(existsSync(txtFile)).toBe(true);
      const text = readFileSync(txtFile, 'utf8');
      expect(text).toContain('United Nations');
      expect(text).toContain('Thematic report on the implementation of chapters II and V of the Convention');
      expect(text).toContain(`The present report summarizes the findings of the ${r.completedReviews} country reviews of the second review cycle`);
      expect(text).toContain(`${r.recommendations} recommendations in all`);
      const ii = r.chapters.find((c) => c.chapter === 'II')!;
      expect(text).toContain(`${ii.recommendations} recommendations in all, and ${ii.goodPractices} good practices`);
      expect(text).toContain('Figure I');
      expect(text).toContain('Figure II');
      expect(text).not.toContain(DEMO_DRAFT_MARKER);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
