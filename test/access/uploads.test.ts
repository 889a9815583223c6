/**
 * Upload checks (issue 9, docs/SECURITY.md). The upload routes are found by asking every
 * write route for JSON: those that answer "send multipart/form-data" take files. Each one
 * refuses a file over ATTACHMENT_MAX_BYTES; the checklist attachment route is then checked
 * in depth: type from the bytes, never the name or the declared type; programs, web pages
 * and SVG refused; file names with folders, control characters or bidi overrides stored
 * clean; downloads served as attachments with nosniff and a sandbox CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { may } from '../../src/policies/policy.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const MAX_BYTES = 4096;
let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession;
let reviewId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

function multipart(filename: string, bytes: Buffer, type = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----openirm-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const fillUrl = (url: string) => url.replace(/:(\w+)/g, (_, p: string) => (p === 'id' ? reviewId : p === 'provisionId' ? '5.1' : p === 'language' ? 'en' : SAMPLE_ID));

async function uploadRoutes(): Promise<{ method: string; url: string }[]> {
  const found: { method: string; url: string }[] = [];
  for (const route of app.registeredRoutes.filter((r) => ['POST', 'PUT'].includes(r.method))) {
    if (!may({ kind: 'user', userId: 'x', role: 'secretariat', stateIso3: null, email: 'x' }, route.action)) continue;
    // A fresh session each time: some write routes (sign-out) end the session they run in.
    const session = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
    const response = await app.inject({ method: route.method as 'POST', url: fillUrl(route.url), headers: session.headers, payload: {} });
    if (response.statusCode === 415 && /multipart/i.test(response.body)) found.push(route);
  }
  return found;
}

const pdf = (extra = '') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${extra}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function attach(filename: string, bytes: Buffer, type?: string) {
  const { payload, headers } = multipart(filename, bytes, type);
  return app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/5.1/attachments`, headers: { ...focalPoint.headers, ...headers }, payload });
}

describe('uploads', () => {
  it('finds the upload routes and each refuses a file over the size limit with 413', async () => {
    const routes = await uploadRoutes();
    expect(routes.map((r) => r.url).sort()).toEqual(['/api/reviews/:id/checklist/:provisionId/attachments', '/api/reviews/:id/follow-up/evidence', '/api/sessions/:id/documents/:documentId/files/:language'].sort());
    for (const route of routes) {
      const { payload, headers } = multipart('big.pdf', pdf('x'.repeat(MAX_BYTES + 10)), 'application/pdf');
      const session = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
      const response = await app.inject({ method: route.method as 'POST', url: fillUrl(route.url), headers: { ...session.headers, ...headers }, payload });
      expect(response.statusCode, route.url).toBe(413);
      expect(json(response).code, route.url).toBe('attachment.tooLarge');
    }
  });

  it('types a file by its bytes, not by its name or declared type', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const response = await attach('law.pdf', Buffer.concat([png, Buffer.alloc(64)]), 'application/pdf');
    expect(response.statusCode).toBe(201);
    expect(json<{ attachment: { contentType: string } }>(response).attachment.contentType).toBe('image/png');
    const accepted = await attach('law.txt', pdf(), 'text/plain');
    expect(json<{ attachment: { contentType: string } }>(accepted).attachment.contentType).toBe('application/pdf');
  });

  it('refuses programs, web pages and SVG whatever their name, and changes nothing', async () => {
    const before = json<{ sections: { provisions: { id: string; answer: unknown }[] }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: focalPoint.headers }));
    const refused: [string, Buffer, string][] = [
      ['setup.pdf', Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000', 'hex'), Buffer.alloc(200)]), 'application/pdf'],
      ['tool.txt', Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(200)]), 'text/plain'],
      ['page.pdf', Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'), 'application/pdf'],
      ['page.txt', Buffer.from('<html><script>alert(1)</script></html>'), 'text/plain'],
      ['image.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml'],
      ['image.txt', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'text/plain'],
      ['notes.csv', Buffer.from('a,b\n1,"<script>alert(1)</script>"\n'), 'text/csv'],
      ['empty.pdf', Buffer.alloc(0), 'application/pdf'],
    ];
    for (const [name, bytes, type] of refused) {
      const response = await attach(name, bytes, type);
      expect([400, 415], name).toContain(response.statusCode);
    }
    const after = json<typeof before>(await app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: focalPoint.headers }));
    expect(after).toEqual(before);
  });

  it('stores names with folders, control characters or bidi overrides clean, and serves every download as an attachment', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['..\\..\\windows\\win.ini.pdf', 'win.ini.pdf'],
      ['evil\u0001\u001b\u007fname.pdf', 'evilname.pdf'],
      ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ];
    for (const [name, stored] of names) {
      const response = await attach(name, pdf());
      expect(response.statusCode, name).toBe(201);
      const { attachment } = json<{ attachment: { id: string; filename: string } }>(response);
      expect(attachment.filename, name).toBe(stored);
      const download = await app.inject({ url: `/api/reviews/${reviewId}/attachments/${attachment.id}`, headers: focalPoint.headers });
      expect(download.statusCode).toBe(200);
      const disposition = String(download.headers['content-disposition']);
      expect(disposition.startsWith('attachment;'), disposition).toBe(true);
      expect(/[\r\n]/.test(disposition) || disposition.includes(String.fromCharCode(0))).toBe(false);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(String(download.headers['content-security-policy'])).toContain('sandbox');
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(pdf())).toBe(true);
    }
  });
});
