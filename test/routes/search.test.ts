/**
 * The recommendation search through the API on the real database (docs/ANALYTICS.md): the
 * public never reads an unpublished text (the demo drafts' marker), facet counts exact on
 * items inserted here, each facet counted under the other facets' selection, highlights as
 * plain segments (no markup to inject), trigram suggestions of State names, bad input
 * refused, and the CSV and XLSX exports.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { publications, reportGoodPractices, reportNeeds, reportRecommendations } from '../../src/db/schema/reports.ts';
import { DEMO_DRAFT_MARKER } from '../../src/server/use-cases/demo-reports.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession;

interface Facet {
  value: string;
  count: number;
  label: string | null;
}
interface View {
  scope: string;
  total: number;
  pages: number;
  facets: Record<'cycle' | 'chapter' | 'article' | 'group' | 'state' | 'kind' | 'needType', Facet[]>;
  results: { kind: string; needType: string | null; reference: string; stateIso3: string; article: number; chapter: string; text: { text: string; hit: boolean }[] }[];
  stateSuggestions: { iso3: string; name: string }[];
  notice: string | null;
}

const get = (url: string, session: TestSession | null = null) => app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
const view = async (url: string, session: TestSession | null = null) => {
  const response = await get(url, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<View>(response);
};
const counts = (facets: Facet[]) => Object.fromEntries(facets.map((f) => [f.value, f.count]));
const plain = (r: View['results'][number]) => r.text.map((s) => s.text).join('');

/** A word no demo text holds: the counts below are exactly the rows inserted here. */
const WORD = 'quokkaregister';

interface Picked {
  id: string;
  cycle: number;
  iso3: string;
  grp: string | null;
}
let picked: Picked[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoReviews(testDb.database.db, new Date('2026-01-15T09:00:00Z'));
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  // Three reviews of three States in different regional groups, without a published report.
  const rows = await queryRows<Picked>(
    testDb.database.db,
    sql`select distinct on (p.regional_group) r.id, r.cycle_number as cycle, r.state_iso3 as iso3, p.regional_group as grp
        from reviews r join parties p on p.iso3 = r.state_iso3
        where p.regional_group is not null and not exists (select 1 from publications pb where pb.review_id = r.id and pb.document = 'report')
        order by p.regional_group, r.state_iso3 limit 3`,
  );
  expect(rows).toHaveLength(3);
  picked = rows;
  const [a, b, c] = rows as [Picked, Picked, Picked];
  const db = testDb.database.db;
  // a: 2 recommendations (art. 5, 15), 1 good practice (art. 5); b: 1 recommendation (art. 5),
  // 2 needs (art. 15 legislative, art. 51 capacity); c: 1 recommendation (art. 51) holding markup.
  await db.insert(reportRecommendations).values([
    { reviewId: a.id, article: 5, sequence: 901, reference: `${a.cycle}/${a.iso3}/5/901`, text: `Establish a ${WORD} of assets of public officials.` },
    { reviewId: a.id, article: 15, sequence: 901, reference: `${a.cycle}/${a.iso3}/15/901`, text: `Link the ${WORD} to the bribery offence.` },
    { reviewId: b.id, article: 5, sequence: 901, reference: `${b.cycle}/${b.iso3}/5/901`, text: `Publish the ${WORD} online.` },
    { reviewId: c.id, article: 51, sequence: 901, reference: `${c.cycle}/${c.iso3}/51/901`, text: `<script>alert("x")</script> \uE000fake\uE001 ${WORD} & <b>co</b>` },
  ]);
  await db.insert(reportGoodPractices).values([{ reviewId: a.id, article: 5, sequence: 901, text: `The ${WORD} is open data.` }]);
  await db.insert(reportNeeds).values([
    { reviewId: b.id, article: 15, sequence: 901, type: 'legislative-assistance', text: `Drafting a law on the ${WORD}.` },
    { reviewId: b.id, article: 51, sequence: 901, type: 'capacity-building', text: `Training for staff of the ${WORD}.` },
  ]);
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('search: what the public may see', () => {
  it('never returns an unpublished text to the public, in results, facets or exports', async () => {
    const staff = await view(`/api/search?q=${DEMO_DRAFT_MARKER}`, secretariat);
    expect(staff.scope).toBe('all');
    expect(staff.total).toBeGreaterThan(0); // the marker is there to be found…
    for (const session of [null, focalPoint]) {
      const anonymous = await view(`/api/search?q=${DEMO_DRAFT_MARKER}`, session);
      expect(anonymous.scope).toBe('published');
      expect(anonymous.total).toBe(0); // …but not by the public
      expect(anonymous.results).toEqual([]);
      expect(Object.values(anonymous.facets).flat()).toEqual([]);
    }
    const csv = await get(`/api/search.csv?q=${DEMO_DRAFT_MARKER}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(DEMO_DRAFT_MARKER);
    // Browsing everything public (no words, no filter), page by page: no draft anywhere.
    const all = await view('/api/search?pageSize=100');
    expect(all.notice).toBe('browse');
    expect(all.total).toBeGreaterThan(0);
    for (let page = 1; page <= all.pages; page++) {
      const p = await view(`/api/search?pageSize=100&page=${page}`);
      for (const r of p.results) expect(plain(r)).not.toContain(DEMO_DRAFT_MARKER);
    }
    // The words inserted above are in no published report.
    expect((await view(`/api/search?q=${WORD}`)).total).toBe(0);
  });

  it('finds a word of a published recommendation for the public, highlighted', async () => {
    const result = await view('/api/search?q=statistics&kind=recommendation');
    expect(result.total).toBeGreaterThan(0);
    const first = result.results[0]!;
    expect(first.kind).toBe('recommendation');
    expect(first.reference).toMatch(/^\d+\/[A-Z]{3}\/\d+\/\d+$/);
    expect(first.text.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toContain('statistics');
    // Every public result is in a published report of its review.
    const published = await queryRows<{ reference: string }>(
      testDb.database.db,
      sql`select r.reference from report_recommendations r where exists (select 1 from publications p where p.review_id = r.review_id and p.document = 'report')`,
    );
    const references = new Set(published.map((p) => p.reference));
    for (const r of result.results) expect(references.has(r.reference), r.reference).toBe(true);
  });

  it('shows an item to the public once the report holding that very text is published', async () => {
    const [a] = picked as [Picked];
    const snapshot = {
      stateName: a.iso3,
      iso3: a.iso3,
      cycle: a.cycle,
      reviewerNames: ['x', 'y'],
      symbol: '',
      sections: [{ article: 5, title: 'Preventive policies', chapter: 'II', content: { summary: '', observations: '', successes: '', challenges: '', recommendations: [{ text: `Establish a ${WORD} of assets of public officials.`, reference: `${a.cycle}/${a.iso3}/5/901` }], goodPractices: [], needs: [] } }],
    };
    await testDb.database.db.insert(publications).values({ id: randomUUID(), reviewId: a.id, document: 'report', language: 'en', version: 1, note: '', snapshot, publishedBy: 'test' });
    const result = await view(`/api/search?q=${WORD}`);
    // Only the recommendation the snapshot holds; not a's other items (article 15, the good practice).
    expect(result.total).toBe(1);
    expect(result.results.map((r) => r.reference)).toEqual([`${a.cycle}/${a.iso3}/5/901`]);
  });
});

describe('search: facets, highlight, suggestions', () => {
  it('counts each facet exactly, under the other facets only', async () => {
    const [a, b, c] = picked as [Picked, Picked, Picked];
    const all = await view(`/api/search?q=${WORD}`, secretariat);
    expect(all.total).toBe(7);
    expect(counts(all.facets.kind)).toEqual({ recommendation: 4, 'good-practice': 1, need: 2 });
    expect(counts(all.facets.article)).toEqual({ '5': 3, '15': 2, '51': 2 });
    expect(counts(all.facets.chapter)).toEqual({ II: 3, III: 2, V: 2 });
    expect(counts(all.facets.state)).toEqual({ [a.iso3]: 3, [b.iso3]: 3, [c.iso3]: 1 });
    expect(counts(all.facets.group)).toEqual({ [a.grp!]: 3, [b.grp!]: 3, [c.grp!]: 1 });
    expect(counts(all.facets.needType)).toEqual({ 'legislative-assistance': 1, 'capacity-building': 1 });
    const cycles: Record<string, number> = {};
    for (const p of [a, a, a, b, b, b, c]) cycles[String(p.cycle)] = (cycles[String(p.cycle)] ?? 0) + 1;
    expect(counts(all.facets.cycle)).toEqual(cycles);
    expect(all.facets.article.find((f) => f.value === '5')?.label).toBeTruthy();

    // Article 5 selected: the results narrow, the article facet keeps its other values,
    // every other facet counts within article 5.
    const art5 = await view(`/api/search?q=${WORD}&article=5`, secretariat);
    expect(art5.total).toBe(3);
    expect(counts(art5.facets.article)).toEqual({ '5': 3, '15': 2, '51': 2 });
    expect(counts(art5.facets.kind)).toEqual({ recommendation: 2, 'good-practice': 1 });
    expect(counts(art5.facets.state)).toEqual({ [a.iso3]: 2, [b.iso3]: 1 });

    // Two values of one facet are either; two facets are both.
    const two = await view(`/api/search?q=${WORD}&article=5,51&kind=need`, secretariat);
    expect(two.total).toBe(1);
    expect(two.results[0]!.needType).toBe('capacity-building');
    const repeated = await view(`/api/search?q=${WORD}&state=${b.iso3.toLowerCase()}&state=${c.iso3}&chapter=v`, secretariat);
    expect(repeated.total).toBe(2);
    const byGroup = await view(`/api/search?q=${WORD}&group=${a.grp}`, secretariat);
    expect(byGroup.results.every((r) => r.stateIso3 === a.iso3)).toBe(true);
    expect(byGroup.total).toBe(3);
  });

  it('pages through results', async () => {
    const first = await view(`/api/search?q=${WORD}&pageSize=3`, secretariat);
    const third = await view(`/api/search?q=${WORD}&pageSize=3&page=3`, secretariat);
    expect(first.pages).toBe(3);
    expect(first.results).toHaveLength(3);
    expect(third.results).toHaveLength(1);
    const everything = new Set<string>();
    for (let page = 1; page <= 3; page++) for (const r of (await view(`/api/search?q=${WORD}&pageSize=3&page=${page}`, secretariat)).results) everything.add(`${r.kind}:${r.reference}`);
    expect(everything.size).toBe(7);
  });

  it('returns text as plain segments: markup stays text, forged marks are dropped', async () => {
    const result = await view(`/api/search?q=${WORD}&article=51&kind=recommendation`, secretariat);
    const hit = result.results[0]!;
    expect(plain(hit)).toBe(`<script>alert("x")</script> fake ${WORD} & <b>co</b>`);
    expect(hit.text.filter((s) => s.hit).map((s) => s.text)).toEqual([WORD]);
  });

  it('stems English words: "registers" finds "register", a phrase in quotes stays a phrase', async () => {
    const result = await view('/api/search?q=collecting%20statistic', secretariat);
    expect(result.total).toBeGreaterThan(0);
    expect((await view(`/api/search?q=%22online%20${WORD}%22`, secretariat)).total).toBe(0);
    expect((await view(`/api/search?q=%22publish%20the%20${WORD}%22`, secretariat)).total).toBe(1);
  });

  it('suggests States whose names look like a word of the query (trigram similarity)', async () => {
    const result = await view('/api/search?q=corruption%20Kenia');
    expect(result.stateSuggestions.map((s) => s.iso3)).toContain('KEN');
    const french = await view('/api/search?q=Autrishe&lang=fr');
    expect(french.stateSuggestions.map((s) => s.iso3)).toContain('AUT');
  });
});

describe('search: bad input and exports', () => {
  it('refuses what it cannot read, with a message', async () => {
    for (const [url, message] of [
      ['/api/search?article=999', 'no article 999'],
      ['/api/search?article=abc', 'not a article'],
      ['/api/search?chapter=IX', 'no chapter IX'],
      ['/api/search?kind=opinion', 'not a kind'],
      ['/api/search?state=AUSTRIA', 'not a State code'],
      ['/api/search?group=nordic', 'not a regional group'],
      ['/api/search?needType=money', 'not a type of assistance need'],
      [`/api/search?q=${'x'.repeat(201)}`, 'at most 200'],
      ['/api/search?page=0', 'not a page'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(json<{ code: string; detail: string }>(response).detail, url).toContain(message);
      expect((await get(url.replace('/api/search', '/api/search.csv'))).statusCode, url).toBe(400);
    }
  });

  it('exports the matching items as CSV and XLSX', async () => {
    const csv = await get(`/api/search.csv?q=${WORD}`, secretariat);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('reference,kind,need_type,cycle,state_iso3,state,regional_group,chapter,article,text');
    expect(lines).toHaveLength(8);
    expect(csv.body).toContain(`"<script>alert(""x"")</script> fake ${WORD} & <b>co</b>"`);

    const xlsx = await get(`/api/search.xlsx?q=${WORD}&kind=need`, secretariat);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Results')!;
    expect(sheet.rowCount).toBe(3);
    const needTypes = [sheet.getRow(2).getCell(3).value, sheet.getRow(3).getCell(3).value].sort();
    expect(needTypes).toEqual(['capacity-building', 'legislative-assistance']);
    const text = sheet.getRow(2).getCell(10).value as { richText: { text: string; font?: { bold?: boolean } }[] };
    expect(text.richText.filter((r) => r.font?.bold).map((r) => r.text)).toEqual([WORD]);
  });
});
