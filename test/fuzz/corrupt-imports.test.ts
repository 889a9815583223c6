/**
 * Corrupt files fed to the imports (reviews and assistance needs, through the API the CLI
 * shares its readers with; session documents and answer attachments through their upload
 * routes): each is refused whole — the database is exactly as before, every table — with a
 * report that names the line or field at fault.
 */
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, sessionFor, type TestSession } from '../server.ts';
import { changedTables, fullChecksum, query, userTables } from './db-change.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let tables: string[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  // The session row slides its expiry on use; everything else must stay as it was.
  tables = (await userTables(testDb.database)).filter((t) => t !== 'sessions');
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const REVIEW_HEADER = 'state_iso3,cycle,cohort_year,reviewer1_iso3,reviewer2_iso3,started,focal_point_appointed,checklist_submitted,desk_review_completed,dialogue_type,dialogue_held,draft_report_shared,executive_summary_finalised,report_finalised,executive_summary_published,report_published';
const REVIEW_ROWS = ['NOR,2,1,DEU,KEN,2016-06-01,2016-06-15,,,,,,,,,', 'SWE,2,1,UGA,FRA,2016-06-01,2016-07-01,,,,,,,,,'];
const NEEDS_HEADER = 'state_iso3,cycle,article,type,description';
const NEEDS_ROWS = ['NOR,2,5,policymaking,A national anti-corruption strategy', 'SWE,2,9,,Training for procurement officers'];

/** Deterministic garbage: the same bytes on every run. */
function garbage(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  return bytes;
}

/** A zip archive whose one entry inflates 20 MB of zeros from a few kilobytes: a bomb, named .csv. */
function zipBomb(): Buffer {
  const deflated = deflateRawSync(Buffer.alloc(20 * 1024 * 1024));
  const name = Buffer.from('data.csv');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(deflated.length, 18);
  header.writeUInt32LE(20 * 1024 * 1024, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, deflated]);
}

interface Case {
  name: string;
  payload: string | Buffer | object;
  contentType?: string;
  /** What the report must say: a line number, a field, or the kind of fault. */
  report: RegExp;
}

function casesFor(header: string, rows: string[], badRow: string, badField: RegExp): Case[] {
  const good = [header, ...rows].join('\n');
  return [
    { name: 'truncated mid-cell (an open quote)', payload: `${good}\n${rows[0]!.slice(0, 9)}"unfinished`, report: /line 4|Quote|quote/ },
    { name: 'cut off mid-row', payload: `${header}\n${rows[0]!.slice(0, 6)}`, report: /line 2/ },
    { name: 'UTF-16 without a byte-order mark', payload: Buffer.from(good, 'utf16le'), report: /line 1.*NUL byte.*UTF-16/ },
    { name: 'Latin-1 bytes (not UTF-8)', payload: Buffer.concat([Buffer.from(`${good}\n`), Buffer.from(rows[0]!.replace(/,([^,]*)$/, ',Caf\u00e9 r\u00e9sum\u00e9'), 'latin1')]), report: /line 4.*not UTF-8/ },
    { name: 'binary garbage', payload: garbage(4_000), report: /not UTF-8 text|cannot be read/ },
    { name: 'a zip bomb renamed .csv', payload: zipBomb(), report: /line 1.*NUL byte/ },
    { name: 'one bad row among good ones', payload: `${good}\n${badRow}\n${rows[1]}`, report: new RegExp(`line 4.*${badField.source}`) },
    { name: 'a huge line (900 kB cell)', payload: `${good}\n${rows[0]!.split(',')[0]},${'9'.repeat(900_000)}`, report: /line 4/ },
    { name: 'a file above the body limit', payload: `${good}\n${'x'.repeat(1_100_000)}`, report: /larger than the server accepts/ },
    { name: 'JSON: rows is not an array', payload: { rows: 'NOR,2' }, contentType: 'application/json', report: /rows/ },
    { name: 'JSON: rows of numbers', payload: { rows: [1, 2] }, contentType: 'application/json', report: /rows/ },
    { name: 'JSON: nested objects for cells', payload: { rows: [{ state_iso3: { iso3: 'NOR' }, cycle: [2] }] }, contentType: 'application/json', report: /line \d.*(state|cycle|column)/ },
    { name: 'JSON: an array, not { rows }', payload: [{ state_iso3: 'NOR' }], contentType: 'application/json', report: /body/ },
  ];
}

async function send(url: string, c: Case) {
  const isJson = c.contentType === 'application/json';
  return app.inject({
    method: 'POST',
    url,
    headers: { ...secretariat.headers, 'content-type': c.contentType ?? 'text/csv' },
    payload: isJson ? JSON.stringify(c.payload) : (c.payload),
  });
}

async function expectRefusedWhole(url: string, c: Case) {
  const before = await fullChecksum(testDb.database, tables);
  const response = await send(url, c);
  expect(response.statusCode, `${c.name}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, c.name).toBeLessThan(500);
  expect(String(response.headers['content-type']), c.name).toContain('application/problem+json');
  const body = JSON.parse(response.body) as { detail: string; errors?: { message: string }[] };
  const report = [body.detail, ...(body.errors ?? []).map((e) => e.message)].join('\n');
  expect(report, c.name).toMatch(c.report);
  expect(changedTables(before, await fullChecksum(testDb.database, tables)), c.name).toEqual([]);
}

describe('corrupt imports are refused whole, with a report', () => {
  it('the check can fail: a good review file is imported and changes the database', async () => {
    const before = await fullChecksum(testDb.database, tables);
    const good = await send('/api/import/reviews', { name: 'good', payload: [REVIEW_HEADER, ...REVIEW_ROWS].join('\n'), report: /./ });
    expect(good.statusCode, good.body).toBe(200);
    expect(changedTables(before, await fullChecksum(testDb.database, tables))).toContain('reviews');
  });

  const reviewCases = casesFor(REVIEW_HEADER, REVIEW_ROWS.map((r) => r.replace(/^(NOR|SWE)/, (s) => (s === 'NOR' ? 'DNK' : 'FIN'))), 'ZZZ,2,1,DEU,KEN,2016-06-01,,,,,,,,,,', /ZZZ|state/);
  for (const c of reviewCases) {
    it(`reviews: ${c.name}`, () => expectRefusedWhole('/api/import/reviews', c));
  }

  const needsCases = casesFor(NEEDS_HEADER, NEEDS_ROWS, 'NOR,2,5,notAType,A need of an unknown type', /type/);
  for (const c of needsCases) {
    it(`needs: ${c.name}`, () => expectRefusedWhole('/api/import/needs', c));
  }

  it('uploads: garbage named .pdf/.docx and a cut-off body change nothing', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: { bodies: ['IRG'], number: 11, resumedPart: 2, startDate: '2020-11-16', endDate: '2020-11-18', venue: 'Vienna', format: 'online' } });
    expect(created.statusCode, created.body).toBe(201);
    const sessionId = (JSON.parse(created.body) as { session: { id: string } }).session.id;
    const added = await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, headers: secretariat.headers, payload: { symbol: 'CAC/COSP/IRG/2020/7', title: 'Technical assistance needs', distribution: 'general', distributedOn: '2020-09-01', role: 'other' } });
    expect(added.statusCode, added.body).toBe(201);
    const [document] = await query<{ id: string }>(testDb.database, `select id from session_documents where symbol = 'CAC/COSP/IRG/2020/7'`);
    const url = `/api/sessions/${sessionId}/documents/${document!.id}/files/en`;
    const boundary = 'corrupt';
    const file = (filename: string, bytes: Buffer, close = true) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`), bytes, Buffer.from(close ? `\r\n--${boundary}--\r\n` : '')]);
    for (const [name, payload, status] of [
      ['garbage named .pdf', file('minutes.pdf', garbage(10_000)), 415],
      ['a zip bomb named .docx', file('minutes.docx', zipBomb()), 415],
      ['a PDF header then garbage, cut off', file('../../etc/passwd.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage(5_000)]), false), 400],
    ] as const) {
      const before = await fullChecksum(testDb.database, tables);
      const response = await app.inject({ method: 'POST', url, headers: { ...secretariat.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(changedTables(before, await fullChecksum(testDb.database, tables)), name).toEqual([]);
    }
  });
});
