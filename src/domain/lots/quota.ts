/**
 * @module quota
 * Draws how many reviews each State undertakes in this draw (as reviewer #1 and as
 * reviewer #2), so that the expected numbers are exactly its fair shares (fair-share.ts).
 * This is the idea of Flanigan et al. (Nature, 2021) for citizens' assemblies: first decide
 * the fairest selection probabilities the constraints allow, then draw a result whose
 * probabilities are exactly those, instead of hoping a sequential draw lands on them. The
 * rounding is dependent rounding (rounding.ts); who reviews whom within the quotas is left
 * to the search (solver.ts).
 */
import type { Prng } from './prng.ts';
import type { FairShare } from './fair-share.ts';
import type { Problem } from './problem.ts';
import { dependentRounding, type RoundingEdge } from './rounding.ts';

export interface Quotas {
  first: Int32Array;
  second: Int32Array;
}

/**
 * Rounds the fair shares to whole reviews. The graph: one vertex per State, one per regional
 * group ("reviewer #1 slots of this group") and one for all reviewer-#2 slots; an edge from a
 * State to its group carries its reviewer-#1 share, an edge to the last vertex its
 * reviewer-#2 share. Dependent rounding keeps each share's expectation, fills each group's
 * reviewer-#1 slots and all reviewer-#2 slots exactly, and gives each State ⌊share⌋ or
 * ⌈share⌉ reviews in total, so never more than its cap. The States are shuffled first so
 * which shares get rounded together is random too. Null if a cap would still be broken
 * (only through floating-point rounding of a share sitting exactly on its cap); the caller
 * draws again.
 */
export function sampleQuotas(problem: Problem, share: FairShare, prng: Prng): Quotas | null {
  const n = problem.codes.length;
  const groups = problem.groupIds.length;
  const edges: RoundingEdge[] = [];
  const owner: [number, 0 | 1][] = [];
  for (const r of prng.shuffle(Array.from({ length: n }, (_, i) => i))) {
    if (share.first[r]! > 0) {
      edges.push({ u: r, v: n + problem.group[r]!, value: share.first[r]! });
      owner.push([r, 0]);
    }
    if (share.second[r]! > 0) {
      edges.push({ u: r, v: n + groups, value: share.second[r]! });
      owner.push([r, 1]);
    }
  }
  const rounded = dependentRounding(edges, n + groups + 1, prng);
  const first = new Int32Array(n);
  const second = new Int32Array(n);
  owner.forEach(([r, type], i) => ((type === 0 ? first : second)[r] = rounded[i]!));
  for (let r = 0; r < n; r++) if (first[r]! + second[r]! > problem.capLeft[r]!) return null;
  return { first, second };
}
