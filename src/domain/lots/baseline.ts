/**
 * @module baseline
 * The naive "shuffle and retry" draw, kept only as a baseline for the benchmark and the
 * fairness tests: States under review in a random order, each reviewer picked uniformly
 * among those the rules still allow given the earlier picks, and a restart from scratch
 * whenever a State is left with no candidate. It is neither complete (it gives up after
 * `maxRestarts`) nor fair (States that stay available longest, such as those in no group or
 * with few conflicts, are drawn more often). Not for real draws.
 */
import { Prng } from './prng.ts';
import { infeasible } from './errors.ts';
import { canonicaliseInput } from './input.ts';
import { buildProblem } from './problem.ts';
import type { ReviewerAssignment, ReviewerDrawInput } from './types.ts';

export function drawReviewersNaive(input: ReviewerDrawInput, seed: Uint8Array, maxRestarts = 10_000): ReviewerAssignment[] {
  const problem = buildProblem(canonicaliseInput(input));
  const n = problem.codes.length;
  const prng = new Prng(seed);
  for (let attempt = 0; attempt <= maxRestarts; attempt++) {
    const load = new Int32Array(n);
    const reviews = new Uint8Array(n * n);
    const chosen = new Int32Array(problem.eligible.length).fill(-1);
    let stuck = false;
    for (const k of prng.shuffle(Array.from({ length: problem.surs.length }, (_, i) => i))) {
      const s = problem.surs[k]!;
      for (const slot of [2 * k, 2 * k + 1]) {
        const candidates = [...problem.eligible[slot]!].filter(
          (r) => load[r]! < problem.capLeft[r]! && chosen[slot ^ 1] !== r && !(problem.mutualInDraw && reviews[s * n + r] === 1),
        );
        if (candidates.length === 0) {
          stuck = true;
          break;
        }
        const r = candidates[prng.nextInt(candidates.length)]!;
        chosen[slot] = r;
        load[r]! += 1;
        reviews[r * n + s] = 1;
      }
      if (stuck) break;
    }
    if (!stuck) {
      return [...problem.surs].map((s, k) => ({ underReview: problem.codes[s]!, reviewers: [problem.codes[chosen[2 * k]!]!, problem.codes[chosen[2 * k + 1]!]!] }));
    }
  }
  throw infeasible('searchBudget', problem.input.underReview, `The naive draw gave up after ${maxRestarts} restarts.`);
}
