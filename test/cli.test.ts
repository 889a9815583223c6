/**
 * The `openirm` command, run as a real child process: account management, seed,
 * backup and restore, and the one-line errors for bad configuration.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { createEmptyPostgresDatabase, createTestDatabase } from './db.ts';
import { PGLITE_TEMPLATE_FILE, TEST_ENGINE, TMP_DIR } from './engines.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function openirm(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/openirm.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'development', DATABASE_URL: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The target: a data folder cloned from the template, or a cloned PostgreSQL database. */
let target: Record<string, string>;
let cleanup: () => Promise<void> = async () => undefined;
const dataDir = path.join(TMP_DIR, `cli-${process.pid}`);

beforeAll(async () => {
  if (TEST_ENGINE === 'postgres') {
    const db = await createTestDatabase();
    await db.database.close();
    target = { DATABASE_URL: db.url! };
    cleanup = () => db.dispose().catch(() => undefined);
  } else {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const database = await openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, 'pgdata'), loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
    await database.close();
    target = { DATA_DIR: dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

/** Errors are one plain line on stderr, never a stack trace. */
function expectOneLineError(run: Run, pattern: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('openirm user …', () => {
  it('creates, lists, disables and resets accounts', async () => {
    const created = await openirm(['user', 'create', '--email', 'Officer@UNODC.example', '--name', 'Officer', '--role', 'secretariat'], { ...target, OPENIRM_PASSWORD: 'a long enough password' });
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created officer@unodc.example (secretariat)');

    const duplicate = await openirm(['user', 'create', '--email', 'officer@unodc.example', '--name', 'Again', '--role', 'delegate', '--password', 'a long enough password'], target);
    expectOneLineError(duplicate, /already exists/);

    const weak = await openirm(['user', 'create', '--email', 'x@unodc.example', '--name', 'X', '--role', 'delegate', '--password', 'short'], target);
    expectOneLineError(weak, /at least 12 characters/);

    const disabled = await openirm(['user', 'disable', 'officer@unodc.example'], target);
    expect(disabled.stdout).toContain('is now disabled');
    const reset = await openirm(['user', 'reset-password', 'officer@unodc.example', '--password', 'another long password'], target);
    expect(reset.stdout).toContain('Password of officer@unodc.example reset');

    const list = await openirm(['user', 'list'], target);
    expect(list.stdout).toMatch(/officer@unodc\.example\s+secretariat\s+-\s+disabled/);
    expect(list.stdout).toMatch(/focal\.point@demo\.test\s+focal-point\s+AUT\s+active,demo/);
  });

  it('seeds again without changing anything', async () => {
    const run = await openirm(['seed'], target);
    expect(run.stdout).toContain('Reference data: already loaded. Demo accounts added: 0.');
  });
});

describe('backup and restore', () => {
  it('round-trips through a file into an empty database', async () => {
    const file = path.join(TMP_DIR, `backup-${process.pid}.json.gz`);
    const backup = await openirm(['backup', file], target);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Backup written to .* \(\d+ rows\)/);

    let restoreTarget: Record<string, string>;
    let dropTarget: () => Promise<void>;
    if (TEST_ENGINE === 'postgres') {
      const empty = await createEmptyPostgresDatabase();
      restoreTarget = { DATABASE_URL: empty.url };
      dropTarget = () => empty.drop();
    } else {
      const dir = path.join(TMP_DIR, `restore-${process.pid}`);
      rmSync(dir, { recursive: true, force: true });
      restoreTarget = { DATA_DIR: dir };
      dropTarget = async () => rmSync(dir, { recursive: true, force: true });
    }
    try {
      const restored = await openirm(['restore', file], restoreTarget);
      expect(restored.stderr).toBe('');
      expect(restored.stdout).toMatch(/Restored \d+ rows/);
      const list = await openirm(['user', 'list'], restoreTarget);
      expect(list.stdout).toContain('officer@unodc.example');
      const twice = await openirm(['restore', file], restoreTarget);
      expectOneLineError(twice, /not empty/);
    } finally {
      await dropTarget();
      rmSync(file, { force: true });
    }
  });

  it('refuses a file that is not a backup', async () => {
    const file = path.join(TMP_DIR, `not-a-backup-${process.pid}.txt`);
    writeFileSync(file, 'hello');
    expectOneLineError(await openirm(['restore', file], target), /Cannot read .* as an Open IRM backup/);
    rmSync(file, { force: true });
  });
});

describe('openirm lots …', () => {
  it('draws for every party at once, writes a record that verifies, and rejects a tampered copy', async () => {
    const file = path.join(TMP_DIR, `record-${process.pid}.json`);
    const drawn = await openirm(['lots', 'draw', '--all-parties', '--entropy', 'dice 4 2 6', '--out', file], target);
    expect(drawn.stderr).toBe('');
    expect(drawn.stdout).toMatch(/^AUT\s+[A-Z]{3}\s+[A-Z]{3}$/m);
    const verified = await openirm(['lots', 'verify', file], {});
    expect(verified.stdout.trim()).toBe('VALID');
    expect(verified.code).toBe(0);
    const record = JSON.parse(readFileSync(file, 'utf8')) as { result: { reviewers: string[] }[] };
    record.result[0]!.reviewers.reverse();
    writeFileSync(file, JSON.stringify(record));
    const rejected = await openirm(['lots', 'verify', file], {});
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/^INVALID/);
    rmSync(file, { force: true });
  });

  it('audits fairness over seeded draws', async () => {
    const audit = await openirm(['lots', 'audit', '--all-parties', '--runs', '40'], target);
    expect(audit.stderr).toBe('');
    expect(audit.stdout).toMatch(/^40 draws of \d+ States under review/);
    expect(audit.stdout).toMatch(/worst ratio: \d\.\d{3}/);
  });

  it('refuses an unknown cohort in one line and writes nothing', async () => {
    expectOneLineError(await openirm(['lots', 'draw', '--cohort', '9/1'], target), /There is no cycle 9/);
    expectOneLineError(await openirm(['lots', 'draw', '--cohort', '2/1'], target), /has no States yet/);
    expectOneLineError(await openirm(['lots', 'draw', '--cohort', 'two'], target), /--cohort must look like CYCLE\/YEAR/);
  });
});

describe('openirm import reviews', () => {
  it('imports a CSV once, lists every bad row of a bad file and writes nothing', async () => {
    const header = 'state_iso3,cycle,cohort_year,reviewer1_iso3,reviewer2_iso3,started,focal_point_appointed,checklist_submitted,desk_review_completed,dialogue_type,dialogue_held,draft_report_shared,executive_summary_finalised,report_finalised,executive_summary_published,report_published';
    const good = path.join(TMP_DIR, `reviews-${process.pid}.csv`);
    writeFileSync(good, `${header}\nPER,1,2,CHL,ESP,2011-06-01,2011-06-20,2011-09-01,,,,,,,,\n`);
    const first = await openirm(['import', 'reviews', good], target);
    // Created, or updated when the demo data already has a review of Peru in cycle 1.
    expect(first.stdout).toMatch(/: (1 created, 0 updated|0 created, 1 updated), 0 unchanged/);
    const again = await openirm(['import', 'reviews', good], target);
    expect(again.stdout).toContain('0 created, 0 updated, 1 unchanged');
    const bad = path.join(TMP_DIR, `reviews-bad-${process.pid}.csv`);
    writeFileSync(bad, `${header}\nCOL,1,2,PER,ECU,2011-06-01,,,,,,,,,,\nZZZ,1,2,PER,ECU,2011-06-01,,,,,,,,,,\nBOL,1,2,BOL,ECU,2011-06-01,,,,,,,,,,\n`);
    const refused = await openirm(['import', 'reviews', bad], target);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/line 3: /);
    expect(refused.stdout).toMatch(/line 4: /);
    expect(refused.stderr).toMatch(/problem\(s\) in the file; nothing was imported/);
    rmSync(good, { force: true });
    rmSync(bad, { force: true });
  });
});

describe('openirm needs classify and import needs', () => {
  it('prints one JSON object per line, aligned with the input, from a file or standard input', async () => {
    const file = path.join(TMP_DIR, `needs-${process.pid}.txt`);
    writeFileSync(file, 'Training of judges on asset recovery\n\nA model law on the protection of whistle-blowers\n');
    const run = await openirm(['needs', 'classify', file], target);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { types: { type: string; confidence: number }[] });
    expect(lines).toHaveLength(3);
    expect(lines[0]!.types[0]!.type).toBe('capacity-building');
    expect(lines[1]!.types).toEqual([]);
    expect(lines[2]!.types[0]!.type).toBe('model-legislation');
    const piped = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['bin/openirm.js', 'needs', 'classify', '-', '--shipped-only'], { env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
      child.stdin.end('Development of a national anti-corruption strategy\n');
    });
    expect((JSON.parse(piped) as { types: { type: string }[] }).types[0]!.type).toBe('policymaking');
    expectOneLineError(await openirm(['needs', 'classify', path.join(TMP_DIR, 'no-such-file.txt'), '--shipped-only'], target), /Cannot read/);
    rmSync(file, { force: true });
  });

  it('imports needs once, and refuses a bad file whole with every bad row', async () => {
    const good = path.join(TMP_DIR, `needs-${process.pid}.csv`);
    writeFileSync(good, 'state_iso3,cycle,article,type,description\nPER,2,52,,Training of compliance officers on politically exposed persons\nPER,2,14,legislative-assistance,Amendment of the AML law\n');
    const first = await openirm(['import', 'needs', good], target);
    expect(first.stdout, first.stderr).toContain('2 created (1 typed by the classifier, to review), 0 unchanged');
    expect((await openirm(['import', 'needs', good], target)).stdout).toContain('0 created (0 typed by the classifier, to review), 2 unchanged');
    const bad = path.join(TMP_DIR, `needs-bad-${process.pid}.csv`);
    writeFileSync(bad, 'state_iso3,cycle,article,type,description\nPER,2,99,,x\nPER,2,5,training,y\n');
    const refused = await openirm(['import', 'needs', bad], target);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/line 2: article '99'/);
    expect(refused.stdout).toMatch(/line 3: type 'training'/);
    expect(refused.stderr).toMatch(/2 problem\(s\) in the file; nothing was imported/);
    rmSync(good, { force: true });
    rmSync(bad, { force: true });
  });
});

describe('bad configuration', () => {
  it('says so in one line for an invalid PORT', async () => {
    expectOneLineError(await openirm(['start'], { ...target, PORT: 'eighty' }), /Invalid configuration: .*PORT/);
  });

  it('says so in one line for a DATABASE_URL that is not a URL or not reachable', async () => {
    expectOneLineError(await openirm(['migrate'], { DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must be a postgres/);
    expectOneLineError(await openirm(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }), /Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/);
  });

  it('says so in one line for a data folder that cannot be written', async () => {
    const file = path.join(TMP_DIR, `a-file-${process.pid}`);
    writeFileSync(file, 'not a folder');
    try {
      expectOneLineError(await openirm(['migrate'], { DATA_DIR: path.join(file, 'data') }), /data folder .* cannot be created or written \(ENOTDIR\)/);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('refuses to open an embedded data folder held by a running process', async () => {
    if (TEST_ENGINE === 'postgres') return; // the lock guards the embedded engine only
    writeFileSync(path.join(dataDir, 'openirm.lock'), JSON.stringify({ pid: process.pid, purpose: 'server' }));
    try {
      expectOneLineError(await openirm(['user', 'list'], target), /in use by another process \(pid \d+, server\)/);
    } finally {
      rmSync(path.join(dataDir, 'openirm.lock'), { force: true });
    }
    expect(existsSync(path.join(dataDir, 'pgdata'))).toBe(true);
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      expectOneLineError(await openirm(['start'], { ...target, PORT: String(port) }), new RegExp(`Port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
