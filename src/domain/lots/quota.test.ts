import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { sampleQuotas } from './quota.ts';
import { fairShare } from './fair-share.ts';
import { buildProblem } from './problem.ts';
import { canonicaliseInput } from './input.ts';
import { buildInput, partiesOf, seedOf } from './testing.ts';

describe('fairShare', () => {
  it('is uniform per slot when no cap binds', () => {
    const problem = buildProblem(canonicaliseInput(buildInput()));
    const share = fairShare(problem);
    // 4 States per group, all under review: each does one reviewer-#1 review in expectation,
    // and 7/7 of a second-reviewer slot (eligible for 7 of 8 slots, each shared by 7).
    for (let r = 0; r < 8; r++) {
      expect(share.first[r]).toBeCloseTo(1, 12);
      expect(share.second[r]).toBeCloseTo(1, 12);
    }
    expect(share.converged).toBe(true);
  });

  it('scales a State down to its cap and shares the rest among the others', () => {
    // Cap 2, and AAA has done one review earlier in the cycle, so one is left; the uniform
    // share would give it 3 × 1/4 (reviewer #1) + 7/8 (reviewer #2) = 1.625.
    const input = buildInput({
      parties: partiesOf({ G1: ['AAA', 'BBB', 'CCC', 'DDD', 'XXX'], G2: ['EEE', 'FFF', 'GGG', 'HHH'] }),
      underReview: ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH'],
      prior: [{ underReview: 'XXX', reviewers: ['AAA', 'EEE'], year: 2025 }],
      rules: { maxReviewsPerCycle: 2 },
    });
    const problem = buildProblem(canonicaliseInput(input));
    const share = fairShare(problem);
    const a = problem.index.get('AAA')!;
    expect(share.converged).toBe(true);
    expect(share.first[a]! + share.second[a]!).toBeCloseTo(1, 6);
    let total = 0;
    for (let r = 0; r < problem.codes.length; r++) {
      total += share.first[r]! + share.second[r]!;
      expect(share.first[r]! + share.second[r]!).toBeLessThanOrEqual(problem.capLeft[r]! * (1 + 1e-6));
    }
    expect(total).toBeCloseTo(16, 9);
  });
});

describe('sampleQuotas', () => {
  it('gives each group exactly as many reviewer-#1 reviews as it has States under review, and expectation = share', () => {
    const input = buildInput({ underReview: ['AAA', 'BBB', 'EEE'] });
    const problem = buildProblem(canonicaliseInput(input));
    const share = fairShare(problem);
    const prng = new Prng(seedOf('quota'));
    const runs = 4000;
    const sum = new Float64Array(problem.codes.length);
    for (let i = 0; i < runs; i++) {
      const q = sampleQuotas(problem, share, prng)!;
      expect(q.first.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(2);
      expect(q.first.slice(4).reduce((a, b) => a + b, 0)).toBe(1);
      expect(q.second.reduce((a, b) => a + b, 0)).toBe(3);
      for (let r = 0; r < sum.length; r++) sum[r]! += q.first[r]! + q.second[r]!;
    }
    for (let r = 0; r < sum.length; r++) expect(sum[r]! / runs).toBeCloseTo(share.first[r]! + share.second[r]!, 1);
  });
});
