/**
 * Open data (docs/OPEN-DATA.md) on the demo data: the bulk ZIP opened with a real ZIP reader,
 * its CSV read with a real CSV parser, and compared with what an anonymous visitor can read
 * page by page (schedule, country profiles, sessions, draws). No unpublished demo text may be
 * anywhere in it; a signed-in export holds exactly the same; stable recommendation links;
 * robots.txt and sitemap.xml.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { DATASETS } from '../../src/domain/open-data/datasets.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { DEMO_DRAFT_MARKER } from '../../src/server/use-cases/demo-reports.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, sessionFor, type TestSession } from '../server.ts';

const BASE = 'https://irm.example.org';
let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let files: Map<string, string>;

type Row = Record<string, string | number | boolean | null>;
const rowsOf = (name: string) => JSON.parse(files.get(`${name}.json`)!) as Row[];
const csvOf = (name: string) => parse<Record<string, string>>(files.get(`${name}.csv`)!.replace(/^\uFEFF/, ''), { columns: true });

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ url, headers });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response;
}

async function unzip(body: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(body);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { PUBLIC_URL: BASE });
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  await seedDemoReviews(testDb.database.db, new Date('2026-01-15T09:00:00Z'));
  const response = await get('/api/open/v1/bulk.zip');
  expect(response.headers['content-type']).toBe('application/zip');
  files = await unzip(response.rawPayload);
}, 120_000);
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('open data', () => {
  it('indexes every data set, and the ZIP holds each as JSON and CSV with the dictionary', async () => {
    const index = json<{ version: number; datasets: { name: string; json: string; csv: string }[]; bulk: string }>(await get('/api/open/v1'));
    expect(index.version).toBe(1);
    expect(index.bulk).toBe(`${BASE}/api/open/v1/bulk.zip`);
    expect(index.datasets.map((d) => d.name)).toEqual(DATASETS.map((d) => d.name));
    expect([...files.keys()].sort()).toEqual(['dictionary.csv', 'dictionary.json', ...DATASETS.flatMap((d) => [`${d.name}.csv`, `${d.name}.json`])].sort());
    const dictionary = JSON.parse(files.get('dictionary.json')!) as { version: number; datasets: { name: string; fields: { name: string }[] }[] };
    for (const d of dictionary.datasets) {
      const columns = d.fields.map((f) => f.name);
      const header: string[][] = parse(files.get(`${d.name}.csv`)!.replace(/^\uFEFF/, ''), { to_line: 1 });
      expect(header[0], d.name).toEqual(columns);
      const rows = rowsOf(d.name);
      for (const row of rows) expect(Object.keys(row)).toEqual(columns);
      // The CSV and the JSON carry the same rows.
      expect(csvOf(d.name).map((r) => r[columns[0]!])).toEqual(rows.map((r) => String(r[columns[0]!])));
    }
    expect(csvOf('dictionary').length).toBe(DATASETS.reduce((n, d) => n + d.fields.length, 0));
  });

  it('holds exactly what an anonymous visitor reads page by page, and no unpublished text', async () => {
    for (const [name, text] of files) expect(text.includes(DEMO_DRAFT_MARKER), name).toBe(false);
    for (const name of ['reviews', 'recommendations', 'good-practices', 'needs-counts', 'session-documents', 'follow-up']) expect(rowsOf(name).length, name).toBeGreaterThan(0);

    const schedule = json<{ reviews: { stateUnderReview: string; cycle: number; stage: string; reviewers: string[] }[] }>(await get('/api/public/schedule'));
    const reviews = rowsOf('reviews');
    expect(reviews.map((r) => `${r.review_id}:${r.stage}:${r.reviewer1_iso3}:${r.reviewer2_iso3}`).sort()).toEqual(schedule.reviews.map((r) => `${r.cycle}/${r.stateUnderReview}:${r.stage}:${r.reviewers[0]}:${r.reviewers[1]}`).sort());

    // Recommendations and good practices: the union of every State's public profile.
    const fromProfiles = { recommendations: [] as string[], goodPractices: [] as string[] };
    for (const iso3 of new Set(schedule.reviews.map((r) => r.stateUnderReview))) {
      const profile = json<{ reviews: { cycle: number; published: { recommendations: { article: string; text: string; reference?: string }[]; goodPractices: { article: string; text: string }[] } }[] }>(await get(`/api/public/countries/${iso3}`));
      for (const r of profile.reviews) {
        fromProfiles.recommendations.push(...r.published.recommendations.map((x) => `${x.reference}|${x.text}`));
        fromProfiles.goodPractices.push(...r.published.goodPractices.map((x) => `${r.cycle}/${iso3}/${x.article}|${x.text}`));
      }
    }
    const recommendations = rowsOf('recommendations');
    expect(recommendations.length).toBeGreaterThan(0);
    expect(recommendations.map((r) => `${r.recommendation_id}|${r.text}`).sort()).toEqual(fromProfiles.recommendations.sort());
    expect(rowsOf('good-practices').map((g) => `${String(g.good_practice_id).replace(/\/gp\d+$/, '')}|${g.text}`).sort()).toEqual(fromProfiles.goodPractices.sort());

    // Needs: counted from published reports only, equal to the needs those snapshots hold.
    const publishedNeeds = await queryRows<{ n: number }>(
      testDb.database.db,
      sql`select count(*)::int as n from (select distinct on (review_id) snapshot from publications where document = 'report' order by review_id, language, version desc) p, jsonb_array_elements(p.snapshot->'sections') s, jsonb_array_elements(s->'content'->'needs') n`,
    );
    expect(rowsOf('needs-counts').reduce((n, r) => n + Number(r.needs), 0)).toBe(publishedNeeds[0]!.n);
    const allNeeds = await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from report_needs`);
    expect(allNeeds[0]!.n).toBeGreaterThan(publishedNeeds[0]!.n);

    // Session documents: what the anonymous session pages list.
    const sessions = json<{ sessions: { id: string }[] }>(await get('/api/sessions'));
    const visible: string[] = [];
    for (const s of sessions.sessions) visible.push(...json<{ session: { documents: { symbol: string }[] } }>(await get(`/api/sessions/${s.id}`)).session.documents.map((d) => d.symbol));
    expect(rowsOf('session-documents').map((d) => d.symbol).sort()).toEqual(visible.sort());
    const restricted = await queryRows<{ symbol: string }>(testDb.database.db, sql`select symbol from session_documents where distribution <> 'general'`);
    expect(restricted.length).toBeGreaterThan(0);
    for (const r of restricted) expect(files.get('session-documents.csv')).not.toContain(r.symbol);

    // Follow-up: the public dashboard's list, published recommendations only, with today's status.
    const followed = json<{ recommendations: { reference: string; status: string }[] }>(await get('/api/follow-up/dashboard/recommendations'));
    expect(rowsOf('follow-up').map((r) => `${r.recommendation_id}:${r.status}`).sort()).toEqual(followed.recommendations.map((r) => `${r.reference}:${r.status}`).sort());
    const published = new Set(recommendations.map((r) => r.recommendation_id));
    for (const r of rowsOf('follow-up')) expect(published.has(r.recommendation_id)).toBe(true);

    const draws = json<{ draws: { id: string }[] }>(await get('/api/draws'));
    expect(rowsOf('draws').map((d) => d.draw_id).sort()).toEqual(draws.draws.map((d) => d.id).sort());
  });

  it('gives the secretariat the same export as the public', async () => {
    for (const name of ['recommendations', 'reviews', 'session-documents', 'draws']) {
      const signedIn = await get(`/api/open/v1/${name}.json`, secretariat.headers);
      expect(JSON.parse(signedIn.body), name).toEqual(rowsOf(name));
    }
    const csv = await get('/api/open/v1/recommendations.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(files.get('recommendations.csv'));
  });

  it('links each published recommendation by its stable identifier, and nothing else', async () => {
    const first = rowsOf('recommendations')[0]!;
    expect(first.url).toBe(`${BASE}/api/open/v1/recommendations/${first.recommendation_id}`);
    const one = json<Row>(await get(String(first.url).replace(BASE, '')));
    expect(one).toEqual(first);
    const lower = String(first.url).replace(BASE, '').replace(String(first.state_iso3), String(first.state_iso3).toLowerCase());
    expect(json<Row>(await get(lower))).toEqual(first);

    // A recommendation of a report that is not published is not there.
    const unpublished = await queryRows<{ reference: string }>(
      testDb.database.db,
      sql`select r.reference from report_recommendations r where not exists (select 1 from publications p where p.review_id = r.review_id and p.document = 'report') limit 1`,
    );
    expect(unpublished.length).toBe(1);
    const hidden = await app.inject({ url: `/api/open/v1/recommendations/${unpublished[0]!.reference}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain(DEMO_DRAFT_MARKER);
    for (const bad of ['2/AUT/9/999', 'x/AUT/9/1', '2/ZZZ/9/1']) expect((await app.inject({ url: `/api/open/v1/recommendations/${bad}` })).statusCode, bad).toBe(404);
  });

  it('serves robots.txt and a valid sitemap of the public pages', async () => {
    const robots = (await get('/robots.txt')).body;
    expect(robots).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robots).toMatch(/^Disallow: \/reviews\/$/m);
    expect(robots).toMatch(/^Allow: \/api\/open\/$/m);
    const xml = (await get('/sitemap.xml')).body;
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = (new XMLParser().parse(xml) as { urlset: { url: { loc: string }[] } }).urlset.url.map((u) => u.loc);
    expect(locs).toContain(`${BASE}/schedule`);
    expect(locs).toContain(`${BASE}/countries/AUT`);
    const publications = await queryRows<{ id: string }>(testDb.database.db, sql`select id from publications`);
    expect(publications.length).toBeGreaterThan(0);
    for (const p of publications) expect(locs).toContain(`${BASE}/publications/${p.id}`);
    expect(locs.some((l) => l.includes('/reviews/'))).toBe(false);
  });
});
