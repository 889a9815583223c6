/**
 * @module fairness
 * The fairness audit: run many seeded draws of one input and compare how often each State
 * was drawn with its fair share (fair-share.ts): the expected number of reviews per draw if
 * every slot picked uniformly among the States eligible for it, scaled down only for States
 * whose cap would otherwise be exceeded. Ratios near 1 mean no State is favoured or
 * disfavoured by the method itself (issue 3; docs/LOTS.md, "Fairness").
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { Prng } from './prng.ts';
import { prepareReviewerDraw, sampleReviewers } from './draw.ts';
import { invalidInput } from './errors.ts';
import type { ReviewerDrawInput } from './types.ts';

export interface FairnessRow {
  iso3: string;
  regionalGroup: string | null;
  /** Times drawn as a reviewer (either slot) over all runs. */
  drawn: number;
  drawnAsFirst: number;
  /** Fair share: expected reviews per draw, and as reviewer #1. */
  expected: number;
  expectedAsFirst: number;
  /** Observed per draw ÷ expected; null when the State is never eligible. */
  ratio: number | null;
  ratioAsFirst: number | null;
}

export interface FairnessReport {
  runs: number;
  rows: FairnessRow[];
  /** The ratio furthest from 1 (in the sense of |log ratio|), over all States, either slot. */
  worstRatio: number | null;
  worstState: string | null;
  /** The same, counting reviewer-#1 draws only. */
  worstRatioAsFirst: number | null;
  worstStateAsFirst: string | null;
  minRatio: number | null;
  maxRatio: number | null;
}

/** Seed of run i: SHA-256(baseSeed ‖ uint32be(i)). */
export function auditSeed(baseSeed: Uint8Array, run: number): Uint8Array {
  const message = new Uint8Array(baseSeed.length + 4);
  message.set(baseSeed, 0);
  new DataView(message.buffer).setUint32(baseSeed.length, run);
  return sha256(message);
}

const furthest = (ratios: [string, number][]): [string, number] | null =>
  ratios.reduce<[string, number] | null>((worst, cur) => (worst === null || Math.abs(Math.log(cur[1])) > Math.abs(Math.log(worst[1])) ? cur : worst), null);

/**
 * Runs `runs` draws of the input, seeded from `baseSeed`, and reports each State against its fair share.
 * @example auditFairness(input, 10_000, utf8ToBytes('audit 2026')).worstRatio
 */
export function auditFairness(input: ReviewerDrawInput, runs: number, baseSeed: Uint8Array): FairnessReport {
  if (!Number.isInteger(runs) || runs < 1) throw invalidInput('runs must be a positive integer.');
  const prepared = prepareReviewerDraw(input);
  const { problem, share } = prepared;
  const n = problem.codes.length;
  const drawn = new Float64Array(n);
  const drawnAsFirst = new Float64Array(n);
  for (let i = 0; i < runs; i++) {
    for (const a of sampleReviewers(prepared, new Prng(auditSeed(baseSeed, i)))) {
      const first = problem.index.get(a.reviewers[0])!;
      drawn[first]! += 1;
      drawnAsFirst[first]! += 1;
      drawn[problem.index.get(a.reviewers[1])!]! += 1;
    }
  }
  const rows: FairnessRow[] = problem.codes.map((iso3, r) => {
    const expected = share.first[r]! + share.second[r]!;
    const expectedAsFirst = share.first[r]!;
    return {
      iso3,
      regionalGroup: problem.input.parties[r]!.regionalGroup,
      drawn: drawn[r]!,
      drawnAsFirst: drawnAsFirst[r]!,
      expected,
      expectedAsFirst,
      ratio: expected > 0 ? drawn[r]! / runs / expected : null,
      ratioAsFirst: expectedAsFirst > 0 ? drawnAsFirst[r]! / runs / expectedAsFirst : null,
    };
  });
  const overall = rows.filter((row) => row.ratio !== null).map((row): [string, number] => [row.iso3, row.ratio!]);
  const asFirst = rows.filter((row) => row.ratioAsFirst !== null).map((row): [string, number] => [row.iso3, row.ratioAsFirst!]);
  const worst = furthest(overall);
  const worstFirst = furthest(asFirst);
  return {
    runs,
    rows,
    worstRatio: worst?.[1] ?? null,
    worstState: worst?.[0] ?? null,
    worstRatioAsFirst: worstFirst?.[1] ?? null,
    worstStateAsFirst: worstFirst?.[0] ?? null,
    minRatio: overall.length > 0 ? Math.min(...overall.map(([, v]) => v)) : null,
    maxRatio: overall.length > 0 ? Math.max(...overall.map(([, v]) => v)) : null,
  };
}
