/**
 * A backup taken while users are writing is one consistent snapshot (createBackup reads
 * every table in one REPEATABLE READ transaction): every foreign key in the file points to
 * a row in the file, and the audit trail in it lists exactly the writes it holds. Restored
 * into an empty database it gives back the same rows, table by table (count and sha256).
 * A damaged file is refused whole, with nothing restored.
 *
 * On PostgreSQL `openirm backup` runs as its own process next to the server. The embedded
 * engine is single-process: the CLI refuses a data folder the server holds, so there the
 * snapshot is taken on the server's own connection, as the server itself would.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, createBackup, restoreBackup, tableChecksum, type BackupFile } from '../../src/db/backup.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { createBlankDatabase, createTestDatabase, type TestDatabase } from '../db.ts';
import { TEST_ENGINE } from '../engines.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const run = promisify(execFile);
const CLI = path.resolve('bin/openirm.js');

let source: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let focalPoint: TestSession;
let secretariat: TestSession;
let reviewId: string;
let provisionIds: string[];
let articles: number[];
let workDir: string;

beforeAll(async () => {
  source = await createTestDatabase();
  app = await buildTestApp(source.database);
  secretariat = await sessionFor(source.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(source.database, 'focal.point@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  const checklist = json<{ sections: { provisions: { id: string }[] }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: focalPoint.headers }));
  provisionIds = checklist.sections.flatMap((s) => s.provisions.map((p) => p.id));
  articles = json<{ sections: { article: number }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/report`, headers: secretariat.headers })).sections.map((s) => s.article);
  workDir = mkdtempSync(path.join(tmpdir(), 'openirm-backup-'));
});
afterAll(async () => {
  await app.close();
  await source.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

/**
 * Users writing until `stop()`: the focal point saves checklist answers (a new version and
 * an audit entry each), the secretariat saves report sections (a version, recommendation
 * rows and an audit entry each). Resolves with the number of writes acknowledged.
 */
function writeStream() {
  let running = true;
  const versions = new Map<string, number>();
  const sections = new Map<number, number>();
  let acknowledged = 0;
  const checklistLoop = async () => {
    for (let i = 0; running; i += 1) {
      const provisionId = provisionIds[i % provisionIds.length]!;
      const version = versions.get(provisionId) ?? 0;
      const response = await app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/checklist/${encodeURIComponent(provisionId)}`, headers: focalPoint.headers, payload: { text: `answer ${i}`, version } });
      if (response.statusCode !== 200) throw new Error(`checklist save: ${response.body}`);
      versions.set(provisionId, version + 1);
      acknowledged += 1;
    }
  };
  const reportLoop = async () => {
    for (let i = 0; running; i += 1) {
      const article = articles[i % articles.length]!;
      const version = sections.get(article) ?? 0;
      const content = { summary: `<p>version ${version + 1}</p>`, observations: '', successes: '', challenges: '', recommendations: [{ text: `recommendation ${i} a` }, { text: `recommendation ${i} b` }], goodPractices: [], needs: [] };
      const response = await app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/report/sections/${article}`, headers: secretariat.headers, payload: { content, version } });
      if (response.statusCode !== 200) throw new Error(`report save: ${response.body}`);
      sections.set(article, version + 1);
      acknowledged += 1;
    }
  };
  const done = Promise.all([checklistLoop(), reportLoop()]);
  let failure: unknown;
  done.catch((error: unknown) => {
    failure = error;
  });
  return {
    /** Resolves once `count` writes are acknowledged, so the snapshot lands mid-stream. */
    reached: async (count: number) => {
      while (acknowledged < count) {
        if (failure) throw failure;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: async () => {
      running = false;
      await done;
      return acknowledged;
    },
  };
}

interface ForeignKey { table: string; columns: string[]; refTable: string; refColumns: string[] }

async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const found = await queryRows<{ table_name: string; columns: string[] | string; ref_table: string; ref_columns: string[] | string }>(
    db,
    sql`select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as ref_table,
          array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
          array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as ref_columns
        from pg_constraint c join pg_namespace s on s.oid = c.connamespace
        where c.contype = 'f' and s.nspname = 'public'`,
  );
  const list = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(','));
  return found.map((r) => ({ table: r.table_name.replace(/"/g, ''), columns: list(r.columns), refTable: r.ref_table.replace(/"/g, ''), refColumns: list(r.ref_columns) }));
}

/** Foreign keys in the file that point to no row in the file: none in a consistent snapshot. */
function danglingReferences(backup: BackupFile, keys: ForeignKey[]): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    const children = backup.tables[key.table] as Record<string, unknown>[] | undefined;
    const parents = backup.tables[key.refTable] as Record<string, unknown>[] | undefined;
    if (!children || !parents) continue; // a table kept out of backups on purpose (sessions)
    const present = new Set(parents.map((p) => key.refColumns.map((c) => String(p[c])).join('\u0000')));
    for (const child of children) {
      const values = key.columns.map((c) => child[c]);
      if (values.some((v) => v === null || v === undefined)) continue;
      const tuple = values.map(String).join('\u0000');
      if (!present.has(tuple)) problems.push(`${key.table}(${key.columns.join(',')}) = ${tuple} has no row in ${key.refTable}`);
    }
  }
  return problems;
}

/** Checklist and report versions in the file against the audit entries in the file. */
function auditAgreement(backup: BackupFile) {
  const rowsOf = (table: string) => backup.tables[table] as Record<string, unknown>[];
  const audit = rowsOf('audit_events').filter((a) => a.resource_id === reviewId);
  const key = (...parts: unknown[]) => parts.map(String).join('/');
  const answerVersions = rowsOf('checklist_answer_versions').filter((r) => r.review_id === reviewId).map((r) => key(r.provision_id, r.version)).sort();
  const answerAudit = audit.filter((a) => a.action === 'checklist.answer').map((a) => { const d = a.details as { provisionId: string; version: number }; return key(d.provisionId, d.version); }).sort();
  const sectionVersions = rowsOf('report_section_versions').filter((r) => r.review_id === reviewId).map((r) => key(r.article, r.version)).sort();
  const sectionAudit = audit.filter((a) => a.action === 'report.saveSection').map((a) => { const d = a.details as { article: number; version: number }; return key(d.article, d.version); }).sort();
  return { answerVersions, answerAudit, sectionVersions, sectionAudit };
}

function readBackupFile(file: string): BackupFile {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as BackupFile;
}

/** Rows and sha256 per table, as a backup of `db` serialises them. */
async function tableSums(db: Db): Promise<Record<string, { rows: number; sha256: string }>> {
  const again = await createBackup(db, new Date());
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, { rows: again.tables[t]!.length, sha256: tableChecksum(again.tables[t]!) }]));
}

describe('backup while users are writing', () => {
  let backup: BackupFile;
  let acknowledged = 0;

  it('takes one consistent snapshot: every reference resolves, the audit lists exactly the writes in it', async () => {
    const stream = writeStream();
    await stream.reached(20);
    if (TEST_ENGINE === 'postgres') {
      const file = path.join(workDir, 'during-writes.json.gz');
      const began = Date.now();
      const { stdout } = await run(process.execPath, [CLI, 'backup', file, '--database-url', source.url!], { env: { ...process.env, LOG_LEVEL: 'silent' } });
      console.log(`openirm backup while writing: ${Date.now() - began} ms; ${stdout.trim()}`);
      backup = readBackupFile(file);
    } else {
      const began = Date.now();
      backup = JSON.parse(JSON.stringify(await createBackup(source.database.db, new Date()))) as BackupFile;
      console.log(`in-process backup while writing (embedded engine): ${Date.now() - began} ms`);
    }
    acknowledged = await stream.stop();

    const keys = await foreignKeys(source.database.db);
    expect(keys.length).toBeGreaterThan(20);
    expect(danglingReferences(backup, keys)).toEqual([]);
    const agreement = auditAgreement(backup);
    expect(agreement.answerVersions.length + agreement.sectionVersions.length, 'the snapshot holds writes of the stream').toBeGreaterThan(0);
    expect(agreement.answerAudit).toEqual(agreement.answerVersions);
    expect(agreement.sectionAudit).toEqual(agreement.sectionVersions);
    // Taken mid-stream: the database moved on after the snapshot.
    const after = await queryRows<{ n: number | string }>(source.database.db, sql`select count(*) as n from checklist_answer_versions where review_id = ${reviewId}`);
    expect(Number(after[0]!.n)).toBeGreaterThanOrEqual(agreement.answerVersions.length);
    console.log(`backup while writing (${TEST_ENGINE}): ${acknowledged} writes acknowledged during the run; the snapshot holds ${agreement.answerVersions.length} checklist and ${agreement.sectionVersions.length} report versions, each with its audit entry; ${keys.length} foreign keys checked`);
  });

  it('restores into an empty database the same rows, table by table (count and sha256), as the manifest says', async () => {
    expect(backup.manifest).toBeDefined();
    const target = await createBlankDatabase();
    try {
      await runMigrations(target.database);
      await restoreBackup(target.database.db, backup);
      const restored = await tableSums(target.database.db);
      const differing = BACKUP_TABLES.filter((t) => restored[t]!.rows !== backup.manifest![t]!.rows || restored[t]!.sha256 !== backup.manifest![t]!.sha256);
      expect(differing).toEqual([]);
      const rows = Object.values(restored).reduce((n, t) => n + t.rows, 0);
      console.log(`restore (${TEST_ENGINE}): ${BACKUP_TABLES.length} tables, ${rows} rows, counts and sha256 equal to the backup's`);
    } finally {
      await target.dispose();
    }
  });

  it('refuses a damaged backup whole, with a clear message and nothing restored', async () => {
    const edited = structuredClone(backup);
    const answers = edited.tables.checklist_answer_versions as { text: string }[];
    answers[0]!.text = 'edited after the backup';
    const shortened = structuredClone(backup);
    shortened.tables.audit_events = shortened.tables.audit_events!.slice(1);

    const target = await createBlankDatabase();
    try {
      await runMigrations(target.database);
      await expect(restoreBackup(target.database.db, edited)).rejects.toThrow(/damaged: the rows of table checklist_answer_versions do not match their checksum/);
      await expect(restoreBackup(target.database.db, shortened)).rejects.toThrow(/damaged: table audit_events holds \d+ rows where its manifest says \d+/);
      const restored = await tableSums(target.database.db);
      expect(BACKUP_TABLES.filter((t) => restored[t]!.rows > 0)).toEqual([]);
    } finally {
      await target.dispose();
    }
  });

  it('the CLI refuses a truncated or edited file with one line and exit code 1', async () => {
    const whole = gzipSync(JSON.stringify(backup));
    const truncated = path.join(workDir, 'truncated.json.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const edited = path.join(workDir, 'edited.json.gz');
    const changed = structuredClone(backup);
    (changed.tables.users as { email: string }[])[0]!.email = 'intruder@example.org';
    writeFileSync(edited, gzipSync(JSON.stringify(changed)));

    const target = TEST_ENGINE === 'postgres' ? await createBlankDatabase() : undefined;
    const dataDir = path.join(workDir, 'restore-target');
    const where = target ? ['--database-url', target.url!] : ['--data-dir', dataDir];
    try {
      for (const [file, message] of [[truncated, /Cannot read .*truncated\.json\.gz as an Open IRM backup/], [edited, /damaged: the rows of table users do not match their checksum/]] as const) {
        const failed = await run(process.execPath, [CLI, 'restore', file, ...where], { env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code: number; stderr: string }) => error,
        );
        expect(failed.code).toBe(1);
        expect(failed.stderr).toMatch(message);
        expect(failed.stderr.trim().split('\n')).toHaveLength(1);
      }
      // Nothing restored: the target has no users (a fresh migrate seeds none).
      const opened = target ? undefined : await openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
      try {
        const users = await queryRows<{ n: number | string }>((target?.database ?? opened!).db, sql`select count(*) as n from users`);
        expect(Number(users[0]!.n)).toBe(0);
      } finally {
        await opened?.close();
      }
    } finally {
      await target?.dispose();
    }
  });

  it.runIf(TEST_ENGINE === 'pglite')('the CLI will not back up an embedded data folder a running server holds, and says why', async () => {
    const dataDir = path.join(workDir, 'held');
    const file = path.join(workDir, 'held.json.gz');
    // This test process stands in for the server: a live pid in the lock.
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'openirm.lock'), JSON.stringify({ pid: process.pid, purpose: 'server', since: new Date().toISOString() }));
    const failed = await run(process.execPath, [CLI, 'backup', file, '--data-dir', dataDir], { env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/in use by another process \(pid \d+, server\)/);
    expect(existsSync(file)).toBe(false);
  });
});
