import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { dependentRounding, type RoundingEdge } from './rounding.ts';
import { seedOf } from './testing.ts';

/** Three "States" (0–2) with shares toward two groups (3, 4) and the reviewer-#2 vertex (5). */
const edges: RoundingEdge[] = [
  { u: 0, v: 3, value: 0.5 },
  { u: 0, v: 5, value: 0.7 },
  { u: 1, v: 3, value: 1.5 },
  { u: 1, v: 5, value: 0.2 },
  { u: 2, v: 4, value: 1.0 },
  { u: 2, v: 5, value: 1.1 },
];
const degree = (values: number[], vertex: number) => edges.reduce((sum, e, i) => sum + (e.u === vertex || e.v === vertex ? values[i]! : 0), 0);

describe('dependentRounding', () => {
  it('returns integers; integral vertex totals exactly, the others at floor or ceil', () => {
    const prng = new Prng(seedOf('rounding'));
    for (let run = 0; run < 500; run++) {
      const out = dependentRounding(edges, 6, prng);
      out.forEach((x, i) => expect([Math.floor(edges[i]!.value), Math.ceil(edges[i]!.value)]).toContain(x));
      expect(degree(out, 3)).toBe(2);
      expect(degree(out, 4)).toBe(1);
      expect(degree(out, 5)).toBe(2);
      for (const v of [0, 1, 2]) {
        const fractional = degree(edges.map((e) => e.value), v);
        expect([Math.floor(fractional + 1e-9), Math.ceil(fractional - 1e-9)]).toContain(degree(out, v));
      }
    }
  });

  it('keeps every edge value in expectation', () => {
    const prng = new Prng(seedOf('expectation'));
    const runs = 6000;
    const sums = new Array<number>(edges.length).fill(0);
    for (let run = 0; run < runs; run++) dependentRounding(edges, 6, prng).forEach((x, i) => (sums[i]! += x));
    sums.forEach((sum, i) => expect(Math.abs(sum / runs - edges[i]!.value)).toBeLessThan(0.03));
  });

  it('leaves integral values alone and consumes no randomness for them', () => {
    const prng = new Prng(seedOf('integral'));
    expect(dependentRounding([{ u: 0, v: 1, value: 2 }, { u: 2, v: 1, value: 1 }], 3, prng)).toEqual([2, 1]);
    expect(prng.wordsUsed).toBe(0);
  });
});
