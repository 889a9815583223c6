/**
 * Uploads when the disk says no: a file where the upload folder should be, a read-only
 * disk and a full disk (small tmpfs mounts; skipped with the reason where mounting is not
 * permitted). Each must give a clear problem+json, leave no half-written file and no
 * database row without its file, and the next upload after the fault is fixed must succeed.
 * Also: the server refuses to start on a data folder it cannot write.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { LocalFileStore } from '../../src/server/files/local-file-store.ts';
import { storeThenRecord } from '../../src/server/files/file-store.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const run = promisify(execFile);

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let focalPoint: TestSession;
let reviewId: string;
let root: string;
let filesDir: string;
/** Folders this test mounted, unmounted again at the end whatever happens. */
const mounted: string[] = [];

/** A PDF of the given size (file-type recognises it from "%PDF-"). */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x41), tail]);
}

function upload(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  return app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/5.1/attachments`, headers: focalPoint.headers, payload: form });
}

/** Every file under the upload folder, relative to it. */
function storedFiles(): string[] {
  if (!existsSync(filesDir)) return [];
  return readdirSync(filesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(filesDir, path.join(entry.parentPath, entry.name)));
}

async function attachmentKeys(): Promise<string[]> {
  const rows = await queryRows<{ storage_key: string }>(testDb.database.db, sql`select storage_key from attachments where review_id = ${reviewId} order by storage_key`);
  return rows.map((r) => r.storage_key);
}

/** Nothing half-written and no row without its file: the folder holds exactly the rows' files. */
async function expectFolderMatchesRows() {
  const files = storedFiles().filter((f) => !f.startsWith('.'));
  expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
  expect(files.sort()).toEqual(await attachmentKeys());
}

async function mount(dir: string, options: string): Promise<string | undefined> {
  mkdirSync(dir, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
    mounted.push(dir);
    return undefined;
  } catch (error) {
    return `mounting a tmpfs is not permitted here (${((error as { stderr?: string }).stderr ?? (error as Error).message).trim()})`;
  }
}

async function unmount(dir: string) {
  await run('umount', [dir]);
  mounted.splice(mounted.indexOf(dir), 1);
}

/** Can this machine mount a tmpfs at all (root with CAP_SYS_ADMIN)? Decided before the tests are collected. */
function mountProblem(): string | undefined {
  const probe = mkdtempSync('/tmp/openirm-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe]);
    return undefined;
  } catch (error) {
    return `mounting a tmpfs is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim()})`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const mountSkip = mountProblem();
if (mountSkip) console.warn(`disk faults: read-only and full-disk cases skipped, ${mountSkip}`);

beforeAll(async () => {
  root = mkdtempSync('/tmp/openirm-disk-');
  filesDir = path.join(root, 'files');
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { DATA_DIR: root, ATTACHMENT_MAX_BYTES: 1024 * 1024 });
  const secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});

/** A fresh, empty upload folder and no attachment rows: each fault starts from a clean slate. */
async function cleanSlate() {
  await testDb.database.db.execute(sql`delete from attachments where review_id = ${reviewId}`);
  rmSync(filesDir, { recursive: true, force: true });
}

afterEach(async () => {
  for (const dir of [...mounted].reverse()) await unmount(dir).catch(() => run('umount', ['-l', dir]));
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('an upload folder that cannot be written', () => {
  it('answers 503 with a plain message when a file stands where the folder should be, then works once it is fixed', async () => {
    writeFileSync(filesDir, 'not a folder');
    const refused = await upload('Act.pdf', pdfOf(2_000));
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    const body = json<{ code: string; detail: string }>(refused);
    expect(body.code).toBe('storage.unavailable');
    expect(body.detail).toMatch(/Nothing was saved/);
    expect(body.detail).not.toMatch(/\/tmp|\n\s+at /);
    expect(await attachmentKeys()).toEqual([]);

    rmSync(filesDir);
    const accepted = await upload('Act.pdf', pdfOf(2_000));
    expect(accepted.statusCode, accepted.body).toBe(201);
    await expectFolderMatchesRows();
  });

  it.skipIf(mountSkip !== undefined)('answers 503 on a read-only disk, then works once it is writable again', async () => {
    await cleanSlate();
    expect(await mount(filesDir, 'ro,size=1m')).toBeUndefined();
    const refused = await upload('Act.pdf', pdfOf(2_000));
    expect(refused.statusCode, refused.body).toBe(503);
    expect(json<{ code: string }>(refused).code).toBe('storage.unavailable');
    expect(await attachmentKeys()).toEqual([]);

    await run('mount', ['-o', 'remount,rw', filesDir]);
    const accepted = await upload('Act.pdf', pdfOf(2_000));
    expect(accepted.statusCode, accepted.body).toBe(201);
    await expectFolderMatchesRows();
  });
});

describe('a full disk', () => {
  it.skipIf(mountSkip !== undefined)('answers 507 and removes the half-written file; the next upload works once there is room', async () => {
    await cleanSlate();
    expect(await mount(filesDir, 'size=64k')).toBeUndefined();
    const small = await upload('Small.pdf', pdfOf(8_000));
    expect(small.statusCode, small.body).toBe(201);

    // 200 kB into a 64 kB disk: the write fails part-way with ENOSPC.
    const refused = await upload('Large.pdf', pdfOf(200_000));
    expect(refused.statusCode, refused.body).toBe(507);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = json<{ code: string; title: string; detail: string }>(refused);
    expect(body.code).toBe('storage.full');
    expect(body.detail).toMatch(/no space left/i);
    expect(await attachmentKeys()).toHaveLength(1);
    await expectFolderMatchesRows();

    await run('mount', ['-o', 'remount,size=1m', filesDir]);
    const accepted = await upload('Large.pdf', pdfOf(200_000));
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await attachmentKeys()).toHaveLength(2);
    await expectFolderMatchesRows();
    // The stored bytes are the uploaded ones.
    const { attachment } = json<{ attachment: { id: string } }>(accepted);
    const download = await app.inject({ url: `/api/reviews/${reviewId}/attachments/${attachment.id}`, headers: focalPoint.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfOf(200_000))).toBe(true);
    await unmount(filesDir);
  });
});

describe('a database row that cannot be written after the file was', () => {
  it('takes the stored file away again', async () => {
    const store = new LocalFileStore(path.join(root, 'orphans'));
    await expect(
      storeThenRecord(store, '2026/orphan-check', Buffer.from('bytes'), 'text/plain', () => Promise.reject(new Error('database went away'))),
    ).rejects.toThrow('database went away');
    expect(readdirSync(path.join(root, 'orphans', '2026'))).toEqual([]);
    await expect(storeThenRecord(store, '2026/kept', Buffer.from('bytes'), 'text/plain', () => Promise.resolve('row'))).resolves.toBe('row');
    expect(readdirSync(path.join(root, 'orphans', '2026'))).toEqual(['kept']);
  });
});

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  return copy;
}

describe('openirm start on a data folder it cannot write', () => {
  it('stops at once with one plain sentence naming the folder and DATA_DIR', async () => {
    const notAFolder = path.join(root, 'data-is-a-file');
    writeFileSync(notAFolder, 'x');
    const child = spawn(process.execPath, [path.resolve('bin/openirm.js'), 'start'], {
      env: { ...withoutDatabaseUrl(process.env), DATA_DIR: notAFolder, PORT: '0', LOG_LEVEL: 'silent', OPENIRM_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(notAFolder);
    expect(stderr).toMatch(/cannot be created or written.*DATA_DIR/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
