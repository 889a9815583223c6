/**
 * The request mix of the load bench: who signs in, which requests each kind of user makes and
 * how often, and the per-kind counters. Targets are found through the API itself (as each
 * user) and every one is tried once before the load, so the mix holds only requests that the
 * policy allows: a 4xx under load is then a real error, not a bench mistake.
 *
 * Weights (out of 100), chosen per request by a seeded random draw:
 *   reads 60   tracker 15 (GET /api/reviews), review pages 30 (a review, its checklist,
 *              threads, report and section comments, as one of its parties), search 10
 *              (GET /api/search?q=…), inbox 5 (GET /api/inbox, /api/notifications)
 *   public 25  anonymous: country profiles, schedule, progress statistics, parties, Atom
 *              feed, the open-data index and data sets
 *   writes 15  checklist autosaves 10 (PUT an answer, focal points on their own review),
 *              comments 5 (report section comments and desk-review thread replies)
 * Autosaves keep each answer's version, and an answer is saved by one client at a time (a
 * lease), as one person typing: a 409 under load would then be a real lost update.
 */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../test/support/seeded-random.ts';
import type { BenchAccount, BenchReview } from './load-data.ts';

export type Kind = 'tracker' | 'review' | 'search' | 'inbox' | 'public' | 'autosave' | 'comment';
export type KindClass = 'read' | 'public' | 'write';

export const MIX: readonly { kind: Kind; weight: number; kindClass: KindClass; what: string }[] = [
  { kind: 'tracker', weight: 15, kindClass: 'read', what: 'GET /api/reviews (tracker), signed in' },
  { kind: 'review', weight: 30, kindClass: 'read', what: 'GET a review, its checklist, threads, report, section comments (its parties)' },
  { kind: 'search', weight: 10, kindClass: 'read', what: 'GET /api/search?q=… (every role)' },
  { kind: 'inbox', weight: 5, kindClass: 'read', what: 'GET /api/inbox, /api/notifications' },
  { kind: 'public', weight: 25, kindClass: 'public', what: 'anonymous: profiles, schedule, stats, parties, feed, open data' },
  { kind: 'autosave', weight: 10, kindClass: 'write', what: 'PUT /api/reviews/:id/checklist/:provision (focal points)' },
  { kind: 'comment', weight: 5, kindClass: 'write', what: 'POST report section comments and thread replies' },
];

const SEARCH_WORDS = ['corruption', 'bribery', 'whistleblower', 'asset recovery', 'money laundering', 'training', 'legislation', 'procurement', 'extradition', 'integrity'];

export interface Session {
  account: BenchAccount;
  cookie: string;
  csrf: string;
}

interface Target {
  session: Session | null;
  method: 'GET' | 'POST';
  path: string;
  body?: () => string;
}

interface AutosaveSlot {
  session: Session;
  reviewId: string;
  provisionId: string;
  version: number;
  busy: boolean;
  saves: number;
}

/** One answered request: when (ms since the load started), how long, and whether it counts as success. */
interface Sample {
  atMs: number;
  ms: number;
  ok: boolean;
}

export class KindStats {
  sent = 0;
  samples: Sample[] = [];
  /** Answers without a status line (autocannon's parser after a timed-out request's connection was replaced): counted as errors. */
  noAnswer = 0;
  /** Requests without an answer within the timeout: counted as errors. */
  timedOut = 0;
  statuses = new Map<number, number>();
  /** The first few error answers, to say what went wrong. */
  examples: string[] = [];
}

/** A path with its identifiers replaced (`/api/reviews/:id/checklist`, `/api/search?q=…`), for the per-route figures. */
export function routeOf(method: string, path: string): string {
  const shape = path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/\/countries\/[A-Z]{3}/, '/countries/:iso3')
    .replace(/\/sections\/\d+\//, '/sections/:article/')
    .replace(/\/checklist\/[^/?]+$/, '/checklist/:provision')
    .replace(/\?q=.*$/, '?q=…');
  return `${method} ${shape}`;
}

function headersOf(session: Session | null, withBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (withBody) headers['content-type'] = 'application/json';
  return headers;
}

async function call(base: string, session: Session | null, method: string, path: string, body?: string): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(base + path, { method, headers: headersOf(session, body !== undefined), body, redirect: 'manual' });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a CSV, a feed): only the status matters.
  }
  return { status: response.status, json, text };
}

const ok = (status: number) => status >= 200 && status < 400;

/** POST /api/auth/login; keeps the session cookie and the CSRF token. */
export async function signIn(base: string, account: BenchAccount): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const text = await response.text();
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('openirm_session='));
  let csrf: unknown;
  try {
    csrf = (JSON.parse(text) as { csrfToken?: unknown }).csrfToken;
  } catch {
    csrf = undefined;
  }
  if (response.status !== 200 || !cookie || typeof csrf !== 'string') {
    throw new Error(`sign-in of ${account.email} (${account.role}) answered ${response.status} without a session and CSRF token: ${text.slice(0, 300)}`);
  }
  return { account, cookie, csrf };
}

export interface MixTargets {
  byKind: Map<Kind, Target[]>;
  slots: AutosaveSlot[];
  /** Requests tried once before the load that were left out (not allowed, or nothing there). */
  skipped: number;
}

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;

/** Finds and tries every target, as the users who would make those requests. */
export async function discoverTargets(base: string, sessions: Session[], reviews: BenchReview[]): Promise<MixTargets> {
  const byKind = new Map<Kind, Target[]>(MIX.map((m) => [m.kind, []]));
  let skipped = 0;
  const keep = async (kind: Kind, target: Target) => {
    const { status } = await call(base, target.session, target.method, target.path, target.body?.());
    if (ok(status)) byKind.get(kind)!.push(target);
    else skipped += 1;
  };
  const secretariat = sessions.filter((s) => s.account.role === 'secretariat');
  const partiesOf = (r: BenchReview) => [
    ...secretariat.slice(0, 2),
    ...sessions.filter((s) => s.account.role === 'focal-point' && s.account.stateIso3 === r.stateUnderReview),
    ...sessions.filter((s) => s.account.role === 'expert' && s.account.stateIso3 !== null && r.reviewers.includes(s.account.stateIso3)),
  ];

  for (const s of sessions) await keep('tracker', { session: s, method: 'GET', path: '/api/reviews' });
  for (const [i, s] of sessions.entries()) await keep('search', { session: s, method: 'GET', path: `/api/search?q=${encodeURIComponent(pick(SEARCH_WORDS, i))}` });
  for (const s of sessions) for (const path of ['/api/inbox', '/api/notifications']) await keep('inbox', { session: s, method: 'GET', path });

  const publicPaths = ['/api/public/schedule', '/api/stats/progress', '/api/parties', '/api/public/feed.atom', '/api/reviews', '/api/open/v1'];
  for (const r of reviews) publicPaths.push(`/api/public/countries/${r.stateUnderReview}`);
  const openData = (await call(base, null, 'GET', '/api/open/v1')).json as { datasets?: { json?: string }[] } | undefined;
  for (const d of openData?.datasets ?? []) if (d.json) publicPaths.push(new URL(d.json).pathname);
  for (const path of publicPaths) await keep('public', { session: null, method: 'GET', path });

  const slots: AutosaveSlot[] = [];
  let counter = 0;
  const commentBody = (where: string) => () => JSON.stringify({ body: `Load bench comment ${++counter} on ${where}: please clarify how the provision is applied in practice.` });
  for (const r of reviews) {
    const parties = partiesOf(r);
    const reviewPaths = [`/api/reviews/${r.id}`, `/api/reviews/${r.id}/checklist`, `/api/reviews/${r.id}/threads`, `/api/reviews/${r.id}/report`];
    const report = (await call(base, secretariat[0] ?? null, 'GET', `/api/reviews/${r.id}/report`)).json as { sections?: { article: number }[]; finalisedAt?: string | null } | undefined;
    const articles = (report?.sections ?? []).map((s) => s.article).slice(0, 3);
    for (const a of articles) reviewPaths.push(`/api/reviews/${r.id}/report/sections/${a}/comments`);
    for (const s of parties) for (const path of reviewPaths) await keep('review', { session: s, method: 'GET', path });

    // Comments: every party on the first sections of a report still open to comments.
    if (report && !report.finalisedAt) {
      for (const [i, s] of parties.entries()) {
        const a = articles[i % Math.max(1, articles.length)];
        if (a !== undefined) await keep('comment', { session: s, method: 'POST', path: `/api/reviews/${r.id}/report/sections/${a}/comments`, body: commentBody(`article ${a}`) });
      }
    }
    // Replies in the review's desk-review threads, from the parties on either side.
    const threads = ((await call(base, secretariat[0] ?? null, 'GET', `/api/reviews/${r.id}/threads`)).json as { threads?: { id: string; status: string }[] } | undefined)?.threads ?? [];
    const open = threads.filter((t) => t.status === 'open').slice(0, 3);
    for (const [i, s] of parties.entries()) {
      const t = open[i % Math.max(1, open.length)];
      if (t) await keep('comment', { session: s, method: 'POST', path: `/api/reviews/${r.id}/threads/${t.id}/messages`, body: () => JSON.stringify({ body: `Load bench reply ${++counter}: the answer is updated.` }) });
    }

    // Autosave slots: the checklist's provisions shared out among the State's focal points.
    const focal = parties.filter((s) => s.account.role === 'focal-point');
    if (focal.length === 0) continue;
    const checklist = (await call(base, focal[0]!, 'GET', `/api/reviews/${r.id}/checklist`)).json as { sections?: { provisions: { id: string; answer: { version: number } | null }[] }[] } | undefined;
    const provisions = (checklist?.sections ?? []).flatMap((s) => s.provisions).slice(0, 24);
    provisions.forEach((p, i) => slots.push({ session: focal[i % focal.length]!, reviewId: r.id, provisionId: p.id, version: p.answer?.version ?? 0, busy: false, saves: 0 }));
  }
  // Each slot saved once now: proves the write is allowed, and leaves the version known.
  for (const slot of [...slots]) {
    const { status, json } = await call(base, slot.session, 'PUT', autosavePath(slot), autosaveBody(slot));
    const version = (json as { answer?: { version?: number } } | undefined)?.answer?.version;
    if (status === 200 && typeof version === 'number') slot.version = version;
    else {
      slots.splice(slots.indexOf(slot), 1);
      skipped += 1;
    }
  }
  return { byKind, slots, skipped };
}

const autosavePath = (slot: AutosaveSlot) => `/api/reviews/${slot.reviewId}/checklist/${encodeURIComponent(slot.provisionId)}`;

/** About 1.5 kB of answer text, different at every save, as an autosave while typing. */
function autosaveBody(slot: AutosaveSlot): string {
  slot.saves += 1;
  const text = `<p>Load bench draft ${slot.saves} for provision ${slot.provisionId}. ${'The measures in force are described with their legal basis and the institutions that apply them. '.repeat(14)}</p>`;
  return JSON.stringify({ text, version: slot.version });
}

/**
 * The autocannon side: `setupRequest` draws the next request and `onResponse` records it, with
 * the request's kind and start time carried in autocannon's per-request context.
 */
export class LoadMix {
  readonly stats = new Map<Kind, KindStats>(MIX.map((m) => [m.kind, new KindStats()]));
  private readonly random = seededRandom(20261128);
  private readonly kinds: { kind: Kind; cumulative: number }[] = [];
  private readonly total: number;
  private startedAt = performance.now();
  /** Autosaves drawn while every slot was busy, made as review-page reads instead. */
  autosaveFallbacks = 0;
  /** Latencies after `measureFromMs` per route shape, to name the slow ones. */
  readonly routes = new Map<string, number[]>();
  measureFromMs = 0;

  constructor(
    private readonly targets: MixTargets,
    private readonly timeoutMs: number,
  ) {
    let sum = 0;
    for (const m of MIX) {
      const has = m.kind === 'autosave' ? targets.slots.length > 0 : (targets.byKind.get(m.kind)?.length ?? 0) > 0;
      if (!has) continue;
      sum += m.weight;
      this.kinds.push({ kind: m.kind, cumulative: sum });
    }
    this.total = sum;
  }

  /** Kinds left out because no target was allowed. */
  get missingKinds(): Kind[] {
    return MIX.map((m) => m.kind).filter((k) => !this.kinds.some((x) => x.kind === k));
  }

  /**
   * autocannon gives every request a fresh context object and never reports a timed-out one
   * to onResponse (it drops the connection and opens another), so requests in flight are kept
   * here and swept: one older than the timeout counts as timed out and frees its lease.
   */
  private readonly inFlight = new Map<object, { kind: Kind; t0: number; slot: AutosaveSlot | undefined }>();
  private sweeper: NodeJS.Timeout | undefined;
  /** Requests still waiting, younger than the timeout, when the load stopped: not errors. */
  inFlightAtEnd = 0;

  start(): void {
    this.startedAt = performance.now();
    this.sweeper = setInterval(() => this.sweep(performance.now()), 1_000);
  }

  stop(): void {
    clearInterval(this.sweeper);
    const now = performance.now();
    this.sweep(now);
    this.inFlightAtEnd = this.inFlight.size;
    this.inFlight.clear();
  }

  private sweep(now: number): void {
    for (const [context, request] of this.inFlight) {
      if (now - request.t0 <= this.timeoutMs + 500) continue;
      this.inFlight.delete(context);
      this.stats.get(request.kind)!.timedOut += 1;
      if (request.slot) request.slot.busy = false;
    }
  }

  private draw(): Kind {
    const x = this.random() * this.total;
    return this.kinds.find((k) => x < k.cumulative)!.kind;
  }

  setupRequest = (request: Record<string, unknown>, context: Record<string, unknown>) => {
    let kind = this.draw();
    let slot: AutosaveSlot | undefined;
    if (kind === 'autosave') {
      for (let tries = 0; tries < 8 && !slot; tries += 1) {
        const candidate = this.targets.slots[Math.floor(this.random() * this.targets.slots.length)]!;
        if (!candidate.busy) slot = candidate;
      }
      if (!slot) {
        this.autosaveFallbacks += 1;
        kind = 'review';
      }
    }
    let method: string;
    let path: string;
    let body = '';
    let session: Session | null;
    if (slot) {
      slot.busy = true;
      method = 'PUT';
      path = autosavePath(slot);
      body = autosaveBody(slot);
      session = slot.session;
    } else {
      const list = this.targets.byKind.get(kind)!;
      const target = list[Math.floor(this.random() * list.length)]!;
      method = target.method;
      path = target.path;
      body = target.body?.() ?? '';
      session = target.session;
    }
    this.stats.get(kind)!.sent += 1;
    context.kind = kind;
    context.route = routeOf(method, path);
    context.slot = slot;
    context.t0 = performance.now();
    this.inFlight.set(context, { kind, t0: context.t0 as number, slot });
    return { ...request, method, path, headers: headersOf(session, body !== ''), body };
  };

  onResponse = (status: number, body: string, context: Record<string, unknown>) => {
    const end = performance.now();
    const kind = context.kind as Kind;
    const stats = this.stats.get(kind)!;
    // Swept already (answered after the timeout): counted as timed out, nothing more to record.
    if (!this.inFlight.delete(context)) return;
    if (typeof status !== 'number') {
      // autocannon's parser after a timed-out request's connection was replaced: no real answer.
      stats.noAnswer += 1;
      const slot = context.slot as AutosaveSlot | undefined;
      if (slot) slot.busy = false;
      context.slot = undefined;
      return;
    }
    const good = ok(status);
    stats.samples.push({ atMs: end - this.startedAt, ms: end - (context.t0 as number), ok: good });
    if (end - this.startedAt >= this.measureFromMs) {
      const route = context.route as string;
      const list = this.routes.get(route) ?? [];
      list.push(end - (context.t0 as number));
      this.routes.set(route, list);
    }
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    if (!good && stats.examples.length < 3) stats.examples.push(`${status} ${String(body).slice(0, 200)}`);
    const slot = context.slot as AutosaveSlot | undefined;
    if (slot) {
      try {
        const parsed = JSON.parse(body) as { answer?: { version?: number }; current?: { version?: number }; details?: { current?: { version?: number } } };
        const version = parsed.answer?.version ?? parsed.current?.version ?? parsed.details?.current?.version;
        if (typeof version === 'number') slot.version = version;
      } catch {
        // Keep the version we had; the next save of this answer will say if it moved.
      }
      slot.busy = false;
      context.slot = undefined;
    }
  };
}
