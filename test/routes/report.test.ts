/**
 * The country review report, its executive summary and publication through the API on the
 * real database (docs/REPORTS.md): drafting with versions and conflicts, the State's reading
 * and agreement, finalisation, the summary in six languages, consent and immutable
 * publications, and what the public sees — never a draft.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { queryRows as rows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // AUT: the State under review
let expert: TestSession; // KEN: a reviewing State of AUT, an outsider to FRA
let delegate: TestSession;
let reviewId: string; // AUT, cycle 2, reviewed by DEU and KEN
let otherReviewId: string; // FRA, reviewed by DEU and ITA

const DRAFT_MARKER = 'UNPUBLISHED-DRAFT-7f3a9c';

interface Section {
  article: number;
  chapter: string;
  version: number;
  authors: string[];
  content: { summary: string; recommendations: { text: string }[]; goodPractices: { text: string }[]; needs: { type: string; text: string }[] };
}
interface Report {
  status: string;
  agreementHolds: boolean;
  may: Record<string, boolean>;
  sections: Section[];
}
interface Summary {
  status: string;
  version: number;
  text: string;
  languages: { language: string; status: string; version: number; publishedAt: string | null }[];
}

function content(overrides: Record<string, unknown> = {}) {
  return {
    summary: '<p>Austria adopted its strategy in 2018.</p>',
    observations: '<p>The strategy is evaluated every two years.</p>',
    successes: '',
    challenges: '<p>Coordination across ministries.</p>',
    recommendations: [{ text: 'Strengthen the coordination of the anti-corruption bodies.' }],
    goodPractices: [{ text: 'A public online register of lobbyists.' }],
    needs: [{ type: 'capacity-building', text: 'Training of ministry staff on the strategy.' }],
    ...overrides,
  };
}

const inject = (method: 'GET' | 'PUT' | 'POST', url: string, session: TestSession | null, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const report = (session: TestSession | null, id = reviewId) => inject('GET', `/api/reviews/${id}/report`, session);
const putSection = (session: TestSession, article: number, version: number, c = content(), id = reviewId) => inject('PUT', `/api/reviews/${id}/report/sections/${article}`, session, { content: c, version });
const step = (session: TestSession, name: string, id = reviewId) => inject('POST', `/api/reviews/${id}/report/${name}`, session);
const summary = (session: TestSession | null) => inject('GET', `/api/reviews/${reviewId}/summary`, session);
const milestones = async (id = reviewId) => (json<{ review: { milestones: { kind: string; date: string }[] } }>(await inject('GET', `/api/reviews/${id}`, secretariat))).review.milestones.map((m) => m.kind);
const tableCount = async (table: string) => Number((await rows<{ n: number }>(testDb.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

async function recordUpTo(id: string, kinds: [string, string, string?][]) {
  let version = json<{ review: { version: number } }>(await inject('GET', `/api/reviews/${id}`, secretariat)).review.version;
  for (const [kind, date, dialogueType] of kinds) {
    const response = await inject('POST', `/api/reviews/${id}/milestones`, secretariat, { kind, date, version, ...(dialogueType ? { dialogueType } : {}) });
    expect(response.statusCode, response.body).toBe(200);
    version = json<{ review: { version: number } }>(response).review.version;
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'https://irm.example.org' });
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  delegate = await sessionFor(testDb.database, 'delegate@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  otherReviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'FRA', cycle: 2, reviewers: ['DEU', 'ITA'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('drafting the report', () => {
  it('has one empty section per article of the cycle’s chapters (II and V), in order', async () => {
    const response = await report(secretariat);
    expect(response.statusCode, response.body).toBe(200);
    const body = json<Report>(response);
    expect(body.status).toBe('drafting');
    const articles = body.sections.map((s) => s.article);
    expect(articles[0]).toBe(5);
    expect(articles).toContain(14);
    expect(articles).toContain(59);
    expect(articles).not.toContain(15);
    expect(new Set(body.sections.map((s) => s.chapter))).toEqual(new Set(['II', 'V']));
    expect(body.sections.every((s) => s.version === 0)).toBe(true);
    expect(body.may).toMatchObject({ draft: true, share: false, agree: false, finalise: false });
  });

  it('an expert of a reviewing State writes a section; a stale version is a 409 with the stored section; bad input changes nothing', async () => {
    const first = await putSection(expert, 5, 0);
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ section: Section }>(first).section).toMatchObject({ article: 5, version: 1, authors: ['expert@demo.test'] });

    const stale = await putSection(secretariat, 5, 0, content({ summary: '<p>Mine</p>' }));
    expect(stale.statusCode).toBe(409);
    expect(json<{ current: Section }>(stale).current).toMatchObject({ version: 1, content: { summary: '<p>Austria adopted its strategy in 2018.</p>' } });

    const before = await tableCount('report_section_versions');
    for (const [article, c, status] of [
      [15, content(), 400], // not under review in cycle 2
      [5, content({ needs: [{ type: 'money', text: 'x' }] }), 400],
      [5, content({ recommendations: [{ text: '   ' }] }), 400],
    ] as const) {
      const bad = await putSection(secretariat, article, 1, c);
      expect(bad.statusCode, bad.body).toBe(status);
    }
    expect(await tableCount('report_section_versions')).toBe(before);

    const second = await putSection(secretariat, 5, 1, content({ summary: '<p>Austria adopted its strategy in 2018.<script>alert(1)</script></p>' }));
    expect(second.statusCode).toBe(200);
    const saved = json<{ section: Section }>(second).section;
    expect(saved.version).toBe(2);
    expect(saved.content.summary).not.toContain('script');
    expect(saved.authors).toEqual(['expert@demo.test', 'secretariat@demo.test']);

    const versions = json<{ versions: { version: number }[] }>(await inject('GET', `/api/reviews/${reviewId}/report/sections/5/versions`, expert));
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('keeps recommendations, good practices and needs as rows with stable references', async () => {
    await putSection(secretariat, 52, 0, content({ recommendations: [{ text: 'Adopt rules on beneficial ownership.' }, { text: 'Train the financial intelligence unit.' }], goodPractices: [], needs: [{ type: 'legislative-assistance', text: 'Drafting a law.' }] }));
    const recommendations = await rows<{ reference: string }>(testDb.database.db, sql`select reference, text from report_recommendations where review_id = ${reviewId} order by article, sequence`);
    expect(recommendations.map((r) => r.reference)).toEqual(['2/AUT/5/1', '2/AUT/52/1', '2/AUT/52/2']);
    const needs = await rows<{ type: string }>(testDb.database.db, sql`select type from report_needs where review_id = ${reviewId} order by article`);
    expect(needs.map((r) => r.type)).toEqual(['capacity-building', 'legislative-assistance']);
  });

  it('the State under review cannot read the draft before it is shared; outsiders never', async () => {
    expect((await report(focalPoint)).statusCode).toBe(403);
    expect((await report(delegate)).statusCode).toBe(403);
    expect((await report(null)).statusCode).toBe(401);
    expect((await report(expert, otherReviewId)).statusCode).toBe(403);
    expect((await putSection(expert, 5, 0, content(), otherReviewId)).statusCode).toBe(403);
    expect((await putSection(focalPoint, 6, 0)).statusCode).toBe(403);
    expect((await summary(delegate)).statusCode).toBe(403);
  });
});

describe('sharing, agreement and finalisation', () => {
  it('refuses to agree before the draft is shared, and to share before the dialogue is held', async () => {
    const agree = await step(focalPoint, 'agree');
    expect(agree.statusCode).toBe(409);
    expect(json<{ detail: string }>(agree).detail).toMatch(/not been shared/);
    const share = await step(secretariat, 'share');
    expect(share.statusCode).toBe(422);
    expect(json<{ detail: string }>(share).detail).toMatch(/dialogue/i);
    expect(await milestones()).not.toContain('draftReportShared');
  });

  it('shares the draft (milestone recorded); the State reads, comments and agrees', async () => {
    await recordUpTo(reviewId, [
      ['checklistSubmitted', '2016-05-01'],
      ['deskReviewCompleted', '2016-06-01'],
      ['dialogueHeld', '2016-09-01', 'country_visit'],
    ]);
    const shared = await step(secretariat, 'share');
    expect(shared.statusCode, shared.body).toBe(200);
    expect(json<Report>(shared).status).toBe('shared');
    expect(await milestones()).toContain('draftReportShared');

    const read = await report(focalPoint);
    expect(read.statusCode).toBe(200);
    expect(json<Report>(read).may).toMatchObject({ draft: false, comment: true, agree: true, finalise: false });
    const comment = await inject('POST', `/api/reviews/${reviewId}/report/sections/5/comments`, focalPoint, { body: 'Please mention the 2021 amendment.' });
    expect(comment.statusCode, comment.body).toBe(200);
    expect(json<{ comment: { side: string } }>(comment).comment.side).toBe('under-review');
    expect((await inject('POST', `/api/reviews/${reviewId}/report/sections/5/comments`, focalPoint, { body: '  ' })).statusCode).toBe(400);
    const comments = json<{ comments: { body: string }[] }>(await inject('GET', `/api/reviews/${reviewId}/report/sections/5/comments`, expert));
    expect(comments.comments.map((c) => c.body)).toEqual(['Please mention the 2021 amendment.']);

    expect((await step(secretariat, 'agree')).statusCode).toBe(403); // only the State agrees
    const agreed = await step(focalPoint, 'agree');
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(json<Report>(agreed)).toMatchObject({ status: 'agreed', agreementHolds: true });
  });

  it('a later edit voids the agreement; the report cannot be finalised until the State agrees again', async () => {
    const edited = await putSection(expert, 5, 2, content({ summary: '<p>Austria adopted its strategy in 2018 and amended it in 2021.</p>' }));
    expect(edited.statusCode).toBe(200);
    expect(json<Report>(await report(secretariat)).status).toBe('shared');
    const refused = await step(secretariat, 'finalise');
    expect(refused.statusCode).toBe(409);
    expect(json<{ detail: string }>(refused).detail).toMatch(/changed since the State agreed/);
    expect(await milestones()).not.toContain('reportFinalised');

    expect((await step(focalPoint, 'agree')).statusCode).toBe(200);
    const finalised = await step(secretariat, 'finalise');
    expect(finalised.statusCode, finalised.body).toBe(200);
    expect(json<Report>(finalised).status).toBe('finalised');
    expect(await milestones()).toContain('reportFinalised');
    expect((await putSection(secretariat, 6, 0)).statusCode).toBe(409);
    const actions = (await listAuditEvents(testDb.database.db, { limit: 500, resourceType: 'review', resourceId: reviewId })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['report.saveSection', 'report.share', 'report.agree', 'report.finalise', 'report.read', 'report.comment']));
  });
});

describe('executive summary in six languages', () => {
  it('pre-fills from the report, checks the symbol, and finalises only with text', async () => {
    const prefill = json<{ text: string }>(await inject('GET', `/api/reviews/${reviewId}/summary/prefill`, secretariat));
    expect(prefill.text).toContain('Strengthen the coordination of the anti-corruption bodies. (art. 5)');
    expect(prefill.text).toContain('Legislative assistance: Drafting a law. (art. 52)');
    expect(prefill.text).toContain('<h3>Chapter V. Asset recovery</h3>');

    const empty = await inject('POST', `/api/reviews/${reviewId}/summary/finalise`, secretariat);
    expect(empty.statusCode).toBe(409);
    expect(json<{ detail: string }>(empty).detail).toMatch(/empty/);

    const badSymbol = await inject('PUT', `/api/reviews/${reviewId}/summary`, secretariat, { text: prefill.text, symbol: 'not a symbol', version: 0 });
    expect(badSymbol.statusCode).toBe(400);
    const saved = await inject('PUT', `/api/reviews/${reviewId}/summary`, secretariat, { text: `<p>Austria has a strong framework.</p>${prefill.text}`, symbol: 'CAC/COSP/IRG/II/1/1/Add.4', version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<Summary>(saved).version).toBe(1);
    const stale = await inject('PUT', `/api/reviews/${reviewId}/summary`, expert, { text: '<p>x</p>', symbol: '', version: 0 });
    expect(stale.statusCode).toBe(409);
  });

  it('finalising records the milestone and publishes the original; a translation marked final while empty is refused', async () => {
    // Someone follows Austria by e-mail: the publication is announced to them.
    await inject('POST', '/api/public/subscriptions', null, { email: 'watch@example.org', country: 'AUT', language: 'en' });
    const mails = () => rows<{ subject: string; body: string }>(testDb.database.db, sql`select subject, body from notifications where email = 'watch@example.org' order by created_at`);
    const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec((await mails())[0]!.body)![1]!;
    expect((await inject('POST', '/api/public/subscriptions/confirm', null, { token })).statusCode).toBe(200);
    const finalised = await inject('POST', `/api/reviews/${reviewId}/summary/finalise`, secretariat);
    expect(finalised.statusCode, finalised.body).toBe(200);
    const body = json<Summary>(finalised);
    expect(body.status).toBe('finalised');
    expect(body.languages.find((l) => l.language === 'en')).toMatchObject({ status: 'final', publishedAt: expect.any(String) as unknown });
    expect(await milestones()).toEqual(expect.arrayContaining(['executiveSummaryFinalised', 'executiveSummaryPublished']));
    const announced = (await mails()).slice(1);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.body).toContain('Executive summary (en)');
    expect(announced[0]!.body).not.toContain('strong framework');
    expect((await inject('PUT', `/api/reviews/${reviewId}/summary`, secretariat, { text: '<p>late</p>', symbol: '', version: body.version })).statusCode).toBe(409);

    const emptyFinal = await inject('PUT', `/api/reviews/${reviewId}/summary/languages/ar`, secretariat, { text: '<p> </p>', status: 'final', version: 0 });
    expect(emptyFinal.statusCode).toBe(409);
    expect(json<{ detail: string }>(emptyFinal).detail).toMatch(/cannot be empty/);
    expect((await inject('PUT', `/api/reviews/${reviewId}/summary/languages/en`, secretariat, { text: '<p>x</p>', status: 'final', version: 0 })).statusCode).toBe(400);
    expect((await inject('PUT', `/api/reviews/${reviewId}/summary/languages/ar`, expert, { text: '<p>x</p>', status: 'pending', version: 0 })).statusCode).toBe(403);

    const drafting = await inject('PUT', `/api/reviews/${reviewId}/summary/languages/ar`, secretariat, { text: '<p>مسودة الترجمة</p>', status: 'in_translation', version: 0 });
    expect(drafting.statusCode, drafting.body).toBe(200);
    expect(json<Summary>(drafting).languages.find((l) => l.language === 'ar')).toMatchObject({ status: 'in_translation', version: 1, publishedAt: null });
    const final = await inject('PUT', `/api/reviews/${reviewId}/summary/languages/ar`, secretariat, { text: '<p>لدى النمسا إطار قانوني متين لمكافحة الفساد.</p>', status: 'final', version: 1 });
    expect(final.statusCode, final.body).toBe(200);
    expect(json<Summary>(final).languages.find((l) => l.language === 'ar')).toMatchObject({ status: 'final', version: 2, publishedAt: expect.any(String) as unknown });
  });
});

describe('consent and publication', () => {
  it('refuses to publish the report without the State’s consent, or in a language not consented', async () => {
    const refused = await inject('POST', `/api/reviews/${reviewId}/publications`, secretariat, { document: 'report', language: 'en' });
    expect(refused.statusCode).toBe(409);
    expect(json<{ detail: string }>(refused).detail).toMatch(/not consented/);
    expect((await inject('POST', `/api/reviews/${reviewId}/consent`, expert, { documents: ['report'], languages: ['en'] })).statusCode).toBe(403);
    expect((await inject('POST', `/api/reviews/${reviewId}/consent`, focalPoint, { documents: [], languages: ['en'] })).statusCode).toBe(400);
    const consent = await inject('POST', `/api/reviews/${reviewId}/consent`, focalPoint, { documents: ['report'], languages: ['fr'], note: 'Letter of 3 March' });
    expect(consent.statusCode, consent.body).toBe(200);
    const wrongLanguage = await inject('POST', `/api/reviews/${reviewId}/publications`, secretariat, { document: 'report', language: 'en' });
    expect(json<{ detail: string }>(wrongLanguage).detail).toMatch(/consented to publish in fr, not in en/);
    expect((await inject('POST', `/api/reviews/${reviewId}/publications`, secretariat, { document: 'checklist', language: 'fr' })).statusCode).toBe(409);
    expect(await milestones()).not.toContain('reportPublished');
  });

  it('publishes with consent; a second publication needs a note and is a new version; nothing published can change', async () => {
    await inject('POST', `/api/reviews/${reviewId}/consent`, focalPoint, { documents: ['report'], languages: ['en', 'fr'] });
    const published = await inject('POST', `/api/reviews/${reviewId}/publications`, secretariat, { document: 'report', language: 'en' });
    expect(published.statusCode, published.body).toBe(200);
    expect(await milestones()).toContain('reportPublished');
    expect((await inject('POST', `/api/reviews/${reviewId}/publications`, secretariat, { document: 'report', language: 'en' })).statusCode).toBe(400);
    const corrected = await inject('POST', `/api/reviews/${reviewId}/publications`, secretariat, { document: 'report', language: 'en', note: 'Typographical corrections in paragraph 4.' });
    expect(corrected.statusCode).toBe(200);
    const list = json<{ publications: { document: string; language: string; version: number; note: string }[] }>(corrected).publications;
    expect(list.filter((p) => p.document === 'report').map((p) => [p.version, p.note])).toEqual([
      [1, ''],
      [2, 'Typographical corrections in paragraph 4.'],
    ]);
    const refusal = (query: Promise<unknown>) => query.then(() => 'changed', (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message));
    expect(await refusal(testDb.database.db.execute(sql`update publications set note = 'changed' where review_id = ${reviewId}`))).toMatch(/immutable/);
    expect(await refusal(testDb.database.db.execute(sql`delete from publications where review_id = ${reviewId}`))).toMatch(/immutable/);
  });

  it('the public profile shows the published documents, recommendations with references and good practices; never a draft', async () => {
    // A draft of another review carries a marker that must never be public.
    await putSection(secretariat, 5, 0, content({ summary: `<p>${DRAFT_MARKER}</p>`, recommendations: [{ text: `${DRAFT_MARKER} recommendation` }] }), otherReviewId);

    const profile = await inject('GET', '/api/public/countries/AUT', null);
    expect(profile.statusCode).toBe(200);
    const review = json<{ reviews: { cycle: number; published: { documents: { kind: string; language: string; version: number; id: string }[]; recommendations: { reference: string; text: string }[]; goodPractices: { text: string }[] } }[] }>(profile).reviews.find((r) => r.cycle === 2)!;
    expect(review.published.documents.map((d) => `${d.kind}:${d.language}:${d.version}`).sort()).toEqual(['executive-summary:ar:1', 'executive-summary:en:1', 'report:en:1', 'report:en:2']);
    expect(review.published.recommendations.map((r) => r.reference)).toEqual(['2/AUT/5/1', '2/AUT/52/1', '2/AUT/52/2']);
    expect(review.published.goodPractices.map((g) => g.text)).toEqual(['A public online register of lobbyists.']);

    const arabic = review.published.documents.find((d) => d.language === 'ar')!;
    const page = await inject('GET', `/api/public/publications/${arabic.id}`, null);
    expect(page.statusCode).toBe(200);
    expect(json<{ html: string; symbol: string }>(page)).toMatchObject({ html: '<p>لدى النمسا إطار قانوني متين لمكافحة الفساد.</p>', symbol: 'CAC/COSP/IRG/II/1/1/Add.4' });
    expect((await inject('GET', '/api/public/publications/00000000-0000-4000-8000-000000000000', null)).statusCode).toBe(404);

    for (const url of ['/api/public/countries/FRA', '/api/public/countries/AUT', '/api/public/schedule', '/api/public/feed.atom', `/api/public/publications/${arabic.id}`]) {
      const response = await inject('GET', url, null);
      expect(response.body, url).not.toContain(DRAFT_MARKER);
      expect(response.body, url).not.toContain('مسودة الترجمة'); // the superseded draft translation
    }
  });
});

/** The text of a PDF as poppler's pdftotext reads it (installed by .ci/run). */
async function pdfText(body: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'openirm-report-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, body);
    return (await promisify(execFile)('pdftotext', [file, '-'], { timeout: 30_000 })).stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('documents', () => {
  it('the parties download the report as DOCX and PDF with its recommendations; outsiders do not', async () => {
    const docx = await inject('GET', `/api/reviews/${reviewId}/report.docx`, expert);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['cache-control']).toBe('private, no-store');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Strengthen the coordination of the anti-corruption bodies.');
    expect(text).toContain('2/AUT/52/2');
    const pdf = await inject('GET', `/api/reviews/${reviewId}/report.pdf`, focalPoint);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(pdf.rawPayload)).toContain('Train the financial intelligence unit.');
    expect((await inject('GET', `/api/reviews/${reviewId}/report.pdf`, delegate)).statusCode).toBe(403);
    expect((await inject('GET', `/api/reviews/${reviewId}/summary.docx?language=ar`, null)).statusCode).toBe(401);
  });

  it('anyone downloads a published Arabic summary as PDF, exactly as published', async () => {
    const profile = json<{ reviews: { cycle: number; published: { documents: { kind: string; language: string; id: string }[] } }[] }>(await inject('GET', '/api/public/countries/AUT', null));
    const arabic = profile.reviews.find((r) => r.cycle === 2)!.published.documents.find((d) => d.kind === 'executive-summary' && d.language === 'ar')!;
    const pdf = await inject('GET', `/api/public/publications/${arabic.id}.pdf`, null);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['cache-control']).toContain('immutable');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('CAC/COSP/IRG/II/1/1/Add.4');
    expect(text).toMatch(/النمسا/);
    const docx = await inject('GET', `/api/public/publications/${arabic.id}.docx`, null);
    expect((await mammoth.extractRawText({ buffer: docx.rawPayload })).value).toContain('لدى النمسا إطار قانوني متين لمكافحة الفساد.');
    expect((await inject('GET', '/api/public/publications/00000000-0000-4000-8000-000000000000.pdf', null)).statusCode).toBe(404);
  });
});

