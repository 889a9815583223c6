import { describe, expect, it } from 'vitest';
import { assignmentProblems } from './rules-check.ts';
import { buildInput, partiesOf } from './testing.ts';
import type { ReviewerAssignment } from './types.ts';

const parties = partiesOf({ G1: ['AAA', 'BBB', 'CCC'], G2: ['EEE', 'FFF', 'GGG'], null: ['EUU'] });
const input = buildInput({ parties, underReview: ['AAA', 'EEE'] });
const pair = (underReview: string, a: string, b: string): ReviewerAssignment => ({ underReview, reviewers: [a, b] });

describe('assignmentProblems', () => {
  it('accepts a valid result', () => {
    expect(assignmentProblems(input, [pair('AAA', 'BBB', 'FFF'), pair('EEE', 'GGG', 'EUU')])).toEqual([]);
  });

  it('names each broken rule', () => {
    const strict = buildInput({
      parties,
      underReview: ['AAA', 'EEE'],
      excluded: [{ iso3: 'CCC', reason: 'deferral' }],
      prior: [{ underReview: 'GGG', reviewers: ['AAA', 'FFF'], year: 2026 }],
      rules: { secondReviewerGroup: 'other', maxReviewsPerCycle: 2, maxReviewsPerYear: 1 },
    });
    expect(assignmentProblems(strict, [pair('AAA', 'EEE', 'BBB'), pair('EEE', 'AAA', 'AAA'), pair('ZZZ', 'CCC', 'GGG')])).toEqual([
      "reviewer #1 of AAA (EEE) is not in AAA's regional group (G1 group).",
      "reviewer #2 of AAA (BBB) is in AAA's own regional group, but the rules require another group.",
      'AAA reviews EEE twice.',
      "reviewer #1 of EEE (AAA) is not in EEE's regional group (G2 group).",
      'ZZZ is in the result but not under review in this draw.',
      'CCC is excluded from this draw (deferral) but reviews ZZZ.',
      "reviewer #1 of ZZZ (CCC) is not in ZZZ's regional group (no regional group).",
      'AAA has 3 reviews in the cycle, above the cap of 2 reviews per cycle and 1 review per year.',
      'AAA has 3 reviews in 2026, above the cap of 2 reviews per cycle and 1 review per year.',
      'AAA and EEE review each other (no mutual reviews, scope: cycle).',
    ]);
  });

  it('checks the mutual rule against earlier draws within the scope only', () => {
    const prior = [{ underReview: 'BBB', reviewers: ['AAA', 'EEE'] as [string, string], year: 2025 }];
    const result = [pair('AAA', 'BBB', 'FFF'), pair('EEE', 'FFF', 'GGG')];
    expect(assignmentProblems(buildInput({ parties, underReview: ['AAA', 'EEE'], prior, rules: { mutualScope: 'cycle' } }), result)).toEqual([
      'BBB reviews AAA, who reviewed BBB in an earlier draw (no mutual reviews, scope: cycle).',
    ]);
    expect(assignmentProblems(buildInput({ parties, underReview: ['AAA', 'EEE'], prior, rules: { mutualScope: 'year' } }), result)).toEqual([]);
  });

  it('reports a State under review with no entry, and a duplicate entry', () => {
    expect(assignmentProblems(input, [pair('AAA', 'BBB', 'FFF'), pair('AAA', 'BBB', 'FFF')])).toEqual([
      'AAA appears twice in the result.',
      'EEE is under review but has no reviewers in the result.',
    ]);
  });
});
