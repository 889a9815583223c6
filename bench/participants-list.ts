/**
 * `npm run bench:participants`: the list of participants of a session with 1,500 registered
 * participants from 190 delegations (181 States parties, a signatory, the European Union and
 * 7 observer organisations; some names in Arabic and Chinese so that those fonts are
 * embedded), exported as PDF and as XLSX through the use case the routes call (the rows read
 * from the database, grouped in the UN order, then the document). The baseline, in the same
 * run and the same kind of process, reads the same rows the same way and serialises them as
 * CSV and JSON. Each case runs in a fresh child process with its own in-memory PGlite
 * database, so the peak memory (VmHWM) of one does not inflate another; the baseline's peak
 * is the floor (Node, tsx, PGlite, the data). Target (issue 7): under 3 s per export.
 * Measurements, not assertions: PASS/MISS is printed and the exit code is 0.
 *
 *   npm run bench:participants             7 runs per case after a first one
 *   npm run bench:participants -- --quick  2 runs per case
 *   npm run bench:participants -- --out /tmp/lop   also writes the PDF and XLSX there
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { systemActor } from '../src/domain/accounts/roles.ts';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import type { ObserverCategory } from '../src/domain/sessions/registration.ts';
import { buildParticipantsPdf } from '../src/server/documents/participants-pdf.ts';
import { buildParticipantsXlsx } from '../src/server/documents/participants-xlsx.ts';
import type { UseCaseContext } from '../src/server/use-cases/context.ts';
import { participantsList, registerDelegation, type ParticipantsList, type RegisterInput } from '../src/server/use-cases/session-attendance.ts';
import { changeStatus, createSession } from '../src/server/use-cases/sessions.ts';

const TARGET_MS = 3_000;
const PARTICIPANTS = 1_500;
const DELEGATIONS = 190;

interface PartyFile {
  iso3: string;
  kind: string;
  accession: unknown;
}
const partyFile = JSON.parse(readFileSync(new URL('../data/reference/parties.json', import.meta.url), 'utf8')) as PartyFile[];

const GIVEN = ['Anna', 'Bruno', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Irina', 'Jonas', 'Kofi', 'Lucía', 'Marta', 'Nikolai', 'Olga', 'Pedro'];
const FAMILY = ['Berger', 'Souza', 'Dias', 'Okafor', 'Petrova', 'Haddad', 'Moreau', 'Tanaka', 'Ivanova', 'Schmidt', 'Mensah', 'García', 'Rossi', 'Novak'];
const TITLES = ['Head of delegation', 'Deputy head of delegation', 'Adviser', 'Counsellor, Permanent Mission', 'Director, Anti-Corruption Agency', 'Prosecutor', 'Legal officer, Ministry of Justice'];
const ARABIC_NAMES = ['أحمد حسن', 'فاطمة الزهراء علي', 'محمد عبد الله', 'ليلى منصور'];
const CHINESE_NAMES = ['王小明', '李华', '张伟', '刘洋'];
const OBSERVERS: [string, ObserverCategory][] = [
  ['Department of Peace Operations', 'secretariat-unit'],
  ['United Nations Development Programme', 'un-body'],
  ['World Bank', 'specialized-agency'],
  ['Basel Institute on Governance', 'pni-institute'],
  ['International Anti-Corruption Academy', 'igo'],
  ['Organization for Economic Cooperation and Development (OECD)', 'igo'],
  ['Sovereign Order of Malta', 'standing-observer'],
];

/** 190 delegations sharing 1,500 participants as evenly as the division allows. */
function registrations(): RegisterInput[] {
  const states = partyFile.filter((p) => p.kind === 'state' && p.accession !== null).slice(0, DELEGATIONS - 2 - OBSERVERS.length);
  const delegations: RegisterInput['delegation'][] = [
    ...states.map((p) => ({ kind: 'state' as const, iso3: p.iso3 })),
    { kind: 'state', iso3: 'SYR', signatory: true },
    { kind: 'reio' },
    ...OBSERVERS.map(([name, category]) => ({ kind: 'observer' as const, name, category })),
  ];
  let n = 0;
  return delegations.map((delegation, d) => {
    const size = Math.floor(PARTICIPANTS / DELEGATIONS) + (d < PARTICIPANTS % DELEGATIONS ? 1 : 0);
    const iso3 = delegation.kind === 'state' ? delegation.iso3 : '';
    const participants = Array.from({ length: size }, (_, i) => {
      n++;
      const name = ['EGY', 'SAU', 'JOR', 'MAR'].includes(iso3) && i === 0 ? ARABIC_NAMES[n % 4]! : ['CHN', 'SGP'].includes(iso3) && i === 0 ? CHINESE_NAMES[n % 4]! : `${GIVEN[n % GIVEN.length]} ${FAMILY[(n * 5) % FAMILY.length]} ${n}`;
      return { name, title: TITLES[(n + i) % TITLES.length]!, email: `participant${n}@example.org` };
    });
    return { delegation, participants };
  });
}

/** The session and its registrations in a fresh in-memory database. */
async function prepare(): Promise<{ ctx: UseCaseContext; sessionId: string; close: () => Promise<void> }> {
  const database = await openDatabase({ engine: 'pglite' });
  await runMigrations(database);
  await seedReferenceData(database.db);
  const ctx: UseCaseContext = { db: database.db, actor: systemActor('bench'), now: new Date('2026-05-01T09:00:00Z') };
  const session = await createSession(ctx, { bodies: ['IRG'], number: 17, resumedPart: 0, startDate: '2026-06-15', endDate: '2026-06-19', venue: 'Vienna', format: 'hybrid' });
  await changeStatus(ctx, session.id, 'registration');
  for (const input of registrations()) await registerDelegation(ctx, session.id, input);
  return { ctx, sessionId: session.id, close: () => database.close() };
}

function csv(list: ParticipantsList): Buffer {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = ['group,delegation,iso3,name,title,status'];
  for (const g of list.groups) for (const d of g.delegations) for (const p of d.participants) rows.push([g.title, d.name, d.iso3 ?? '', p.name, p.title, p.status].map(cell).join(','));
  return Buffer.from(rows.join('\n'));
}

const CASES = {
  'baseline: rows as CSV': (list: ParticipantsList) => Promise.resolve(csv(list)),
  'baseline: rows as JSON': (list: ParticipantsList) => Promise.resolve(Buffer.from(JSON.stringify(list))),
  'list of participants PDF': buildParticipantsPdf,
  'list of participants XLSX': buildParticipantsXlsx,
} satisfies Record<string, (list: ParticipantsList) => Promise<Buffer>>;
type CaseName = keyof typeof CASES;

interface CaseResult {
  times: number[];
  /** CPU time (user + system) of each run: less disturbed than wall time on a shared machine. */
  cpu: number[];
  firstMs: number;
  /** VmRSS with the database filled, before any export; the peak is reset to it (clear_refs). */
  readyMb: number;
  firstHwmMb: number;
  hwmMb: number;
  bytes: number;
  pages: number | null;
  participants: number;
  delegations: number;
}

function statusMb(field: 'VmHWM' | 'VmRSS'): number {
  const line = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return line ? Number(line[1]) / 1024 : NaN;
}
const vmHwmMb = () => statusMb('VmHWM');

/**
 * Filling PGlite peaks far above what the exports need; writing 5 to clear_refs resets the
 * peak (VmHWM) to the current RSS (Linux 4.0 and later), so the peak measured afterwards is
 * that of the exports over the resident data.
 */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then includes the setup.
  }
}

async function child(name: CaseName, runs: number, out: string | undefined): Promise<void> {
  const { ctx, sessionId, close } = await prepare();
  (globalThis as { gc?: () => void }).gc?.();
  resetPeak();
  const readyMb = statusMb('VmRSS');
  // What the route does: the rows from the database in the UN order, then the document.
  const exportOnce = async () => CASES[name](await participantsList(ctx, sessionId));
  let started = performance.now();
  let bytes = await exportOnce();
  const firstMs = performance.now() - started;
  const firstHwmMb = vmHwmMb();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    const cpuStart = process.cpuUsage();
    bytes = await exportOnce();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const list = await participantsList(ctx, sessionId);
  await close();
  const isPdf = bytes.subarray(0, 5).toString() === '%PDF-';
  const pages = isPdf ? (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length : null;
  const ext = isPdf ? 'pdf' : bytes.subarray(0, 2).toString() === 'PK' ? 'xlsx' : name.includes('CSV') ? 'csv' : 'json';
  if (out) writeFileSync(path.join(out, `participants-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.${ext}`), bytes);
  const result: CaseResult = {
    times,
    cpu,
    firstMs,
    readyMb,
    firstHwmMb,
    hwmMb: vmHwmMb(),
    bytes: bytes.length,
    pages,
    participants: list.groups.reduce((n, g) => n + g.delegations.reduce((m, d) => m + d.participants.length, 0), 0),
    delegations: list.groups.reduce((n, g) => n + g.delegations.length, 0),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const run = promisify(execFile);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) {
    await child(process.argv[childIndex + 1] as CaseName, Number(process.argv[childIndex + 2]), process.argv[childIndex + 3]);
    return;
  }
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const runs = Number(process.env.BENCH_RUNS ?? (quick ? 2 : 7));
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(process.argv[outIndex + 1]!) : undefined;
  if (out) mkdirSync(out, { recursive: true });
  const lines = [`Open IRM list of participants bench, ${new Date().toISOString()}, Node ${process.version}, ${runs} runs per case after one first run, each case in its own process`, ''];
  const header = `${'case'.padEnd(28)} ${'median ms'.padStart(9)} ${'min'.padStart(6)} ${'max'.padStart(6)} ${'cpu ms'.padStart(6)} ${'first ms'.padStart(8)} ${'MB ready'.padStart(8)} ${'MB peak'.padStart(7)} ${'+MB'.padStart(5)} ${'size KB'.padStart(7)} ${'pages'.padStart(5)} ${'x CSV'.padStart(7)}  target < ${fmt(TARGET_MS)} ms`;
  lines.push(header, '-'.repeat(header.length));
  const results = new Map<CaseName, CaseResult>();
  for (const name of Object.keys(CASES) as CaseName[]) {
    process.stderr.write(`… ${name}\n`);
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, String(runs), ...(out ? [out] : [])], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      maxBuffer: 16 * 1024 * 1024,
      timeout: 20 * 60_000,
    });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as CaseResult;
    results.set(name, r);
    if (results.size === 1) lines.splice(1, 0, `Session: ${fmt(r.participants)} participants in ${r.delegations} delegations (rows read through the use case from in-memory PGlite)`);
    const baseline = results.get('baseline: rows as CSV')!;
    const ms = median(r.times);
    const isBaseline = name.startsWith('baseline');
    lines.push(
      `${name.padEnd(28)} ${fmt(ms).padStart(9)} ${fmt(Math.min(...r.times)).padStart(6)} ${fmt(Math.max(...r.times)).padStart(6)} ${fmt(median(r.cpu)).padStart(6)} ${fmt(r.firstMs).padStart(8)} ${fmt(r.readyMb, 1).padStart(8)} ${fmt(r.hwmMb, 1).padStart(7)} ${fmt(r.hwmMb - r.readyMb, 0).padStart(5)} ${fmt(r.bytes / 1024).padStart(7)} ${String(r.pages ?? '-').padStart(5)} ${(isBaseline && name !== 'baseline: rows as JSON' ? '-' : `${fmt(ms / median(baseline.times), 1)}x`).padStart(7)}  ${isBaseline ? '-' : ms < TARGET_MS ? 'PASS' : 'MISS'}`,
    );
  }
  lines.push(
    '',
    'Each time includes reading the rows (participantsList: two selects and the UN ordering) and writing the file. median/min/max: wall time of the',
    'runs after the first; cpu ms: their median CPU time (user + system, GC threads included); first ms: the first export of the process (fonts read',
    'and parsed, JIT cold), reported apart as in bench:documents. PASS/MISS: median wall time against the target. MB ready: RSS with the database',
    'filled, after which the peak is reset; MB peak: VmHWM after all exports; +MB: what the exports added over the resident data.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
