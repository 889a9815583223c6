/**
 * The checklist as DOCX: generated through the API, then opened as a user's tools would —
 * by a DOCX parser (mammoth) and by LibreOffice converting it to PDF (read back with
 * pdftotext). Confidentiality is the checklist's: parties only, reviewers the submitted version.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { TMP_DIR } from '../engines.ts';
import { buildTestApp, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const run = promisify(execFile);

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // of AUT
let expert: TestSession; // of KEN
let reviewId: string; // AUT, cycle 1 (structured), reviewed by DEU and KEN
let otherReviewId: string; // FRA, reviewed by DEU and ITA: nothing to do with KEN

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ANSWER_HTML = '<p>Section 304 of the <strong>Criminal Code</strong> applies.</p><ul><li>Convictions are published yearly.</li></ul>';

function createReview(state: string, reviewers: [string, string]): Promise<string> {
  return openReviewWithFocalPoint(app, secretariat, { state, cycle: 1, reviewers, started: '2011-03-01', focalPointAppointed: '2011-03-20' });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  reviewId = await createReview('AUT', ['DEU', 'KEN']);
  otherReviewId = await createReview('FRA', ['DEU', 'ITA']);
  const saved = await app.inject({
    method: 'PUT',
    url: `/api/reviews/${reviewId}/checklist/${encodeURIComponent('15(a)')}`,
    headers: focalPoint.headers,
    payload: { compliance: 'partially', text: ANSWER_HTML, assistanceNeeds: { types: ['legal-advice'], text: 'Training for prosecutors' }, version: 0 },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const download = (session: TestSession | null, id = reviewId) => app.inject({ url: `/api/reviews/${id}/checklist.docx`, headers: session?.headers ?? {} });
const rawText = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}
const HAS_OFFICE = onPath('soffice') && onPath('pdftotext');
// CI installs LibreOffice and poppler (.ci/run): there a missing tool fails the test instead of skipping it.
const RUN_OFFICE = HAS_OFFICE || process.env.CI === 'true';

describe('checklist as DOCX', () => {
  it('gives the focal point a Word document that a DOCX parser reads: title, headings, answers, bold, unanswered provisions', async () => {
    const response = await download(focalPoint);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toBe('attachment; filename="checklist-AUT-cycle1.docx"');
    expect(response.headers['cache-control']).toContain('no-store');
    const bytes = response.rawPayload;
    const text = await rawText(bytes);
    for (const expected of [
      'Self-assessment checklist — Austria — Review cycle 1 (chapters III and IV)',
      'Working version',
      'Article 15. Bribery of national public officials',
      'Article 15 (a)',
      'Compliance: Partially',
      'Section 304 of the Criminal Code applies.',
      'Convictions are published yearly.',
      'Technical assistance needed: Legal advice',
      'Training for prosecutors',
      'Not answered yet',
    ]) {
      expect(text).toContain(expected);
    }
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<strong>Criminal Code</strong>');
    expect(html).toContain('<li>Convictions are published yearly.</li>');

    const audit = await listAuditEvents(testDb.database.db, { limit: 5, resourceType: 'review', resourceId: reviewId });
    expect(audit.find((e) => e.action === 'checklist.export')).toMatchObject({ actorLabel: 'focal.point@demo.test', details: { format: 'docx', view: 'working' } });
  });

  it.runIf(RUN_OFFICE)(
    'opens in LibreOffice: converted to PDF, the text and the page numbers are there',
    async () => {
      expect(HAS_OFFICE, 'soffice and pdftotext must be installed (LibreOffice writer and poppler-utils; .ci/run installs them)').toBe(true);
      mkdirSync(TMP_DIR, { recursive: true });
      const dir = mkdtempSync(path.join(TMP_DIR, 'docx-'));
      try {
        const file = path.join(dir, 'checklist-AUT-cycle1.docx');
        writeFileSync(file, (await download(secretariat)).rawPayload);
        // A private profile: parallel runs of LibreOffice do not share (and lock) one.
        const profile = pathToFileURL(path.join(dir, 'profile')).href;
        await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 150_000 });
        const pdf = path.join(dir, 'checklist-AUT-cycle1.pdf');
        expect(existsSync(pdf), 'LibreOffice wrote no PDF').toBe(true);
        const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { timeout: 30_000, maxBuffer: 32 * 1024 * 1024 });
        const text = stdout.replace(/\s+/g, ' ');
        for (const expected of ['Austria', 'Article 15. Bribery of national public officials', 'Section 304 of the Criminal Code applies.', 'Not answered yet', 'CONFIDENTIAL', 'Page 1 of']) {
          expect(text).toContain(expected);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('gives a reviewing expert the submitted version only', async () => {
    const before = await download(expert);
    expect(before.statusCode).toBe(200);
    const beforeText = await rawText(before.rawPayload);
    expect(beforeText).toContain('has not submitted its checklist yet');
    expect(beforeText).not.toContain('Section 304');

    const submitted = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/submit`, headers: focalPoint.headers });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const draft = await app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/checklist/${encodeURIComponent('15(b)')}`, headers: focalPoint.headers, payload: { compliance: 'yes', text: 'Draft after the submission', version: 0 } });
    expect(draft.statusCode, draft.body).toBe(200);

    const after = await rawText((await download(expert)).rawPayload);
    expect(after).toMatch(/Submitted version 1 of \d{1,2} \w+ \d{4}/);
    expect(after).toContain('Section 304 of the Criminal Code applies.');
    expect(after).not.toContain('Draft after the submission');
    // The State and the secretariat see their working version, draft included.
    expect(await rawText((await download(secretariat)).rawPayload)).toContain('Draft after the submission');
  });

  it('refuses outsiders: anonymous 401, a delegate and an expert of an unrelated review 403, an unknown review 404', async () => {
    expect((await download(null)).statusCode).toBe(401);
    expect((await download(await sessionFor(testDb.database, 'delegate@demo.test'))).statusCode).toBe(403);
    const outsider = await download(expert, otherReviewId);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.headers['content-type']).toContain('application/problem+json');
    expect((await download(secretariat, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
