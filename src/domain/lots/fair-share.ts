/**
 * @module fair-share
 * Each State's fair share of the reviews of a draw: the expected number of times it would
 * be drawn if every slot picked uniformly among the States eligible for that slot ("each
 * one's chance of being drawn for a slot as equal as the rules allow", issue 3). Where that
 * would push a State past its cap, its chance is scaled down in every slot by the same
 * factor until it meets the cap exactly, and the others share the rest in proportion
 * (the fixed point of x[slot][r] = a_r / Σ a over the slot's eligible States, with
 * a_r ≤ 1 and a_r < 1 only for States exactly at their cap).
 *
 * With the soft legal-system rule on, reviewer #1's eligible States are narrowed to those of
 * the same legal system whenever there is one (problem.ts, `preferred`).
 *
 * The draw's quotas (quota.ts) are sampled so that their expectation is this share, and the
 * fairness audit (fairness.ts) measures observed frequencies against it.
 */
import { slotType, type Problem } from './problem.ts';

export interface FairShare {
  /** Expected reviews as reviewer #1, per party index. */
  first: Float64Array;
  /** Expected reviews as reviewer #2, per party index. */
  second: Float64Array;
  /** Whether the cap scaling converged (always, when no cap binds). */
  converged: boolean;
}

const MAX_ROUNDS = 200;
const TOLERANCE = 1e-9;

export function fairShare(problem: Problem): FairShare {
  const n = problem.codes.length;
  const cap = problem.capLeft;
  const weight = new Float64Array(n).fill(1);
  const first = new Float64Array(n);
  const second = new Float64Array(n);
  let converged = false;
  for (let round = 0; round < MAX_ROUNDS && !converged; round++) {
    first.fill(0);
    second.fill(0);
    problem.preferred.forEach((list, slot) => {
      let sum = 0;
      for (const r of list) sum += weight[r]!;
      if (sum === 0) return;
      const target = slotType(slot) === 0 ? first : second;
      for (const r of list) target[r]! += weight[r]! / sum;
    });
    converged = true;
    for (let r = 0; r < n; r++) {
      const load = first[r]! + second[r]!;
      const c = cap[r]!;
      if (load > c * (1 + TOLERANCE)) {
        weight[r]! *= c / load;
        converged = false;
      } else if (weight[r]! < 1 && load < c * (1 - TOLERANCE)) {
        weight[r] = Math.min(1, (weight[r]! * c) / load);
        converged = false;
      }
    }
  }
  return { first, second, converged };
}
