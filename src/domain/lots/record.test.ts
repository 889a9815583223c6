import { describe, expect, it } from 'vitest';
import reference from '../../../data/reference/parties.json' with { type: 'json' };
import { commitmentOf } from './seed.ts';
import { assertValidRecord, createRecord, verifyRecord, type CohortDrawRecord, type ReviewerDrawRecord } from './record.ts';
import { drawReviewers } from './draw.ts';
import { allPartiesInput, buildInput, partiesOf, seedOf } from './testing.ts';

const SECRET = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const COMMITMENT = commitmentOf(SECRET);
const realInput = allPartiesInput(reference);

const reviewersRecord = (): ReviewerDrawRecord =>
  createRecord({ kind: 'reviewers', input: realInput, commitment: COMMITMENT, secret: SECRET, publicEntropy: ' 4 17 9 23 ', createdAt: '2026-06-03T10:00:00Z' }) as ReviewerDrawRecord;

/** A record as it travels: through JSON text. */
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const problemsOf = (record: unknown): string[] => {
  const outcome = verifyRecord(record);
  return outcome.valid ? [] : outcome.problems;
};

describe('createRecord', () => {
  it('holds the inputs, the commitment, the revealed secret, the entropy, the seed and the result', () => {
    const record = reviewersRecord();
    expect(record).toMatchObject({ format: 'openirm-draw-record', formatVersion: 1, algorithm: 'openirm-lots/1', kind: 'reviewers', publicEntropy: '4 17 9 23', commitment: COMMITMENT, secret: SECRET });
    expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(record.parties.find((p) => p.iso3 === 'FRA')).toEqual({ iso3: 'FRA', regionalGroup: 'western-european-other' });
    expect(record.result).toHaveLength(191);
    expect(record.result.map((a) => a.underReview)).toEqual(record.underReview);
    expect(record.result.every((a) => a.reviewers.length === 2)).toBe(true);
  });

  it('refuses a secret that does not match the published commitment', () => {
    expect(() => createRecord({ kind: 'reviewers', input: realInput, commitment: commitmentOf('00'.repeat(16)), secret: SECRET, publicEntropy: '1' })).toThrow(
      expect.objectContaining({ code: 'lots.commitmentMismatch' }),
    );
  });
});

describe('verifyRecord', () => {
  it('accepts an untouched record, after a trip through JSON', () => {
    expect(verifyRecord(roundTrip(reviewersRecord()))).toEqual({ valid: true });
  });

  it('reports a tampered result by the rule it breaks and by the re-run', () => {
    const record = roundTrip(reviewersRecord());
    const ind = record.result.find((a) => a.underReview === 'IND')!;
    const original = [...ind.reviewers];
    ind.reviewers = ['CHN', 'CHN'];
    const problems = problemsOf(record);
    expect(problems).toContain('CHN reviews IND twice.');
    expect(problems).toContain(`result differs from the re-run at IND: got [CHN, CHN], expected [${original.join(', ')}].`);
  });

  it('reports a reviewer #1 outside the regional group', () => {
    const record = roundTrip(reviewersRecord());
    const fra = record.result.find((a) => a.underReview === 'FRA')!;
    fra.reviewers = ['JPN', fra.reviewers[1] === 'JPN' ? 'KEN' : fra.reviewers[1]];
    expect(problemsOf(record)).toContain("reviewer #1 of FRA (JPN) is not in FRA's regional group (Western European and other States group).");
  });

  it('reports a swap that keeps the rules, through the re-run alone', () => {
    const record = roundTrip(reviewersRecord());
    const a = record.result[0]!;
    a.reviewers = [a.reviewers[0], record.result.find((x) => !x.reviewers.includes(a.underReview) && x.reviewers[1] !== a.reviewers[0] && x.underReview !== a.underReview)!.reviewers[1]];
    expect(problemsOf(record).some((p) => p.startsWith(`result differs from the re-run at ${a.underReview}`))).toBe(true);
  });

  it('reports a wrong secret', () => {
    const record = roundTrip(reviewersRecord());
    record.secret = '11'.repeat(32);
    const problems = problemsOf(record);
    expect(problems[0]).toMatch(/^the secret does not match the commitment: SHA-256 of the secret is [0-9a-f]{64}, the commitment is/);
    expect(problems.some((p) => p.startsWith('the seed is not'))).toBe(true);
  });

  it('reports changed public entropy', () => {
    const record = roundTrip(reviewersRecord());
    record.publicEntropy = '4 17 9 24';
    const problems = problemsOf(record);
    expect(problems.some((p) => p.startsWith('the seed is not SHA-256(secret ‖ 0x00 ‖ public entropy)'))).toBe(true);
    expect(problems.some((p) => p.startsWith('result differs from the re-run'))).toBe(true);
  });

  it('reports changed inputs (an exclusion added, a rule changed)', () => {
    const excluded = roundTrip(reviewersRecord());
    excluded.excluded = [{ iso3: 'DEU', reason: 'deferral' }];
    const problems = problemsOf(excluded);
    expect(problems.some((p) => p.startsWith('DEU is excluded from this draw (deferral) but reviews'))).toBe(true);
    const rules = roundTrip(reviewersRecord());
    rules.rules.secondReviewerGroup = 'other';
    expect(problemsOf(rules).some((p) => p.startsWith('result differs from the re-run'))).toBe(true);
    const cohort = roundTrip(reviewersRecord());
    cohort.underReview = cohort.underReview.filter((s) => s !== 'NOR');
    expect(problemsOf(cohort)).toContain('NOR is in the result but not under review in this draw.');
  });

  it('cannot see a change of inputs that leaves the result unchanged (compare with the inputs published before the draw)', () => {
    // A cap of 2 does not bind in this draw (nobody is drawn more than twice), so the re-run
    // is identical. docs/LOTS.md says so: the inputs must be published with the commitment.
    const record = roundTrip(reviewersRecord());
    record.rules.maxReviewsPerCycle = 2;
    expect(verifyRecord(record)).toEqual({ valid: true });
  });

  it('reports a record that is not one', () => {
    expect(problemsOf(null)).toEqual(['the record is not a JSON object.']);
    expect(problemsOf({ ...roundTrip(reviewersRecord()), formatVersion: 2 })).toEqual(['formatVersion 2 is not supported (this verifier reads version 1).']);
    expect(problemsOf({ ...roundTrip(reviewersRecord()), result: [{ underReview: 'AUT', reviewers: ['DEU'] }] })).toEqual(['result must be an array of { underReview, reviewers: [ISO3, ISO3] }.']);
    expect(() => assertValidRecord({ format: 'x' })).toThrow(expect.objectContaining({ code: 'lots.recordInvalid' }));
  });

  it('verifies a redraw against the result it replaced', () => {
    const input = buildInput();
    const previousResult = drawReviewers(input, seedOf(1));
    const record = roundTrip(
      createRecord({ kind: 'redraw', input, previousResult, of: { underReview: 'CCC', slot: 1 }, commitment: COMMITMENT, secret: SECRET, publicEntropy: 'redraw 1' }) as ReviewerDrawRecord,
    );
    expect(verifyRecord(record)).toEqual({ valid: true });
    const tampered = roundTrip(record);
    const other = tampered.result.find((a) => a.underReview === 'AAA')!;
    const previous = tampered.redraw!.previousResult.find((a) => a.underReview === 'AAA')!;
    // Swap AAA's reviewers: every rule could still hold, but the redraw touched another State.
    other.reviewers = [previous.reviewers[0], tampered.result.find((a) => a.underReview === 'CCC')!.reviewers[1] === 'HHH' ? 'GGG' : 'HHH'];
    const problems = problemsOf(tampered);
    expect(problems.some((p) => p.startsWith("the redraw changed AAA's reviewer #2"))).toBe(true);
  });

  it('verifies a cohort draw, and catches a State moved to another year', () => {
    const parties = partiesOf({ G1: ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'], G2: ['FFF', 'GGG', 'HHH'] }).map((p) => ({ ...p, becameParty: p.iso3 === 'HHH' ? '2021-01-01' : null }));
    const record = roundTrip(
      createRecord({ kind: 'cohorts', mechanism: 'uncac', cycle: 3, input: { parties, drawDate: '2020-06-01', years: 5, reviewYears: 4 }, commitment: COMMITMENT, secret: SECRET, publicEntropy: '3 3 6' }) as CohortDrawRecord,
    );
    expect(verifyRecord(record)).toEqual({ valid: true });
    expect(record.result[4]!.states).toEqual(['HHH']);
    const moved = roundTrip(record);
    moved.result[4]!.states = [];
    moved.result[0]!.states.push('HHH');
    const problems = problemsOf(moved);
    expect(problems).toContain('HHH became a party after the draw date but is in year 1, not year 5.');
    expect(problems.some((p) => p.startsWith('result differs from the re-run in year 1'))).toBe(true);
  });
});
