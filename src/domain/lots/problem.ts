/**
 * @module problem
 * Turns a canonical reviewer-draw input into the indexed form the solver works on: States
 * become integers (their position in the sorted parties list), each State under review has
 * two slots (slot 2k = reviewer #1, slot 2k+1 = reviewer #2 of the k-th State under review),
 * and every rule that does not depend on the other choices of this draw is applied once, as
 * a list of eligible reviewers per slot.
 */
import type { ReviewerDrawInput } from './types.ts';

export interface Problem {
  input: ReviewerDrawInput;
  /** Party index → ISO code (sorted). */
  codes: string[];
  index: Map<string, number>;
  /** Party index → group number, −1 for none. */
  group: Int32Array;
  groupIds: string[];
  legal: (string | null)[];
  excludedReason: (string | null)[];
  /** Reviews already done in earlier draws of the cycle / of this year. */
  priorCycle: Int32Array;
  priorYear: Int32Array;
  /** Reviews each party may still take in this draw (caps minus earlier draws, never more than one per State under review). */
  capLeft: Int32Array;
  /** The same before the "one per State under review" bound; Infinity without caps. For messages. */
  capByRules: Float64Array;
  /** Party indices of the States under review, ascending. */
  surs: Int32Array;
  /** Party index → position among the States under review, −1 if not under review. */
  surOf: Int32Array;
  /** Per slot: the party indices eligible before this draw's own choices interact, ascending. */
  eligible: Int32Array[];
  /**
   * The same, narrowed for reviewer #1 to the States of the same legal system when the soft
   * rule is on and at least one such State is eligible (ToR para. 19, "if possible"). The fair
   * shares are computed on these lists, so the quotas go to those States.
   */
  preferred: Int32Array[];
  /** [r * n + s] = 1: r may not review s because s reviewed r in an earlier draw within the mutual scope. */
  priorForbidden: Uint8Array;
  /** Whether two States may not review each other within this draw. */
  mutualInDraw: boolean;
}

export const slotSur = (slot: number): number => slot >> 1;
export const slotType = (slot: number): 0 | 1 => (slot & 1) as 0 | 1;

export function buildProblem(input: ReviewerDrawInput): Problem {
  const { rules } = input;
  const codes = input.parties.map((p) => p.iso3);
  const n = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const groupIds = [...new Set(input.parties.map((p) => p.regionalGroup).filter((g): g is string => g !== null))].sort();
  const groupNumber = new Map(groupIds.map((g, i) => [g, i]));
  const group = Int32Array.from(input.parties, (p) => (p.regionalGroup === null ? -1 : groupNumber.get(p.regionalGroup)!));
  const legal = input.parties.map((p) => p.legalSystem ?? null);
  const excludedReason: (string | null)[] = new Array<string | null>(n).fill(null);
  for (const e of input.excluded) excludedReason[index.get(e.iso3)!] = e.reason;

  const surs = Int32Array.from(input.underReview, (c) => index.get(c)!);
  const surOf = new Int32Array(n).fill(-1);
  surs.forEach((p, k) => (surOf[p] = k));

  // Caps count every earlier draw of the cycle, and of this year for the yearly cap.
  const priorCycle = new Int32Array(n);
  const priorYear = new Int32Array(n);
  const priorForbidden = new Uint8Array(n * n);
  const mutualPriors = rules.mutualScope === 'cycle' || rules.mutualScope === 'year';
  for (const a of input.prior) {
    const u = index.get(a.underReview)!;
    for (const code of a.reviewers) {
      const r = index.get(code)!;
      priorCycle[r]! += 1;
      if (a.year === input.year) priorYear[r]! += 1;
      // r reviewed u earlier, so u may not review r now (no mutual reviews within the scope).
      if (mutualPriors && (rules.mutualScope === 'cycle' || a.year === input.year)) priorForbidden[u * n + r] = 1;
    }
  }
  const most = surs.length;
  const capLeft = new Int32Array(n);
  const capByRules = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const cycleLeft = rules.maxReviewsPerCycle === null ? Infinity : rules.maxReviewsPerCycle - priorCycle[r]!;
    const yearLeft = rules.maxReviewsPerYear === null ? Infinity : rules.maxReviewsPerYear - priorYear[r]!;
    capByRules[r] = Math.max(0, Math.min(cycleLeft, yearLeft));
    // A State reviews each State under review at most once, so it never needs more than `most`.
    capLeft[r] = Math.min(capByRules[r]!, most);
  }

  const eligible: Int32Array[] = [];
  const preferred: Int32Array[] = [];
  const other = rules.secondReviewerGroup === 'other';
  for (let k = 0; k < surs.length; k++) {
    const s = surs[k]!;
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < n; r++) {
      if (r === s || excludedReason[r] !== null || capLeft[r] === 0 || priorForbidden[r * n + s] === 1) continue;
      // ToR para. 19: one reviewer from the State under review's own regional group.
      if (group[s] !== -1 && group[r] === group[s]) a.push(r);
      if (!other || group[r] !== group[s]) b.push(r);
    }
    eligible.push(Int32Array.from(a), Int32Array.from(b));
    const sameLegal = rules.preferSameLegalSystem && legal[s] !== null ? a.filter((r) => legal[r] === legal[s]) : [];
    preferred.push(Int32Array.from(sameLegal.length > 0 ? sameLegal : a), eligible[eligible.length - 1]!);
  }

  return {
    input,
    codes,
    index,
    group,
    groupIds,
    legal,
    excludedReason,
    priorCycle,
    priorYear,
    capLeft,
    capByRules,
    surs,
    surOf,
    eligible,
    preferred,
    priorForbidden,
    mutualInDraw: rules.mutualScope !== 'none',
  };
}
