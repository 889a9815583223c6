/**
 * The public schedule, country profiles and Atom feeds (docs/PUBLIC.md), and the crawl: every
 * public API route read anonymously for a sample of States and every review, asserting that
 * no confidential text (checklist answers, desk-review messages, reasons of pauses and
 * extensions) appears in any response.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { may } from '../../src/policies/policy.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { DEMO_DRAFT_MARKER } from '../../src/server/use-cases/demo-reports.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const MARKER = `CONFIDENTIAL-MARKER-${Math.random().toString(36).slice(2, 10)}`;
const ATOM_NS = 'http://www.w3.org/2005/Atom';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let reviewId: string;
/** The State under review in this test's own review, and its name. */
let state: string;
let stateName: string;

interface Profile {
  state: { iso3: string; name: string; names: Record<string, string>; isParty: boolean; regionalGroup: string | null };
  reviews: { id: string; cycle: number; cohortYear: number; stage: string; reviewers: { iso3: string; name: string }[]; startDate: string | null; dialogue: { date: string; held: boolean } | null; milestones: { kind: string; date: string }[]; pauses: { from: string; to: string | null }[]; published: { documents: unknown[]; recommendations: unknown[]; goodPractices: unknown[] } }[];
  asReviewer: { cycle: number; stateUnderReview: { iso3: string } }[];
}
interface Schedule {
  reviews: { id: string; stateUnderReview: string; regionalGroup: string | null; cycle: number; cohortYear: number; reviewers: [string, string]; stage: string; startDate: string | null; dialogue: { date: string; held: boolean; type: string | null } | null }[];
}

const today = () => new Date().toISOString().slice(0, 10);
const ok = async (url: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ url, headers });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { PUBLIC_URL: 'https://irm.example.org' });
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  await seedDemoReviews(testDb.database.db, new Date('2026-01-15T09:00:00Z'));
  // A State that has no cycle-2 review in the demo set, with a focal point of its own.
  const taken = new Set((await queryRows<{ s: string }>(testDb.database.db, sql`select state_iso3 as s from reviews where cycle_number = 2`)).map((r) => r.s));
  state = ['PRT', 'NOR', 'CHE', 'SWE', 'DNK', 'FIN', 'IRL', 'BEL', 'NLD', 'ESP'].find((c) => !taken.has(c))!;
  stateName = json<{ parties: { iso3: string; name: string }[] }>(await ok('/api/parties')).parties.find((p) => p.iso3 === state)!.name;
  const email = `focal.point.${state.toLowerCase()}@example.org`;
  const created = await app.inject({ method: 'POST', url: '/api/users', headers: secretariat.headers, payload: { email, displayName: 'Focal point', role: 'focal-point', stateIso3: state, password: 'a-long-test-password-for-the-focal-point-42' } });
  expect(created.statusCode, created.body).toBe(201);
  const focalPoint = await sessionFor(testDb.database, email);
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state, cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  // Confidential content carrying the marker: an answer, a desk-review question, an extension and a pause reason.
  const answered = await app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/checklist/5.1`, headers: focalPoint.headers, payload: { text: `Answer ${MARKER} on the strategy.`, version: 0 } });
  expect(answered.statusCode, answered.body).toBe(200);
  expect((await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/submit`, headers: focalPoint.headers })).statusCode).toBe(200);
  const asked = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: secretariat.headers, payload: { provisionId: '5.1', kind: 'question', body: `Question ${MARKER} about the council.` } });
  expect(asked.statusCode, asked.body).toBe(201);
  let version = json<{ review: { version: number } }>(await ok(`/api/reviews/${reviewId}`, secretariat.headers)).review.version;
  const extended = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/extensions`, headers: secretariat.headers, payload: { milestone: 'deskReviewCompleted', newDueDate: '2027-01-01', reason: `Extension ${MARKER}`, agreedBy: `Agreed ${MARKER}`, version } });
  expect(extended.statusCode, extended.body).toBe(200);
  version = json<{ review: { version: number } }>(extended).review.version;
  const submittedOn = json<{ review: { milestones: { kind: string; date: string }[] } }>(extended).review.milestones.find((m) => m.kind === 'checklistSubmitted')!.date;
  const paused = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/pause`, headers: secretariat.headers, payload: { from: submittedOn, reason: `Pause ${MARKER} (visit postponed)`, version } });
  expect(paused.statusCode, paused.body).toBe(200);
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('public country profile', () => {
  it('shows the State, its party status, each review with stage, dates and reviewing States, and nothing published yet', async () => {
    const profile = json<Profile>(await ok(`/api/public/countries/${state.toLowerCase()}`));
    expect(profile.state).toMatchObject({ iso3: state, name: stateName, isParty: true, regionalGroup: 'western-european-other' });
    expect(Object.keys(profile.state.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const review = profile.reviews.find((r) => r.cycle === 2)!;
    expect(review).toMatchObject({ id: reviewId, cohortYear: 1, stage: 'paused', startDate: '2016-03-01' });
    expect(review.reviewers.map((r) => r.iso3)).toEqual(['DEU', 'KEN']);
    expect(review.reviewers[1]!.name).toBe('Kenya');
    expect(review.milestones.map((m) => m.kind)).toEqual(['started', 'focalPointAppointed', 'checklistSubmitted']);
    expect(review.pauses).toHaveLength(1);
    expect(review.pauses[0]!.to).toBeNull();
    expect(review.dialogue).toMatchObject({ held: false });
    expect(review.published).toEqual({ documents: [], recommendations: [], goodPractices: [] });
  });

  it('lists the reviews the State takes part in as a reviewing State', async () => {
    const kenya = json<Profile>(await ok('/api/public/countries/KEN'));
    expect(kenya.asReviewer.some((r) => r.cycle === 2 && r.stateUnderReview.iso3 === state)).toBe(true);
  });

  it('answers 404 for an unknown State and 400 for a malformed code', async () => {
    const unknown = await app.inject({ url: '/api/public/countries/XXX' });
    expect(unknown.statusCode).toBe(404);
    expect(json<{ code: string }>(unknown).code).toBe('party.unknown');
    expect((await app.inject({ url: '/api/public/countries/AUTT' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/public/countries/XXX/feed.atom' })).statusCode).toBe(404);
  });

  it('is cacheable and changes as soon as the review changes', async () => {
    const before = await ok(`/api/public/countries/${state}`);
    expect(before.headers['cache-control']).toBe('public, max-age=30');
    const current = json<{ review: { version: number } }>(await ok(`/api/reviews/${reviewId}`, secretariat.headers)).review;
    const resumed = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/resume`, headers: secretariat.headers, payload: { to: today(), version: current.version } });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const after = json<Profile>(await ok(`/api/public/countries/${state}`));
    expect(after.reviews.find((r) => r.cycle === 2)!.stage).toBe('desk-review');
    expect(after.reviews.find((r) => r.cycle === 2)!.pauses[0]!.to).toBe(today());
  });
});

describe('public review schedule', () => {
  it('lists every review with State, cycle, cohort year, reviewing States, stage, start and dialogue dates only', async () => {
    const schedule = json<Schedule>(await ok('/api/public/schedule'));
    const total = Number((await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from reviews`))[0]!.n);
    expect(schedule.reviews).toHaveLength(total);
    const ours = schedule.reviews.find((r) => r.id === reviewId)!;
    expect(Object.keys(ours).sort()).toEqual(['cohortYear', 'cycle', 'dialogue', 'id', 'regionalGroup', 'reviewers', 'stage', 'startDate', 'stateUnderReview']);
    expect(ours).toMatchObject({ stateUnderReview: state, cycle: 2, cohortYear: 1, reviewers: ['DEU', 'KEN'], startDate: '2016-03-01' });
    const held = schedule.reviews.find((r) => r.dialogue?.held);
    expect(held?.dialogue?.type).toMatch(/country_visit|joint_meeting|virtual_visit/);
  });
});

/** Checks well-formedness and Atom 1.0's required elements with a real XML parser, then reads it as a feed reader does. */
function checkAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  type Node = Record<string, unknown>;
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml) as { feed?: Node };
  const root = parsed.feed!;
  expect(root['@_xmlns']).toBe(ATOM_NS);
  for (const name of ['id', 'title', 'updated']) expect(typeof root[name], `feed/${name}`).toBe('string');
  const entries = (root.entry ?? []) as Node[];
  for (const entry of entries) for (const name of ['id', 'title', 'updated']) expect(entry[name], `entry/${name}`).toBeDefined();
  const ids = entries.map((e) => String(e.id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // And as a feed reader sees it.
  const feed = parseFeed(xml);
  expect(feed.meta.type).toBe('atom');
  return feed;
}

describe('Atom feeds', () => {
  it("one State's feed: an entry when its review started, stable ids, updated from the data", async () => {
    const response = await ok(`/api/public/countries/${state}/feed.atom`);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = checkAtom(response.body);
    expect(feed.title).toBe(`Open IRM: reviews of ${stateName}`);
    expect(feed.self).toBe(`https://irm.example.org/api/public/countries/${state}/feed.atom`);
    const started = feed.items.find((i) => i.title === `${stateName}: review started (cycle 2)`)!;
    expect(started).toBeDefined();
    expect(started.updated?.toISOString()).toBe('2016-03-01T00:00:00.000Z');
    expect(started.url).toBe(`https://irm.example.org/countries/${state}`);
    expect(started.description).toContain('Germany and Kenya');
    const again = parseFeed((await ok(`/api/public/countries/${state}/feed.atom`)).body);
    expect(again.items.map((i) => i.id)).toEqual(feed.items.map((i) => i.id));
  });

  it('the whole Mechanism: reviews started, dialogues held and documents published, newest first', async () => {
    const feed = checkAtom((await ok('/api/public/feed.atom')).body);
    const titles = feed.items.map((i) => i.title ?? '');
    expect(titles.some((t) => t.includes('review started'))).toBe(true);
    expect(titles.some((t) => t.includes('direct dialogue held'))).toBe(true);
    expect(titles.some((t) => t.includes('executive summary published'))).toBe(true);
    const times = feed.items.map((i) => i.updated!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(feed.updated?.getTime()).toBe(times[0]);
  });
});

describe('anonymous crawl: nothing confidential in any public response', () => {
  it('reads every public GET route for a sample of States and every review, and finds no confidential text', async () => {
    const secrets = [
      MARKER,
      DEMO_DRAFT_MARKER,
      ...(await queryRows<{ t: string }>(testDb.database.db, sql`select text as t from checklist_answers union select body from thread_messages union select reason from review_pauses union select reason from review_extensions union select agreed_by from review_extensions`)).map((r) => r.t),
    ].filter((t) => t.trim().length >= 12);
    expect(secrets.length).toBeGreaterThan(5);
    // The marker is really there for the review's parties: the crawl would see a leak.
    expect((await ok(`/api/reviews/${reviewId}`, secretariat.headers)).body).toContain(MARKER);
    // The demo's unpublished report drafts, summaries and translations carry their own marker.
    const drafts = await queryRows<{ n: number }>(
      testDb.database.db,
      sql`select (select count(*) from report_section_versions where content::text like ${`%${DEMO_DRAFT_MARKER}%`}) + (select count(*) from executive_summaries where text like ${`%${DEMO_DRAFT_MARKER}%`}) + (select count(*) from summary_language_versions where text like ${`%${DEMO_DRAFT_MARKER}%`}) as n`,
    );
    expect(Number(drafts[0]!.n)).toBeGreaterThan(10);
    const publicationIds = (await queryRows<{ id: string }>(testDb.database.db, sql`select id from publications`)).map((r) => r.id);
    expect(publicationIds.length).toBeGreaterThan(5);
    const schedule = json<Schedule>(await ok('/api/public/schedule'));
    const reviewStates = new Set(schedule.reviews.flatMap((r) => [r.stateUnderReview, ...r.reviewers]));
    const parties = json<{ parties: { iso3: string }[] }>(await ok('/api/parties')).parties.map((p) => p.iso3);
    const sample = [...new Set([...parties.filter((_, i) => i % 10 === 0).slice(0, 20), ...reviewStates])];
    const fill: Record<string, string[]> = { iso3: sample, id: schedule.reviews.map((r) => r.id), number: ['1', '2'], year: ['1'], publicationId: publicationIds };
    expect(sample).toContain(state);
    const publicRoutes = app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api') && may({ kind: 'anonymous' }, r.action));
    expect(publicRoutes.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/public/schedule', '/api/public/countries/:iso3', '/api/public/feed.atom', '/api/public/countries/:iso3/feed.atom', '/api/reviews', '/api/reviews/:id', '/api/public/publications/:publicationId']));
    let fetched = 0;
    for (const route of publicRoutes) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (names.some((n) => !fill[n])) continue; // routes with other parameters are not public data pages
      let urls = [route.url];
      for (const name of names) urls = urls.flatMap((u) => fill[name]!.map((v) => u.replace(`:${name}`, v)));
      for (const url of urls) {
        const response = await app.inject({ url });
        fetched += 1;
        const leaked = secrets.filter((secret) => response.body.includes(secret));
        expect(leaked, `${url} shows confidential text`).toEqual([]);
      }
    }
    expect(fetched).toBeGreaterThan(100);
  });
});
