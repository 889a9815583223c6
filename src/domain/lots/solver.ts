/**
 * @module solver
 * Complete search for an assignment of reviewers to slots. The slots are visited in an
 * order; for each, a candidate is drawn uniformly at random among those not yet tried and
 * kept only if the flow relaxation (feasibility.ts) stays feasible with it, so every choice
 * leaves the rest of the draw solvable as far as capacities and groups go. The pairwise rules
 * the relaxation cannot express (a State's two reviewers differ; no mutual reviews) are
 * enforced on the fly by removing the edges they forbid. If a slot runs out of candidates the
 * search backtracks (depth first, same PRNG stream); since it tries every candidate of every
 * slot before giving up, "exhausted" is a proof that no assignment exists.
 */
import type { Prng } from './prng.ts';
import { SlotFlow } from './feasibility.ts';
import { slotSur, slotType, type Problem } from './problem.ts';

/** The bins the slots are matched to, and which bins each slot may use. */
export interface SearchSpace {
  problem: Problem;
  binCap: Int32Array;
  binReviewer: Int32Array;
  /** Slot → bins, in ascending order of reviewer ISO code. */
  slotBins: Int32Array[];
}

/** Bins are the parties themselves, with their remaining caps: the exact relaxation of the hard rules. */
export function capSpace(problem: Problem): SearchSpace {
  return {
    problem,
    binCap: problem.capLeft,
    binReviewer: Int32Array.from(problem.codes, (_, i) => i),
    slotBins: problem.eligible,
  };
}

/** Slot → quota bins (2r + slot type), built once per problem: a bin with quota 0 is simply never usable. */
const quotaBinsCache = new WeakMap<Problem, Int32Array[]>();

/**
 * Bin 2r is party r's quota of reviewer-#1 slots, bin 2r+1 its quota of reviewer-#2 slots.
 * Used after the fair quotas are drawn (quota.ts): the search then only decides who
 * reviews whom, not how often each State reviews.
 */
export function quotaSpace(problem: Problem, first: Int32Array, second: Int32Array): SearchSpace {
  const n = problem.codes.length;
  const binCap = new Int32Array(2 * n);
  const binReviewer = new Int32Array(2 * n);
  for (let r = 0; r < n; r++) {
    binCap[2 * r] = first[r]!;
    binCap[2 * r + 1] = second[r]!;
    binReviewer[2 * r] = r;
    binReviewer[2 * r + 1] = r;
  }
  let slotBins = quotaBinsCache.get(problem);
  if (!slotBins) {
    slotBins = problem.eligible.map((list, slot) => list.map((r) => 2 * r + slotType(slot)));
    quotaBinsCache.set(problem, slotBins);
  }
  return { problem, binCap, binReviewer, slotBins };
}

/** The relaxation alone, before any choice: the slots it cannot place (none if it is feasible). */
export function relaxation(space: SearchSpace): { flow: SlotFlow; left: number[] } {
  const flow = new SlotFlow(space.slotBins, space.binCap, () => true);
  return { flow, left: flow.fillAll() };
}

export type SearchResult =
  /** Party index of the reviewer of each slot. */
  | { status: 'found'; reviewers: Int32Array }
  /** Every candidate of every slot was tried: no assignment exists in this space. */
  | { status: 'exhausted' }
  | { status: 'budget' }
  /** Even the relaxation has no solution; `flow` and `left` locate the Hall violator. */
  | { status: 'relaxationInfeasible'; flow: SlotFlow; left: number[] };

export interface SearchOptions {
  /**
   * 'random': a uniformly random slot order fixed at the start (the documented method).
   * 'failFirst': next the unfixed slot with the fewest candidates, ties by a random order;
   * slower per step, but it meets a dead end at once instead of after thrashing, so it is
   * the fallback that decides hard cases.
   */
  order: 'random' | 'failFirst';
  /** Most candidate trials before giving up with 'budget'. */
  budget: number;
}

export function search(space: SearchSpace, prng: Prng, options: SearchOptions): SearchResult {
  const { problem, binCap, binReviewer, slotBins } = space;
  const n = problem.codes.length;
  const slots = slotBins.length;
  const surs = problem.surs;
  const mutual = problem.mutualInDraw;
  const preferLegal = problem.input.rules.preferSameLegalSystem;
  const legal = problem.legal;

  const fixedReviewer = new Int32Array(slots).fill(-1);
  // reviews[r * n + s] = 1 once r is fixed as a reviewer of s in this draw.
  const reviews = new Uint8Array(n * n);
  const fixedLoad = new Int32Array(binCap.length);

  const allowed = (slot: number, bin: number): boolean => {
    const r = binReviewer[bin]!;
    // A State under review gets two different reviewers.
    if (fixedReviewer[slot ^ 1] === r) return false;
    // No mutual reviews: r may not review s if s already reviews r.
    return !(mutual && reviews[surs[slotSur(slot)]! * n + r] === 1);
  };

  const flow = new SlotFlow(slotBins, binCap, allowed);
  const left = flow.fillAll();
  if (left.length > 0) return { status: 'relaxationInfeasible', flow, left };

  const fix = (slot: number, bin: number): void => {
    const r = binReviewer[bin]!;
    flow.fixed[slot] = 1;
    fixedReviewer[slot] = r;
    reviews[r * n + surs[slotSur(slot)]!] = 1;
    fixedLoad[bin]! += 1;
  };
  const unfix = (slot: number): void => {
    const bin = flow.at[slot]!;
    const r = binReviewer[bin]!;
    flow.fixed[slot] = 0;
    fixedReviewer[slot] = -1;
    reviews[r * n + surs[slotSur(slot)]!] = 0;
    fixedLoad[bin]! -= 1;
  };

  /** Fixes slot → bin if the relaxation stays feasible; otherwise leaves everything as it was. */
  const tryFix = (slot: number, bin: number): boolean => {
    const r = binReviewer[bin]!;
    const s = surs[slotSur(slot)]!;
    flow.begin();
    const previous = flow.at[slot]!;
    if (previous !== bin) {
      flow.unassign(slot);
      if (flow.load[bin]! >= binCap[bin]! && !(previous !== -1 && flow.shiftInto(bin, previous)) && !flow.makeRoom(bin)) {
        flow.rollback();
        return false;
      }
      flow.place(slot, bin);
    }
    fix(slot, bin);
    // The choice forbids a few edges the current matching may be using: the other slot of
    // the same State on r, and (mutual rule) r's own slots on s. Re-route those.
    const victims: number[] = [];
    const other = slot ^ 1;
    if (flow.fixed[other] === 0 && flow.at[other] !== -1 && binReviewer[flow.at[other]!] === r) victims.push(other);
    const k = problem.surOf[r]!;
    if (mutual && k !== -1) {
      for (const t of [2 * k, 2 * k + 1]) {
        if (flow.fixed[t] === 0 && flow.at[t] !== -1 && binReviewer[flow.at[t]!] === s) victims.push(t);
      }
    }
    for (const v of victims) flow.unassign(v);
    for (const v of victims) {
      if (!flow.augment(v)) {
        unfix(slot);
        flow.rollback();
        return false;
      }
    }
    flow.commit();
    return true;
  };

  /** Candidates of a slot now, split into the preferred tier (same legal system, reviewer #1) and the rest. */
  const candidates = (slot: number): [number[], number[]] => {
    const s = surs[slotSur(slot)]!;
    const wantLegal = preferLegal && slotType(slot) === 0 ? legal[s] : null;
    const preferred: number[] = [];
    const rest: number[] = [];
    const other = fixedReviewer[slot ^ 1]!;
    const list = slotBins[slot]!;
    const row = s * n;
    for (let i = 0; i < list.length; i++) {
      const bin = list[i]!;
      if (fixedLoad[bin]! >= binCap[bin]!) continue;
      // Inlined `allowed`: this loop runs for every slot of every draw.
      const r = binReviewer[bin]!;
      if (r === other || (mutual && reviews[row + r] === 1)) continue;
      if (wantLegal !== null && legal[r] === wantLegal) preferred.push(bin);
      else rest.push(bin);
    }
    return [preferred, rest];
  };
  const countCandidates = (slot: number): number => {
    let count = 0;
    for (const bin of slotBins[slot]!) if (fixedLoad[bin]! < binCap[bin]! && allowed(slot, bin)) count++;
    return count;
  };

  const order = prng.shuffle(Array.from({ length: slots }, (_, i) => i));
  const rank = new Int32Array(slots);
  order.forEach((slot, i) => (rank[slot] = i));
  const nextSlot = (depth: number): number => {
    if (options.order === 'random') return order[depth]!;
    let best = -1;
    let bestCount = Infinity;
    for (let slot = 0; slot < slots; slot++) {
      if (flow.fixed[slot] === 1) continue;
      const c = countCandidates(slot);
      if (c < bestCount || (c === bestCount && rank[slot]! < rank[best]!)) {
        best = slot;
        bestCount = c;
      }
    }
    return best;
  };

  const frameSlot = new Int32Array(slots);
  const frames: [number[], number[]][] = [];
  let depth = 0;
  let trials = 0;
  if (slots === 0) return { status: 'found', reviewers: fixedReviewer };
  frameSlot[0] = nextSlot(0);
  frames[0] = candidates(frameSlot[0]);
  for (;;) {
    const [preferred, rest] = frames[depth]!;
    const tier = preferred.length > 0 ? preferred : rest;
    if (tier.length === 0) {
      if (depth === 0) return { status: 'exhausted' };
      depth -= 1;
      unfix(frameSlot[depth]!);
      continue;
    }
    // Uniform among the untried candidates: take index j, fill the hole with the last one.
    const j = prng.nextInt(tier.length);
    const bin = tier[j]!;
    tier[j] = tier[tier.length - 1]!;
    tier.pop();
    if (++trials > options.budget) return { status: 'budget' };
    if (!tryFix(frameSlot[depth]!, bin)) continue;
    depth += 1;
    if (depth === slots) return { status: 'found', reviewers: fixedReviewer };
    frameSlot[depth] = nextSlot(depth);
    frames[depth] = candidates(frameSlot[depth]!);
  }
}
