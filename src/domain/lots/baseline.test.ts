import { describe, expect, it } from 'vitest';
import reference from '../../../data/reference/parties.json' with { type: 'json' };
import { drawReviewersNaive } from './baseline.ts';
import { assignmentProblems } from './rules-check.ts';
import { allPartiesInput, buildInput, partiesOf, seedOf } from './testing.ts';

describe('drawReviewersNaive (benchmark baseline only)', () => {
  it('returns valid assignments on the real list', () => {
    const input = allPartiesInput(reference);
    for (let i = 0; i < 3; i++) expect(assignmentProblems(input, drawReviewersNaive(input, seedOf(i)))).toEqual([]);
  });

  it('gives up where the complete solver would have to say why', () => {
    const input = buildInput({ parties: partiesOf({ G1: ['AAA', 'BBB'], G2: ['EEE', 'FFF', 'GGG'] }) });
    expect(() => drawReviewersNaive(input, seedOf(1), 20)).toThrow(/gave up after 20 restarts/);
  });
});
