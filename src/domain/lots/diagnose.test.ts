import { describe, expect, it } from 'vitest';
import reference from '../../../data/reference/parties.json' with { type: 'json' };
import { drawReviewers } from './draw.ts';
import { isLotsError } from './errors.ts';
import { allPartiesInput, buildInput, partiesOf, seedOf } from './testing.ts';
import type { ReviewerDrawInput } from './types.ts';

const detailsOf = (input: ReviewerDrawInput): Record<string, unknown> => {
  try {
    drawReviewers(input, seedOf(1));
  } catch (error) {
    if (isLotsError(error)) return { code: error.code, message: error.message, ...error.details };
    throw error;
  }
  throw new Error('expected the draw to fail');
};

describe('diagnosis of the pairwise rules', () => {
  it('finds the two States of a group of two among 193 States under review', () => {
    const all = allPartiesInput(reference);
    const input = {
      ...all,
      parties: [...all.parties, { iso3: 'XXA', regionalGroup: 'tiny' }, { iso3: 'XXB', regionalGroup: 'tiny' }],
      underReview: [...all.underReview, 'XXA', 'XXB'],
    };
    expect(detailsOf(input)).toMatchObject({ code: 'lots.infeasible', rule: 'mutualReviews', states: ['XXA', 'XXB'] });
  });

  it('names the distinct-reviewers rule when a State can only get the same State twice', () => {
    // AAA's only possible reviewers are BBB (its group) and, with 'other' closed off by
    // exclusions, nobody else but BBB again: the rule broken is "two different reviewers".
    const input = buildInput({
      parties: partiesOf({ G1: ['AAA', 'BBB'], G2: ['EEE'] }),
      underReview: ['AAA'],
      excluded: [{ iso3: 'EEE', reason: 'deferral' }],
      rules: { mutualScope: 'none' },
    });
    expect(detailsOf(input)).toMatchObject({ rule: 'distinctReviewers', states: ['AAA'] });
  });

  it('blames the mutual rule only when dropping it would help', () => {
    const input = buildInput({ parties: partiesOf({ G1: ['AAA', 'BBB'], G2: ['EEE', 'FFF'] }), underReview: ['AAA', 'BBB', 'EEE', 'FFF'] });
    const details = detailsOf(input);
    expect(details.rule).toBe('mutualReviews');
    expect(String(details.message)).toMatch(/^No assignment avoids mutual reviews \(scope: cycle\) for /);
  });
});
