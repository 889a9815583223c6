import { describe, expect, it } from 'vitest';
import reference from '../../../data/reference/parties.json' with { type: 'json' };
import { Prng } from './prng.ts';
import { drawReviewers, redrawSlot } from './draw.ts';
import { isLotsError, type LotsError } from './errors.ts';
import { assignmentProblems } from './rules-check.ts';
import { allPartiesInput, buildInput, partiesOf, seedOf } from './testing.ts';
import type { ReviewerAssignment, ReviewerDrawInput } from './types.ts';

const realInput = allPartiesInput(reference);

function lotsErrorOf(run: () => unknown): LotsError {
  try {
    run();
  } catch (error) {
    if (isLotsError(error)) return error;
    throw error;
  }
  throw new Error('expected a LotsError');
}

/** Draws with several seeds and returns every result, each checked against all hard rules. */
function drawMany(input: ReviewerDrawInput, times: number): ReviewerAssignment[][] {
  return Array.from({ length: times }, (_, i) => {
    const result = drawReviewers(input, seedOf(i));
    expect(assignmentProblems(input, result)).toEqual([]);
    return result;
  });
}

const reviewersOf = (results: ReviewerAssignment[][], s: string, slot: 0 | 1) => new Set(results.map((r) => r.find((a) => a.underReview === s)!.reviewers[slot]));
const groupOf = new Map(realInput.parties.map((p) => [p.iso3, p.regionalGroup]));

describe('drawReviewers on the real parties list', () => {
  it('gives all 191 States with a regional group two valid reviewers, reviewer #1 from their own group', () => {
    expect(realInput.underReview).toHaveLength(191);
    const result = drawReviewers(realInput, seedOf(1));
    expect(result).toHaveLength(191);
    expect(assignmentProblems(realInput, result)).toEqual([]);
    for (const a of result) expect(groupOf.get(a.reviewers[0])).toBe(groupOf.get(a.underReview));
    expect(result.map((a) => a.underReview)).toEqual([...realInput.underReview].sort());
  });

  it('is deterministic: same input and seed, same result; another seed, another result', () => {
    expect(drawReviewers(realInput, seedOf(7))).toEqual(drawReviewers(realInput, seedOf(7)));
    expect(drawReviewers(realInput, seedOf(8))).not.toEqual(drawReviewers(realInput, seedOf(7)));
  });

  it('depends only on the input sets: shuffled lists give the same result', () => {
    const prng = new Prng(seedOf('shuffle'));
    const shuffled: ReviewerDrawInput = {
      ...realInput,
      parties: prng.shuffle([...realInput.parties]),
      underReview: prng.shuffle([...realInput.underReview]),
      excluded: [
        { iso3: 'FRA', reason: 'deferral' },
        { iso3: 'BRA', reason: 'deferral' },
      ],
    };
    const ordered = { ...shuffled, parties: [...realInput.parties], underReview: [...realInput.underReview], excluded: [...shuffled.excluded].reverse() };
    expect(drawReviewers(shuffled, seedOf(3))).toEqual(drawReviewers(ordered, seedOf(3)));
  });

  it('meets every rule with the strict settings too (other group, yearly cap 2, one cohort per year)', () => {
    const input = allPartiesInput(reference, { secondReviewerGroup: 'other', maxReviewsPerYear: 2, maxReviewsPerCycle: 3 });
    for (const result of drawMany(input, 3)) {
      for (const a of result) expect(groupOf.get(a.reviewers[1])).not.toBe(groupOf.get(a.underReview));
    }
  });

  it('draws a quarter-size cohort with earlier draws of the cycle counted', () => {
    const states = realInput.underReview;
    const year1 = states.filter((_, i) => i % 4 === 0);
    const year2 = states.filter((_, i) => i % 4 === 1);
    const first = drawReviewers({ ...realInput, underReview: year1, year: 2025 }, seedOf('y1'));
    const prior = first.map((a) => ({ ...a, year: 2025 }));
    const input = { ...realInput, underReview: year2, prior, rules: { ...realInput.rules, maxReviewsPerCycle: 2 } };
    const second = drawReviewers(input, seedOf('y2'));
    expect(assignmentProblems(input, second)).toEqual([]);
  });
});

describe('each rule setting is enforced (these fail if the rule is ignored)', () => {
  const small = partiesOf({ G1: ['AAA', 'BBB', 'CCC', 'DDD'], G2: ['EEE', 'FFF', 'GGG', 'HHH'] });

  it("secondReviewerGroup 'other': reviewer #2 never from the State's own group; 'any': sometimes", () => {
    const other = drawMany(buildInput({ parties: small, underReview: ['AAA'], rules: { secondReviewerGroup: 'other' } }), 40);
    expect([...reviewersOf(other, 'AAA', 1)].every((r) => ['EEE', 'FFF', 'GGG', 'HHH'].includes(r))).toBe(true);
    const any = drawMany(buildInput({ parties: small, underReview: ['AAA'], rules: { secondReviewerGroup: 'any' } }), 40);
    expect([...reviewersOf(any, 'AAA', 1)].some((r) => ['BBB', 'CCC', 'DDD'].includes(r))).toBe(true);
  });

  it("mutualScope 'draw': no two States review each other in the draw", () => {
    for (const result of drawMany(allPartiesInput(reference, { mutualScope: 'draw' }), 5)) {
      const pairs = new Set(result.flatMap((a) => a.reviewers.map((r) => `${r}>${a.underReview}`)));
      for (const p of pairs) expect(pairs.has(p.split('>').reverse().join('>')), p).toBe(false);
    }
  });

  it("mutualScope 'none' allows the mutual pair a group of two needs; 'draw' does not", () => {
    const pair = partiesOf({ G1: ['AAA', 'BBB'], G2: ['EEE', 'FFF', 'GGG'] });
    const none = drawReviewers(buildInput({ parties: pair, underReview: ['AAA', 'BBB'], rules: { mutualScope: 'none' } }), seedOf(1));
    expect(none.map((a) => a.reviewers[0])).toEqual(['BBB', 'AAA']);
    const error = lotsErrorOf(() => drawReviewers(buildInput({ parties: pair, underReview: ['AAA', 'BBB'], rules: { mutualScope: 'draw' } }), seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'mutualReviews', states: ['AAA', 'BBB'] });
  });

  // AAA was reviewed by BBB and CCC in an earlier draw; now BBB is under review.
  const priorInput = (scope: 'cycle' | 'year' | 'draw', priorYear: number) =>
    buildInput({ parties: small, underReview: ['BBB'], prior: [{ underReview: 'AAA', reviewers: ['BBB', 'CCC'], year: priorYear }], rules: { mutualScope: scope } });

  it("mutualScope 'cycle': a State never reviews one that reviewed it earlier in the cycle", () => {
    expect(reviewersOf(drawMany(priorInput('cycle', 2024), 40), 'BBB', 0).has('AAA')).toBe(false);
    expect(reviewersOf(drawMany(priorInput('draw', 2024), 40), 'BBB', 0).has('AAA')).toBe(true);
  });

  it("mutualScope 'year': only earlier draws of the same year count", () => {
    expect(reviewersOf(drawMany(priorInput('year', 2026), 40), 'BBB', 0).has('AAA')).toBe(false);
    expect(reviewersOf(drawMany(priorInput('year', 2025), 40), 'BBB', 0).has('AAA')).toBe(true);
  });

  it('maxReviewsPerCycle counts earlier draws: a State at the cap is never drawn', () => {
    const prior = [
      { underReview: 'EEE', reviewers: ['AAA', 'BBB'] as [string, string], year: 2024 },
      { underReview: 'FFF', reviewers: ['AAA', 'CCC'] as [string, string], year: 2025 },
    ];
    const capped = drawMany(buildInput({ parties: small, underReview: ['DDD', 'GGG'], prior, rules: { maxReviewsPerCycle: 2 } }), 40);
    expect(capped.some((r) => r.some((a) => a.reviewers.includes('AAA')))).toBe(false);
    const loose = drawMany(buildInput({ parties: small, underReview: ['DDD', 'GGG'], prior, rules: { maxReviewsPerCycle: 3 } }), 40);
    expect(loose.some((r) => r.some((a) => a.reviewers.includes('AAA')))).toBe(true);
  });

  it('maxReviewsPerCycle bounds the reviews within one draw', () => {
    for (const result of drawMany(buildInput({ parties: small, rules: { maxReviewsPerCycle: 2 } }), 10)) {
      const load = new Map<string, number>();
      for (const a of result) for (const r of a.reviewers) load.set(r, (load.get(r) ?? 0) + 1);
      expect(Math.max(...load.values())).toBe(2); // 16 reviews over 8 States at most 2 each: exactly 2
    }
  });

  it('maxReviewsPerYear counts only the same year', () => {
    const prior = [{ underReview: 'EEE', reviewers: ['AAA', 'BBB'] as [string, string], year: 2026 }];
    const sameYear = drawMany(buildInput({ parties: small, underReview: ['DDD'], prior, rules: { maxReviewsPerYear: 1, maxReviewsPerCycle: null } }), 40);
    expect(reviewersOf(sameYear, 'DDD', 0).has('AAA')).toBe(false);
    const lastYear = drawMany(buildInput({ parties: small, underReview: ['DDD'], prior: [{ ...prior[0]!, year: 2025 }], rules: { maxReviewsPerYear: 1, maxReviewsPerCycle: null } }), 40);
    expect(reviewersOf(lastYear, 'DDD', 0).has('AAA')).toBe(true);
  });

  it('preferSameLegalSystem: reviewer #1 shares the legal system when one in the group does', () => {
    const parties = small.map((p) => ({ ...p, legalSystem: ['AAA', 'CCC'].includes(p.iso3) ? 'common' : 'civil' }));
    const preferred = drawMany(buildInput({ parties, underReview: ['AAA'], rules: { preferSameLegalSystem: true } }), 30);
    expect([...reviewersOf(preferred, 'AAA', 0)]).toEqual(['CCC']);
    const indifferent = drawMany(buildInput({ parties, underReview: ['AAA'], rules: { preferSameLegalSystem: false } }), 30);
    expect(reviewersOf(indifferent, 'AAA', 0).size).toBe(3);
  });

  it('preferSameLegalSystem is soft: without a match any group member will do', () => {
    const parties = small.map((p) => ({ ...p, legalSystem: p.iso3 === 'AAA' ? 'common' : 'civil' }));
    expect(reviewersOf(drawMany(buildInput({ parties, underReview: ['AAA'] }), 30), 'AAA', 0).size).toBe(3);
  });

  it('excluded States are never drawn, but may still be under review', () => {
    const input = buildInput({ parties: small, excluded: [{ iso3: 'BBB', reason: 'deferral as reviewer (ToR para. 20)' }] });
    for (const result of drawMany(input, 20)) {
      expect(result.some((a) => a.reviewers.includes('BBB'))).toBe(false);
      expect(result.some((a) => a.underReview === 'BBB')).toBe(true);
    }
  });

  it('the EU can be reviewer #2 but never reviewer #1', () => {
    const input = buildInput({ parties: partiesOf({ G1: ['AAA', 'BBB', 'CCC'], null: ['EUU'] }), underReview: ['AAA', 'BBB', 'CCC'], rules: { mutualScope: 'none' } });
    const results = drawMany(input, 30);
    expect(results.some((r) => r.some((a) => a.reviewers[1] === 'EUU'))).toBe(true);
    expect(results.some((r) => r.some((a) => a.reviewers[0] === 'EUU'))).toBe(false);
  });
});

describe('infeasible draws name the rule and the States', () => {
  it('a group too small after exclusions', () => {
    const input = buildInput({
      parties: partiesOf({ G1: ['AAA', 'BBB', 'CCC'], G2: ['EEE', 'FFF', 'GGG'] }),
      underReview: ['AAA', 'EEE'],
      excluded: [
        { iso3: 'BBB', reason: 'deferral' },
        { iso3: 'CCC', reason: 'no experts nominated' },
      ],
    });
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.code).toBe('lots.infeasible');
    expect(error.details).toMatchObject({ rule: 'sameGroupReviewer', states: ['AAA'] });
    expect(error.message).toBe(
      'Reviewer #1 must come from the same regional group (terms of reference, para. 19): the 1 State under review of the G1 group (AAA) needs 1 same-group review ' +
        'but none is available after exclusions: BBB is excluded (deferral); CCC is excluded (no experts nominated).',
    );
  });

  it('the real Eastern European group after exclusions and the cap (the example in the issue)', () => {
    const east = realInput.parties.filter((p) => p.regionalGroup === 'eastern-european').map((p) => p.iso3);
    const keep = ['BLR', 'MDA', 'UKR'];
    const others = east.filter((c) => !keep.includes(c));
    const input: ReviewerDrawInput = {
      ...realInput,
      underReview: others.slice(0, 5),
      excluded: others.map((iso3) => ({ iso3, reason: 'deferral' })),
      // Two reviews each already in the cycle: one left each under the cap of 3.
      prior: [
        { underReview: 'FRA', reviewers: ['BLR', 'MDA'], year: 2025 },
        { underReview: 'DEU', reviewers: ['BLR', 'UKR'], year: 2025 },
        { underReview: 'ITA', reviewers: ['MDA', 'UKR'], year: 2025 },
      ],
    };
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'sameGroupReviewer', states: others.slice(0, 5), reviewers: keep, needed: 5, available: 3 });
    expect(error.message).toContain(
      `the 5 States under review of the Eastern European States group (${others.slice(0, 4).join(', ')} and ${others[4]}) need 5 same-group reviews but only 3 are available from BLR, MDA and UKR after exclusions and the cap of 3 reviews per cycle`,
    );
  });

  it('caps exhausted by earlier draws', () => {
    const parties = partiesOf({ G1: ['AAA', 'BBB', 'CCC'], G2: ['EEE', 'FFF', 'GGG', 'HHH', 'III'] });
    const prior = [
      { underReview: 'HHH', reviewers: ['AAA', 'BBB'] as [string, string], year: 2025 },
      { underReview: 'III', reviewers: ['AAA', 'BBB'] as [string, string], year: 2025 },
    ];
    const input = buildInput({ parties, underReview: ['EEE', 'FFF', 'GGG'], prior, rules: { maxReviewsPerCycle: 2, secondReviewerGroup: 'other' } });
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'reviewCap', states: ['EEE', 'FFF', 'GGG'], reviewers: ['CCC'], needed: 3, available: 2 });
    expect(error.message).toContain('under the cap of 2 reviews per cycle');
  });

  it('caps exhausted for reviewer #1 of a group', () => {
    const parties = partiesOf({ G1: ['AAA', 'BBB', 'CCC'], G2: ['EEE', 'FFF', 'GGG'] });
    const prior = [
      { underReview: 'EEE', reviewers: ['BBB', 'CCC'] as [string, string], year: 2025 },
      { underReview: 'FFF', reviewers: ['BBB', 'CCC'] as [string, string], year: 2025 },
    ];
    const error = lotsErrorOf(() => drawReviewers(buildInput({ parties, underReview: ['AAA'], prior, rules: { maxReviewsPerCycle: 2 } }), seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'sameGroupReviewer', states: ['AAA'] });
    expect(error.message).toContain('BBB and CCC have reached the cap of 2 reviews per cycle in earlier draws');
  });

  it('the mutual rule blocking a group of two', () => {
    const input = buildInput({ parties: partiesOf({ G1: ['AAA', 'BBB'], G2: ['EEE', 'FFF', 'GGG', 'HHH'] }) });
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'mutualReviews', states: ['AAA', 'BBB'] });
  });

  it('the mutual rule with an earlier draw of the cycle', () => {
    const input = buildInput({
      parties: partiesOf({ G1: ['AAA', 'BBB', 'CCC'], G2: ['EEE', 'FFF', 'GGG'] }),
      underReview: ['AAA'],
      prior: [
        { underReview: 'BBB', reviewers: ['AAA', 'EEE'], year: 2025 },
        { underReview: 'CCC', reviewers: ['AAA', 'FFF'], year: 2025 },
      ],
    });
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'sameGroupReviewer', states: ['AAA'] });
    expect(error.message).toContain('BBB and CCC may not review AAA, who reviewed them earlier in the cycle (no mutual reviews)');
  });

  it('a State under review with no regional group (the EU)', () => {
    const input = buildInput({ parties: partiesOf({ G1: ['AAA', 'BBB', 'CCC'], null: ['EUU'] }), underReview: ['AAA', 'EUU'] });
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.details).toMatchObject({ rule: 'noRegionalGroup', states: ['EUU'] });
    expect(error.message).toContain('EUU has no regional group');
  });

  it('refuses unknown, missing and duplicate ISO codes as invalid input, listing each', () => {
    const input = buildInput({ underReview: ['AAA', 'AAA', 'ZZZ', 'abc'], excluded: [{ iso3: 'QQQ', reason: 'x' }] });
    const error = lotsErrorOf(() => drawReviewers(input, seedOf(1)));
    expect(error.code).toBe('lots.invalidInput');
    expect(error.details?.problems).toEqual([
      'underReview: AAA is listed twice.',
      'underReview: ZZZ is not in the parties list.',
      "underReview: 'abc' is not a three-letter upper-case ISO code.",
      'excluded: QQQ is not in the parties list.',
    ]);
    const dupParties = buildInput({ parties: [...partiesOf({ G1: ['AAA', 'BBB'] }), { iso3: 'AAA', regionalGroup: 'G1' }] });
    expect(lotsErrorOf(() => drawReviewers(dupParties, seedOf(1))).message).toContain('parties: AAA is listed twice.');
  });

  it('refuses bad rules, a missing reason and a State under review twice in the cycle', () => {
    const input = buildInput({
      rules: { maxReviewsPerCycle: 0, mutualScope: 'always' as never },
      excluded: [{ iso3: 'BBB', reason: ' ' }],
      prior: [{ underReview: 'AAA', reviewers: ['BBB', 'EEE'], year: 2025 }],
    });
    const problems = lotsErrorOf(() => drawReviewers(input, seedOf(1))).details?.problems as string[];
    expect(problems).toEqual(
      expect.arrayContaining([
        "rules.mutualScope must be 'none', 'draw', 'year' or 'cycle'.",
        'rules.maxReviewsPerCycle must be a positive integer or null.',
        'excluded: BBB has no recorded reason.',
        expect.stringContaining('AAA is under review in this draw but already has reviewers in prior'),
      ]),
    );
  });

  it('an empty cohort draws nothing', () => {
    expect(drawReviewers(buildInput({ underReview: [] }), seedOf(1))).toEqual([]);
  });
});

describe('redrawSlot', () => {
  const input = buildInput();
  const current = drawReviewers(input, seedOf(1));

  it.each([0, 1] as const)('changes only slot %i of the requested State, to another reviewer, keeping every rule', (slot) => {
    let redrawn = 0;
    for (const target of input.underReview) {
      let next: ReviewerAssignment[];
      try {
        next = redrawSlot(input, current, { underReview: target, slot }, seedOf(`redraw ${target}`));
      } catch (error) {
        // In a group of four with no mutual reviews, a State can run out of alternatives.
        expect(isLotsError(error) && error.details?.rule).toBe('noCandidate');
        continue;
      }
      redrawn += 1;
      expect(assignmentProblems(input, next)).toEqual([]);
      next.forEach((a, k) => {
        const before = current[k]!;
        expect(a.underReview).toBe(before.underReview);
        if (a.underReview === target) {
          expect(a.reviewers[slot]).not.toBe(before.reviewers[slot]);
          expect(a.reviewers[1 - slot]).toBe(before.reviewers[1 - slot]);
        } else expect(a.reviewers).toEqual(before.reviewers);
      });
    }
    expect(redrawn).toBeGreaterThanOrEqual(4);
  });

  it('is deterministic in the seed', () => {
    const request = { underReview: 'EEE', slot: 1 } as const;
    expect(redrawSlot(input, current, request, seedOf(5))).toEqual(redrawSlot(input, current, request, seedOf(5)));
  });

  it('keeps every rule on the real list, redraw after redraw', () => {
    let result = drawReviewers(realInput, seedOf(2));
    for (let i = 0; i < 30; i++) {
      const target = realInput.underReview[(i * 37) % realInput.underReview.length]!;
      result = redrawSlot(realInput, result, { underReview: target, slot: (i % 2) as 0 | 1 }, seedOf(`real ${i}`));
      expect(assignmentProblems(realInput, result)).toEqual([]);
    }
  });

  it('says why when no other State may take the slot', () => {
    const parties = partiesOf({ G1: ['AAA', 'BBB', 'CCC'], G2: ['EEE', 'FFF', 'GGG'] });
    const tight = buildInput({ parties, underReview: ['AAA', 'BBB'], excluded: [{ iso3: 'CCC', reason: 'deferral' }], rules: { mutualScope: 'none' } });
    const now = drawReviewers(tight, seedOf(1));
    const error = lotsErrorOf(() => redrawSlot(tight, now, { underReview: 'AAA', slot: 0 }, seedOf(2)));
    expect(error.code).toBe('lots.infeasible');
    expect(error.details?.rule).toBe('noCandidate');
    expect(error.message).toBe('No other State can be reviewer #1 (from the G1 group) of AAA: BBB is the current reviewer; CCC is excluded (deferral).');
  });

  it('refuses a current assignment that breaks the rules, or a State not under review', () => {
    const broken = current.map((a) => (a.underReview === 'AAA' ? { ...a, reviewers: ['EEE', 'FFF'] as [string, string] } : a));
    expect(lotsErrorOf(() => redrawSlot(input, broken, { underReview: 'AAA', slot: 0 }, seedOf(1))).message).toContain('reviewer #1 of AAA (EEE) is not in');
    expect(lotsErrorOf(() => redrawSlot(input, current, { underReview: 'ZZZ', slot: 0 }, seedOf(1))).code).toBe('lots.invalidInput');
  });
});
