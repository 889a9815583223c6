/**
 * Rich text, attachments, versions and desk-review answers of the checklist, through the API
 * on a real database, with files on a real disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // of AUT
let expert: TestSession; // of KEN
let reviewId: string;

const MAX_BYTES = 4096;
// The start of a real PDF: file-type recognises it from "%PDF-".
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// A Windows program ("MZ" header) dressed up as a PDF.
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

interface Attachment { id: string; filename: string; contentType: string; sizeBytes: number }
interface Provision { id: string; answer: { text: string; version: number } | null; attachments: Attachment[] }
interface Checklist { view: string; submissions: { number: number; reason: string }[]; sections: { provisions: Provision[] }[] }

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { ATTACHMENT_MAX_BYTES: MAX_BYTES });
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const provisionOf = async (session: TestSession, id: string) =>
  json<Checklist>(await app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: session.headers }))
    .sections.flatMap((s) => s.provisions)
    .find((p) => p.id === id)!;
const answer = (session: TestSession, provisionId: string, text: string, version: number) =>
  app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/checklist/${provisionId}`, headers: session.headers, payload: { text, version } });
const submit = () => app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/submit`, headers: focalPoint.headers });
function upload(session: TestSession, provisionId: string, filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  return app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/${provisionId}/attachments`, headers: session.headers, payload: form });
}
const attachmentCount = async () => testDb.database.db.execute('select count(*)::int as n from attachments');

describe('rich text answers', () => {
  it('keeps formatting and strips anything that could run in a reader’s browser', async () => {
    const saved = await answer(focalPoint, '5.1', '<p>The <strong>Act of 2019</strong> <a href="https://ris.bka.gv.at">(text)</a><img src=x onerror="alert(1)"><script>alert(2)</script></p>', 0);
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = (await provisionOf(focalPoint, '5.1')).answer!.text;
    expect(stored).toContain('<strong>Act of 2019</strong>');
    expect(stored).toContain('href="https://ris.bka.gv.at"');
    expect(stored).not.toMatch(/script|onerror|<img/);
  });
});

describe('checklist progress on the review page', () => {
  it('is given to the parties only, counted on the version each reads', async () => {
    const progressOf = async (session: TestSession | null) => json<{ review: { checklist: { answered: number; total: number; lastSubmission: number | null } | null } }>(await app.inject({ url: `/api/reviews/${reviewId}`, headers: session?.headers ?? {} })).review.checklist;
    expect(await progressOf(focalPoint)).toEqual({ answered: 1, total: 107, lastSubmission: null });
    // Nothing submitted yet: the reviewers read an empty checklist.
    expect(await progressOf(expert)).toEqual({ answered: 0, total: 107, lastSubmission: null });
    expect(await progressOf(null)).toBeNull();
    expect(await progressOf(await sessionFor(testDb.database, 'delegate@demo.test'))).toBeNull();
  });
});

describe('attachments', () => {
  it('accepts a document by its bytes and serves it back, to the parties only', async () => {
    const response = await upload(focalPoint, '5.1', 'Anti-corruption Act 2019.pdf', PDF);
    expect(response.statusCode, response.body).toBe(201);
    const { attachment } = json<{ attachment: Attachment }>(response);
    expect(attachment).toMatchObject({ filename: 'Anti-corruption Act 2019.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    expect((await provisionOf(focalPoint, '5.1')).attachments.map((a) => a.id)).toEqual([attachment.id]);

    const download = await app.inject({ url: `/api/reviews/${reviewId}/attachments/${attachment.id}`, headers: focalPoint.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Anti-corruption%20Act%202019.pdf");
    expect(download.headers['content-security-policy']).toContain('sandbox');

    // The reviewers see files of a submitted version only; outsiders never.
    expect((await app.inject({ url: `/api/reviews/${reviewId}/attachments/${attachment.id}`, headers: expert.headers })).statusCode).toBe(404);
    const delegate = await sessionFor(testDb.database, 'delegate@demo.test');
    expect((await app.inject({ url: `/api/reviews/${reviewId}/attachments/${attachment.id}`, headers: delegate.headers })).statusCode).toBe(403);
    expect((await upload(expert, '5.1', 'x.pdf', PDF)).statusCode).toBe(403);
  });

  it('refuses a program named .pdf, a web page, an empty file and a file over the limit, storing nothing', async () => {
    const before = JSON.stringify(await attachmentCount());
    const exe = await upload(focalPoint, '5.2', 'law.pdf', EXE);
    expect(exe.statusCode).toBe(415);
    expect(json<{ detail: string }>(exe).detail).toMatch(/cannot be attached/);
    expect((await upload(focalPoint, '5.2', 'page.html', Buffer.from('<html><script>alert(1)</script></html>'))).statusCode).toBe(415);
    expect((await upload(focalPoint, '5.2', 'empty.txt', Buffer.alloc(0))).statusCode).toBe(400);
    const big = await upload(focalPoint, '5.2', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]));
    expect(big.statusCode).toBe(413);
    expect(json<{ code: string }>(big).code).toBe('attachment.tooLarge');
    expect((await upload(focalPoint, '99.1', 'law.pdf', PDF)).statusCode).toBe(400);
    const notMultipart = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/5.2/attachments`, headers: focalPoint.headers, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect(JSON.stringify(await attachmentCount())).toBe(before);
    // Text passes as text when it is named as text.
    const csv = await upload(focalPoint, '5.2', 'cases.csv', Buffer.from('year,cases\n2019,12\n2020,15\n'));
    expect(json<{ attachment: Attachment }>(csv).attachment.contentType).toBe('text/csv');
  });

  it('keeps a removed file in the submitted version that cites it', async () => {
    const pdfId = (await provisionOf(focalPoint, '5.1')).attachments[0]!.id;
    expect((await submit()).statusCode).toBe(200);
    const seen = await provisionOf(expert, '5.1');
    expect(seen.attachments.map((a) => a.id)).toEqual([pdfId]);
    expect((await app.inject({ url: `/api/reviews/${reviewId}/attachments/${pdfId}`, headers: expert.headers })).statusCode).toBe(200);

    expect((await app.inject({ method: 'DELETE', url: `/api/reviews/${reviewId}/attachments/${pdfId}`, headers: expert.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/reviews/${reviewId}/attachments/${pdfId}`, headers: focalPoint.headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/reviews/${reviewId}/attachments/${pdfId}`, headers: focalPoint.headers })).statusCode).toBe(404);
    expect((await provisionOf(focalPoint, '5.1')).attachments).toEqual([]);
    expect((await provisionOf(expert, '5.1')).attachments.map((a) => a.id)).toEqual([pdfId]);
  });
});

describe('versions', () => {
  it('keeps every version of an answer and compares submissions', async () => {
    const current = (await provisionOf(focalPoint, '5.1')).answer!;
    expect((await answer(focalPoint, '5.1', '<p>Corrected: the <em>Act of 2020</em>.</p>', current.version)).statusCode).toBe(200);
    const history = json<{ versions: { version: number; text: string; submissions: number[] }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/checklist/5.1/versions`, headers: focalPoint.headers })).versions;
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]!.text).toContain('Act of 2020');
    expect(history[1]!.submissions).toEqual([1]);
    // Reviewers see only what was submitted.
    const reviewerHistory = json<{ versions: { version: number }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/checklist/5.1/versions`, headers: expert.headers })).versions;
    expect(reviewerHistory.map((v) => v.version)).toEqual([1]);

    const toWorking = json<{ changes: { provisionId: string; before: { answer: { version: number } }; after: { answer: { version: number }; attachments: unknown[] } }[] }>(
      await app.inject({ url: `/api/reviews/${reviewId}/checklist/compare?from=1&to=working`, headers: focalPoint.headers }),
    );
    const change = toWorking.changes.find((c) => c.provisionId === '5.1')!;
    expect(change.before.answer.version).toBe(1);
    expect(change.after.answer.version).toBe(2);
    expect(change.after.attachments).toEqual([]);
    expect((await app.inject({ url: `/api/reviews/${reviewId}/checklist/compare?from=1&to=working`, headers: expert.headers })).statusCode).toBe(403);

    expect((await submit()).statusCode).toBe(200);
    const submitted = json<{ changes: { provisionId: string }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/checklist/compare?from=1&to=2`, headers: expert.headers }));
    expect(submitted.changes.map((c) => c.provisionId)).toEqual(['5.1']);
    expect((await app.inject({ url: `/api/reviews/${reviewId}/checklist/compare?from=1&to=9`, headers: expert.headers })).statusCode).toBe(404);
  });
});

describe('desk-review answers', () => {
  it('adds the State’s reply to its answer as a new version the reviewers see at once', async () => {
    const opened = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: expert.headers, payload: { provisionId: '5.1', kind: 'question', body: 'Has the Act been applied in court?' } });
    const threadId = json<{ id: string }>(opened).id;
    const reply = (session: TestSession, body: string) => app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads/${threadId}/messages`, headers: session.headers, payload: { body, addToAnswer: true } });
    expect((await reply(expert, 'Reviewers cannot write the answer')).statusCode).toBe(403);
    const before = (await provisionOf(focalPoint, '5.1')).answer!.version;
    expect((await reply(focalPoint, 'Yes: 12 convictions in 2021 <b>under</b> the Act.')).statusCode).toBe(204);

    const working = (await provisionOf(focalPoint, '5.1')).answer!;
    expect(working.version).toBe(before + 1);
    expect(working.text).toContain('Act of 2020');
    expect(working.text).toContain('<p>Yes: 12 convictions in 2021 &lt;b&gt;under&lt;/b&gt; the Act.</p>');
    const reviewerView = json<Checklist>(await app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: expert.headers }));
    expect(reviewerView.submissions[0]).toMatchObject({ number: 3, reason: 'desk-review' });
    expect(reviewerView.sections.flatMap((s) => s.provisions).find((p) => p.id === '5.1')!.answer!.text).toContain('12 convictions');
    const threads = json<{ threads: { id: string; messages: { answerVersion: number | null }[] }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/threads`, headers: expert.headers })).threads;
    expect(threads.find((t) => t.id === threadId)!.messages.map((m) => m.answerVersion)).toEqual([null, before + 1]);
  });
});
