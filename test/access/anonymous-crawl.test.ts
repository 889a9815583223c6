/**
 * Anonymous crawl of the whole public API with the demo data loaded (issue 9,
 * docs/SECURITY.md). Every GET route the policy opens to the public is fetched, its
 * parameters filled from what earlier answers revealed (breadth first: ids, State codes,
 * languages, numbers, links), every answer read in its format (JSON, CSV, feeds, .ics, PDF,
 * XLSX, DOCX, the open-data ZIP) and searched for the markers the demo seeds into each kind
 * of confidential content (src/server/use-cases/demo-markers.ts). One marker found fails.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.ts';
import { may } from '../../src/policies/policy.ts';
import { DEMO_MARKERS, markersIn } from '../../src/server/use-cases/demo-markers.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp } from '../server.ts';
import { textOf } from './crawl-text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO3 = /^[A-Z]{3}$/;
const LANGUAGES = new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
/** Upper bound on requests, so a crawl that loops on ever new links still ends. */
const MAX_REQUESTS = 6_000;

/** Names a JSON key may carry a route parameter's value under. */
const ALIASES: Record<string, string[]> = {
  iso3: ['iso3', 'stateUnderReview', 'state', 'stateIso3'],
  cycle: ['cycle', 'cycleNumber'],
  number: ['number', 'cycle', 'cycleNumber'],
  article: ['article'],
  sequence: ['sequence'],
  language: ['language'],
};

/** Public routes the demo gives nothing to answer with 200, and why. */
const NOTHING_TO_REACH: Record<string, string> = {
  '/api/auth/oidc/start': 'redirects to the identity provider (none configured in tests)',
  '/api/auth/oidc/callback': 'the identity provider’s redirect back',
  '/api/draws/:id': 'the demo data hold no draws',
  '/api/draws/:id/record.json': 'as above',
  '/api/sessions/:id/documents/:documentId/files/:language': 'the demo session documents have no files',
};

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoReviews(testDb.database.db, new Date('2026-11-27T12:00:00Z'));
  app = await buildTestApp(testDb.database);
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

/** What earlier answers revealed, by kind of value. */
class Harvest {
  uuids = new Set<string>();
  iso3 = new Set<string>();
  numbers = new Set<string>(['1', '2']);
  languages = new Set<string>(['en']);
  links = new Set<string>();
  /** Objects with their scalar fields, for routes with several parameters. */
  objects: Record<string, string>[] = [];

  add(value: unknown, key = ''): void {
    if (Array.isArray(value)) return value.forEach((v) => this.add(v, key));
    if (value && typeof value === 'object') {
      const scalars: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' || typeof v === 'number') scalars[k] = String(v);
        this.add(v, k);
      }
      if (Object.keys(scalars).length > 1) this.objects.push(scalars);
      return;
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100 && /cycle|number|article|sequence|round|year/i.test(key)) this.numbers.add(String(value));
    if (typeof value !== 'string') return;
    if (UUID.test(value)) this.uuids.add(value.toLowerCase());
    else if (ISO3.test(value)) this.iso3.add(value);
    else if (LANGUAGES.has(value)) this.languages.add(value);
    this.addLinks(value);
  }

  /** Same-site paths in any text (links in HTML, feeds, sitemaps, JSON fields). */
  addLinks(text: string): void {
    for (const match of text.matchAll(/(?:https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?)?(\/(?:api\/|sitemap|robots)[^\s"'<>)\]]*)/g)) this.links.add(match[1]!.replace(/&amp;/g, '&'));
  }
}

function candidates(harvest: Harvest, param: string): string[] {
  if (param === 'iso3') return [...harvest.iso3];
  if (param === 'language') return [...harvest.languages];
  if (/^(cycle|number|year|round|article|sequence)$/.test(param)) return [...harvest.numbers];
  return [...harvest.uuids];
}

/** Concrete URLs for a route: one parameter from everything seen; several from one object that holds them all. */
function fillings(template: string, harvest: Harvest): string[] {
  const params = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (params.length === 0) return [template];
  const fill = (values: Record<string, string>) => template.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(values[p]!));
  if (params.length === 1) return candidates(harvest, params[0]!).map((v) => fill({ [params[0]!]: v }));
  const urls = new Set<string>();
  for (const object of harvest.objects) {
    const values: Record<string, string> = {};
    for (const p of params) {
      const found = (ALIASES[p] ?? [p]).map((k) => object[k]).find((v) => v !== undefined);
      if (found !== undefined) values[p] = found;
    }
    if (params.every((p) => values[p] !== undefined)) urls.add(fill(values));
  }
  // Nested resources (a session's documents in each language): the ids inside the parent's own answer.
  if (params[0] === 'id') {
    for (const [parent, body] of parentAnswers) {
      const parentMatch = new RegExp(`^${template.split('/:')[0]}/([^/]+)$`).exec(parent);
      if (!parentMatch) continue;
      const inner = new Harvest();
      inner.add(body);
      const rest = params.slice(1);
      let combos: Record<string, string>[] = [{ id: decodeURIComponent(parentMatch[1]!) }];
      for (const p of rest) combos = combos.flatMap((c) => candidates(inner, p).filter((v) => v !== c.id).map((v) => ({ ...c, [p]: v })));
      for (const c of combos.slice(0, 500)) urls.add(fill(c));
    }
  }
  return [...urls];
}

/** JSON answers by URL, for nested resources. */
const parentAnswers = new Map<string, unknown>();

interface QueryParam {
  name: string;
  values: string[] | 'numbers';
}

/** Required query parameters of each route, from the OpenAPI document the app publishes. */
async function requiredQueries(): Promise<Map<string, QueryParam[]>> {
  const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema?: { enum?: string[]; type?: string } }[] }>> };
  const map = new Map<string, QueryParam[]>();
  for (const [openApiPath, operations] of Object.entries(doc.paths)) {
    const required = (operations.get?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
    const params = required.map((p): QueryParam => ({ name: p.name, values: p.schema?.enum ?? 'numbers' }));
    if (params.length > 0) map.set(openApiPath.replace(/\{(\w+)\}/g, ':$1'), params);
  }
  return map;
}

/** Query strings for a route: every combination of its required parameters' values. */
function withQueries(params: QueryParam[] | undefined, harvest: Harvest): string[] {
  if (!params) return [''];
  let combos: string[][] = [[]];
  for (const p of params) {
    const values = p.values === 'numbers' ? [...harvest.numbers].slice(0, 4) : p.values;
    combos = combos.flatMap((c) => values.map((v) => [...c, `${p.name}=${encodeURIComponent(v)}`]));
  }
  return combos.slice(0, 40).map((c) => `?${c.join('&')}`);
}

interface CrawlResult {
  fetched: number;
  byRoute: Map<string, number>;
  leaks: string[];
  formats: Record<string, number>;
}

async function crawl(): Promise<CrawlResult> {
  const publicRoutes = app.registeredRoutes.filter((r) => r.method === 'GET' && may({ kind: 'anonymous' }, r.action) && !r.url.includes('*') && !r.url.startsWith('/api/docs'));
  const harvest = new Harvest();
  const seen = new Set<string>();
  const result: CrawlResult = { fetched: 0, byRoute: new Map(), leaks: [], formats: {} };
  // The most literal template first: /publications/:id.pdf before /publications/:id.
  publicRoutes.sort((a, b) => b.url.replace(/:\w+/g, '').length - a.url.replace(/:\w+/g, '').length);
  const queries = await requiredQueries();
  const routeOf = (url: string) => publicRoutes.find((r) => new RegExp(`^${r.url.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`).test(url.split('?')[0]!));

  const fetchOne = async (url: string) => {
    if (seen.has(url) || result.fetched >= MAX_REQUESTS) return;
    seen.add(url);
    const response = await app.inject({ url });
    result.fetched += 1;
    const route = routeOf(url);
    if (response.statusCode >= 500) result.leaks.push(`${url}: server error ${response.statusCode}`);
    if (response.statusCode !== 200) return;
    if (route) result.byRoute.set(route.url, (result.byRoute.get(route.url) ?? 0) + 1);
    const type = String(response.headers['content-type'] ?? '');
    const format = type.split(';')[0]!;
    result.formats[format] = (result.formats[format] ?? 0) + 1;
    const text = await textOf(response.rawPayload, type, url.split('?')[0]);
    const found = markersIn(text);
    if (found.length > 0) result.leaks.push(`${url}: ${found.join(', ')}`);
    if (type.includes('json')) {
      const body: unknown = JSON.parse(response.body);
      harvest.add(body);
      parentAnswers.set(url, body);
    } else if (format.startsWith('text/') || format.includes('xml') || format.includes('calendar')) {
      harvest.addLinks(text);
    } else {
      harvest.add(text.split(/[\s,;"]+/));
    }
  };

  // Breadth first: each round fetches what the previous rounds revealed, until nothing new.
  for (let round = 0; round < 6; round += 1) {
    const before = seen.size;
    for (const route of publicRoutes) for (const url of fillings(route.url, harvest)) for (const query of withQueries(queries.get(route.url), harvest)) await fetchOne(`${url}${query}`);
    for (const link of [...harvest.links]) if (routeOf(link)) await fetchOne(link);
    if (seen.size === before) break;
  }
  return result;
}

describe('anonymous crawl', () => {
  it('finds a marker planted in a fake answer of each format (the search can fail)', async () => {
    const marker = DEMO_MARKERS.checklistAnswer;
    expect(markersIn(JSON.stringify({ a: [{ b: `x ${marker} y` }] }))).toEqual(['checklistAnswer']);
    expect(markersIn(await textOf(Buffer.from(`<p>${DEMO_MARKERS.pauseReason}</p>`), 'text/html'))).toEqual(['pauseReason']);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRow(['ok', `note ${DEMO_MARKERS.selfReport}`]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(markersIn(await textOf(xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))).toEqual(['selfReport']);
    const zip = new JSZip();
    zip.file('data/recommendations.csv', `ref,text\n1,"${DEMO_MARKERS.reportDraft}"\n`);
    zip.file('data/nested.xlsx', xlsx);
    const archive = await zip.generateAsync({ type: 'nodebuffer' });
    expect(markersIn(await textOf(archive, 'application/zip')).sort()).toEqual(['reportDraft', 'selfReport']);
    const docx = new JSZip();
    docx.file('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>DEMO-UNPUBLISHED-</w:t></w:r><w:r><w:t>SUMMARY</w:t></w:r></w:p></w:body></w:document>`);
    expect(markersIn(await textOf(await docx.generateAsync({ type: 'nodebuffer' }), '', 'x.docx'))).toEqual(['summaryDraft']);
  });

  it('the demo data carry every marker where the signed-in parties can read it', async () => {
    const tables: [string, string][] = [
      ['reportDraft', `select content::text as t from report_section_versions`],
      ['summaryDraft', `select text as t from executive_summaries`],
      ['summaryTranslation', `select text as t from summary_language_versions`],
      ['checklistAnswer', `select text as t from checklist_answers`],
      ['deskReviewMessage', `select body as t from thread_messages`],
      ['pauseReason', `select reason as t from review_pauses`],
      ['selfReport', `select narrative as t from follow_up_self_reports`],
      ['actionPlan', `select title as t from follow_up_actions`],
      ['limitedSessionDocument', `select title as t from session_documents`],
      ['donorRecord', `select coalesce(description, '') || ' ' || coalesce(activity, '') as t from finance_contributions`],
      ['financeRecord', `select description as t from finance_expenditures`],
    ];
    expect(tables.map(([kind]) => kind).sort()).toEqual(Object.keys(DEMO_MARKERS).sort());
    for (const [kind, query] of tables) {
      const rows = await queryRows<{ t: string }>(testDb.database.db, sql.raw(query));
      expect(rows.some((r) => r.t?.includes(DEMO_MARKERS[kind as keyof typeof DEMO_MARKERS])), kind).toBe(true);
    }
  });

  it('reads every public GET route, following what it finds, and no answer contains a marker', async () => {
    const result = await crawl();
    const publicTemplates = app.registeredRoutes.filter((r) => r.method === 'GET' && may({ kind: 'anonymous' }, r.action) && !r.url.includes('*') && !r.url.startsWith('/api/docs') && !['/index.html', '/assets/app.js'].includes(r.url));
    const unreached = publicTemplates.filter((r) => !result.byRoute.has(r.url) && !(r.url in NOTHING_TO_REACH)).map((r) => r.url);
    console.info(`anonymous crawl: ${result.fetched} requests, ${result.byRoute.size} of ${publicTemplates.length} public routes answered 200, formats ${JSON.stringify(result.formats)}`);
    expect(result.leaks).toEqual([]);
    expect(unreached, 'public routes the crawl never reached with a 200').toEqual([]);
    expect(result.fetched).toBeLessThan(MAX_REQUESTS);
    for (const format of ['application/json', 'text/csv', 'application/zip', 'application/pdf']) expect(result.formats[format], format).toBeGreaterThan(0);
  });
});
