/**
 * @module record
 * The published record of a draw, and its verification. A record holds everything needed
 * to re-run the draw and nothing else: the inputs, the commitment, the revealed secret, the
 * public entropy, the seed and the result (docs/LOTS.md, "Record format", documents every
 * field so an independent verifier can be written). Published records are never edited: a
 * correction is a new record of kind 'redraw'.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { LotsError } from './errors.ts';
import { checkCommitment, commitmentOf, deriveSeed, normaliseEntropy, parseSecret } from './seed.ts';
import { canonicaliseInput, ruleProblems } from './input.ts';
import { drawReviewers, redrawSlot } from './draw.ts';
import { assignmentProblems } from './rules-check.ts';
import { canonicaliseCohortInput, drawCohorts, type CohortDrawInput, type CohortParty, type CohortYear, type Volunteer } from './cohort-draw.ts';
import { LOTS_ALGORITHM, type DrawParty, type Exclusion, type LotsRules, type PriorAssignment, type RedrawRequest, type ReviewerAssignment, type ReviewerDrawInput } from './types.ts';

export const RECORD_FORMAT = 'openirm-draw-record';
export const RECORD_FORMAT_VERSION = 1;

interface RecordBase {
  format: typeof RECORD_FORMAT;
  formatVersion: typeof RECORD_FORMAT_VERSION;
  algorithm: typeof LOTS_ALGORITHM;
  mechanism: string;
  cycle: number;
  /** Lower-case hex SHA-256 of the secret's bytes, published before the draw. */
  commitment: string;
  /** The secret, revealed at the draw (hex, ≥ 16 bytes). */
  secret: string;
  /** As it enters the seed: NFC, trimmed. */
  publicEntropy: string;
  /** Lower-case hex of SHA-256(secret ‖ 0x00 ‖ utf8(publicEntropy)). */
  seed: string;
  /** When the record was made (ISO 8601); informative, not verified. */
  createdAt?: string;
}

export interface ReviewerDrawRecord extends RecordBase {
  kind: 'reviewers' | 'redraw';
  year: number;
  rules: LotsRules;
  parties: DrawParty[];
  underReview: string[];
  excluded: Exclusion[];
  prior: PriorAssignment[];
  result: ReviewerAssignment[];
  /** Only for kind 'redraw': the slot redrawn and the assignment before it. */
  redraw?: { of: RedrawRequest; previousResult: ReviewerAssignment[] };
}

export interface CohortDrawRecord extends RecordBase {
  kind: 'cohorts';
  drawDate: string;
  years: number;
  reviewYears: number;
  parties: CohortParty[];
  volunteers: Volunteer[];
  result: CohortYear[];
}

export type DrawRecord = ReviewerDrawRecord | CohortDrawRecord;

interface Reveal {
  commitment: string;
  secret: string;
  publicEntropy: string;
  createdAt?: string;
}

export type CreateRecordArgs =
  | ({ kind: 'reviewers'; input: ReviewerDrawInput } & Reveal)
  | ({ kind: 'redraw'; input: ReviewerDrawInput; previousResult: ReviewerAssignment[]; of: RedrawRequest } & Reveal)
  | ({ kind: 'cohorts'; mechanism: string; cycle: number; input: CohortDrawInput } & Reveal);

/**
 * Runs the draw and returns its record. Refuses (`lots.commitmentMismatch`) a secret that does
 * not match the commitment published before the meeting.
 * @example createRecord({ kind: 'reviewers', input, commitment, secret, publicEntropy: '4 17 9' })
 */
export function createRecord(args: CreateRecordArgs): DrawRecord {
  checkCommitment(args.secret, args.commitment);
  const seedBytes = deriveSeed(args.secret, args.publicEntropy);
  const base = {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    algorithm: LOTS_ALGORITHM,
    commitment: args.commitment.toLowerCase(),
    secret: args.secret.toLowerCase(),
    publicEntropy: normaliseEntropy(args.publicEntropy),
    seed: bytesToHex(seedBytes),
    ...(args.createdAt === undefined ? {} : { createdAt: args.createdAt }),
  } as const;
  if (args.kind === 'cohorts') {
    const c = canonicaliseCohortInput(args.input);
    return { ...base, kind: 'cohorts', mechanism: args.mechanism, cycle: args.cycle, ...c, result: drawCohorts(c, seedBytes) };
  }
  const input = canonicaliseInput(args.input);
  const fields = {
    mechanism: input.mechanism,
    cycle: input.cycle,
    year: input.year,
    rules: input.rules,
    parties: input.parties,
    underReview: input.underReview,
    excluded: input.excluded,
    prior: input.prior,
  };
  if (args.kind === 'reviewers') return { ...base, kind: 'reviewers', ...fields, result: drawReviewers(input, seedBytes) };
  const previousResult = sortAssignments(args.previousResult);
  return {
    ...base,
    kind: 'redraw',
    ...fields,
    result: redrawSlot(input, previousResult, args.of, seedBytes),
    redraw: { of: { underReview: args.of.underReview, slot: args.of.slot }, previousResult },
  };
}

function sortAssignments(list: readonly ReviewerAssignment[]): ReviewerAssignment[] {
  return list.map((a): ReviewerAssignment => ({ underReview: a.underReview, reviewers: [a.reviewers[0], a.reviewers[1]] })).sort((a, b) => (a.underReview < b.underReview ? -1 : 1));
}

// ---- shape checks: the verifier reads untrusted JSON ----

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isHex64 = (v: unknown): v is string => isStr(v) && /^[0-9a-fA-F]{64}$/.test(v);
const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every(isStr);
const isAssignment = (v: unknown): v is ReviewerAssignment => isObj(v) && isStr(v.underReview) && isPair(v.reviewers);
const isAssignments = (v: unknown): v is ReviewerAssignment[] => Array.isArray(v) && v.every(isAssignment);

function shapeProblems(r: Obj): string[] {
  const p: string[] = [];
  if (r.format !== RECORD_FORMAT) p.push(`format must be '${RECORD_FORMAT}'.`);
  if (r.formatVersion !== RECORD_FORMAT_VERSION) p.push(`formatVersion ${String(r.formatVersion)} is not supported (this verifier reads version ${RECORD_FORMAT_VERSION}).`);
  if (r.algorithm !== LOTS_ALGORITHM) p.push(`algorithm '${String(r.algorithm)}' is not supported (this verifier runs '${LOTS_ALGORITHM}').`);
  if (r.kind !== 'reviewers' && r.kind !== 'redraw' && r.kind !== 'cohorts') p.push("kind must be 'reviewers', 'redraw' or 'cohorts'.");
  if (!isStr(r.mechanism)) p.push('mechanism must be a string.');
  if (!isInt(r.cycle)) p.push('cycle must be an integer.');
  if (!isHex64(r.commitment)) p.push('commitment must be 64 hex digits.');
  if (!isHex64(r.seed)) p.push('seed must be 64 hex digits.');
  if (!isStr(r.secret)) p.push('secret must be a hex string.');
  if (!isStr(r.publicEntropy)) p.push('publicEntropy must be a string.');
  if (r.createdAt !== undefined && !isStr(r.createdAt)) p.push('createdAt, when present, must be a string.');
  if (!Array.isArray(r.parties) || !r.parties.every((x) => isObj(x) && isStr(x.iso3))) p.push('parties must be an array of { iso3, regionalGroup }.');
  if (r.kind === 'cohorts') {
    if (!isStr(r.drawDate)) p.push('drawDate must be a date string.');
    if (!isInt(r.years) || !isInt(r.reviewYears)) p.push('years and reviewYears must be integers.');
    if (!Array.isArray(r.volunteers) || !r.volunteers.every((v) => isObj(v) && isStr(v.iso3) && isInt(v.year))) p.push('volunteers must be an array of { iso3, year }.');
    if (!Array.isArray(r.result) || !r.result.every((y) => isObj(y) && isInt(y.year) && Array.isArray(y.states) && y.states.every(isStr))) p.push('result must be an array of { year, states }.');
    return p;
  }
  if (!isInt(r.year)) p.push('year must be an integer.');
  p.push(...ruleProblems(r.rules));
  if (!Array.isArray(r.underReview) || !r.underReview.every(isStr)) p.push('underReview must be an array of ISO codes.');
  if (!Array.isArray(r.excluded) || !r.excluded.every((e) => isObj(e) && isStr(e.iso3) && isStr(e.reason))) p.push('excluded must be an array of { iso3, reason }.');
  if (!Array.isArray(r.prior) || !r.prior.every((a) => isObj(a) && isStr(a.underReview) && isPair(a.reviewers) && isInt(a.year))) p.push('prior must be an array of { underReview, reviewers, year }.');
  if (!isAssignments(r.result)) p.push('result must be an array of { underReview, reviewers: [ISO3, ISO3] }.');
  if (r.kind === 'redraw') {
    const d = r.redraw;
    if (!isObj(d) || !isObj(d.of) || !isStr(d.of.underReview) || (d.of.slot !== 0 && d.of.slot !== 1) || !isAssignments(d.previousResult)) {
      p.push('redraw must be { of: { underReview, slot: 0 | 1 }, previousResult: [...] }.');
    }
  } else if (r.redraw !== undefined) p.push("redraw is only allowed in records of kind 'redraw'.");
  return p;
}

const show = (pair: readonly string[]) => `[${pair.join(', ')}]`;

/** Compares a result with the re-run, State by State. */
function compareAssignments(got: readonly ReviewerAssignment[], expected: readonly ReviewerAssignment[]): string[] {
  const problems: string[] = [];
  const mine = new Map(expected.map((a) => [a.underReview, a.reviewers]));
  const theirs = new Map(got.map((a) => [a.underReview, a.reviewers]));
  for (const [s, pair] of theirs) {
    const want = mine.get(s);
    if (!want) problems.push(`result differs from the re-run at ${s}: got ${show(pair)}, the re-run has no entry for it.`);
    else if (want[0] !== pair[0] || want[1] !== pair[1]) problems.push(`result differs from the re-run at ${s}: got ${show(pair)}, expected ${show(want)}.`);
  }
  for (const [s, want] of mine) if (!theirs.has(s)) problems.push(`result differs from the re-run at ${s}: missing, expected ${show(want)}.`);
  if (problems.length === 0 && got.some((a, i) => a.underReview !== expected[i]?.underReview)) problems.push('result is not sorted by underReview.');
  return capDifferences(problems);
}

/** A wrong seed changes every line; the first few differences say enough. */
const MAX_LISTED_DIFFERENCES = 10;
function capDifferences(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED_DIFFERENCES) return problems;
  return [...problems.slice(0, MAX_LISTED_DIFFERENCES), `… and ${problems.length - MAX_LISTED_DIFFERENCES} more States whose result differs from the re-run.`];
}

function reviewerProblems(r: ReviewerDrawRecord, seedBytes: Uint8Array | null): string[] {
  const input: ReviewerDrawInput = {
    algorithm: LOTS_ALGORITHM,
    mechanism: r.mechanism,
    cycle: r.cycle,
    year: r.year,
    rules: r.rules,
    parties: r.parties,
    underReview: r.underReview,
    excluded: r.excluded,
    prior: r.prior,
  };
  const problems: string[] = [];
  let canonical: ReviewerDrawInput;
  try {
    canonical = canonicaliseInput(input);
  } catch (error) {
    return [`the inputs are invalid: ${error instanceof Error ? error.message : String(error)}`];
  }
  // Every hard rule, checked directly on the result: this needs no trust in the solver.
  problems.push(...assignmentProblems(canonical, r.result));
  if (r.kind === 'redraw' && r.redraw) {
    const { of, previousResult } = r.redraw;
    const before = new Map(previousResult.map((a) => [a.underReview, a.reviewers]));
    for (const a of r.result) {
      const old = before.get(a.underReview);
      if (!old) continue;
      a.reviewers.forEach((code, slot) => {
        const isRequested = a.underReview === of.underReview && slot === of.slot;
        if (!isRequested && code !== old[slot]) problems.push(`the redraw changed ${a.underReview}'s reviewer #${slot + 1} (${old[slot]} → ${code}), but only ${of.underReview}'s reviewer #${of.slot + 1} was to be redrawn.`);
        if (isRequested && code === old[slot]) problems.push(`the redraw left ${a.underReview}'s reviewer #${slot + 1} unchanged (${code}).`);
      });
    }
  }
  if (seedBytes === null) return problems;
  try {
    const rerun = r.kind === 'redraw' && r.redraw ? redrawSlot(canonical, r.redraw.previousResult, r.redraw.of, seedBytes) : drawReviewers(canonical, seedBytes);
    problems.push(...compareAssignments(r.result, rerun));
  } catch (error) {
    problems.push(`re-running the draw failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}

function cohortProblems(r: CohortDrawRecord, seedBytes: Uint8Array | null): string[] {
  let c: Required<CohortDrawInput>;
  try {
    c = canonicaliseCohortInput({ parties: r.parties, drawDate: r.drawDate, years: r.years, reviewYears: r.reviewYears, volunteers: r.volunteers });
  } catch (error) {
    return [`the inputs are invalid: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const yearOf = new Map<string, number>();
  for (const y of r.result) {
    for (const s of y.states) {
      if (yearOf.has(s)) problems.push(`${s} is in year ${yearOf.get(s)} and in year ${y.year}.`);
      yearOf.set(s, y.year);
    }
  }
  for (const p of c.parties) {
    const y = yearOf.get(p.iso3);
    if (y === undefined) problems.push(`${p.iso3} is in no year.`);
    else if (p.becameParty !== null && p.becameParty > c.drawDate && y !== c.years) problems.push(`${p.iso3} became a party after the draw date but is in year ${y}, not year ${c.years}.`);
  }
  for (const s of yearOf.keys()) if (!c.parties.some((p) => p.iso3 === s)) problems.push(`${s} is in the result but not in the parties list.`);
  if (seedBytes === null) return problems;
  try {
    const rerun = drawCohorts(c, seedBytes);
    for (const y of rerun) {
      const got = r.result.find((x) => x.year === y.year)?.states ?? [];
      if (got.join(',') !== y.states.join(',')) problems.push(`result differs from the re-run in year ${y.year}: got ${show(got)}, expected ${show(y.states)}.`);
    }
    if (r.result.length !== rerun.length) problems.push(`result has ${r.result.length} years, the re-run ${rerun.length}.`);
  } catch (error) {
    problems.push(`re-running the draw failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}

/**
 * Verifies a record read from anywhere: its shape, the commitment, the seed, every hard
 * rule on the result, and the result against a re-run of the draw.
 * @example verifyRecord(JSON.parse(text)) // { valid: true } or { valid: false, problems: [...] }
 */
export function verifyRecord(record: unknown): { valid: true } | { valid: false; problems: string[] } {
  if (!isObj(record)) return { valid: false, problems: ['the record is not a JSON object.'] };
  const shape = shapeProblems(record);
  if (shape.length > 0) return { valid: false, problems: shape };
  const r = record as unknown as DrawRecord;
  const problems: string[] = [];

  let seedBytes: Uint8Array | null = null;
  try {
    parseSecret(r.secret);
    const commitment = commitmentOf(r.secret);
    if (commitment !== r.commitment.toLowerCase()) problems.push(`the secret does not match the commitment: SHA-256 of the secret is ${commitment}, the commitment is ${r.commitment}.`);
    seedBytes = deriveSeed(r.secret, r.publicEntropy);
    const seed = bytesToHex(seedBytes);
    if (seed !== r.seed.toLowerCase()) problems.push(`the seed is not SHA-256(secret ‖ 0x00 ‖ public entropy): the record says ${r.seed}, it should be ${seed}.`);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  problems.push(...(r.kind === 'cohorts' ? cohortProblems(r, seedBytes) : reviewerProblems(r, seedBytes)));
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}

/** For callers that prefer an exception: throws `lots.recordInvalid` with the problems. */
export function assertValidRecord(record: unknown): asserts record is DrawRecord {
  const outcome = verifyRecord(record);
  if (!outcome.valid) throw new LotsError('lots.recordInvalid', `The draw record does not verify: ${outcome.problems.join(' ')}`, { problems: outcome.problems });
}
