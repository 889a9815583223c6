import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { drawReviewers } from './draw.ts';
import { isLotsError } from './errors.ts';
import { canonicaliseInput } from './input.ts';
import { buildProblem } from './problem.ts';
import { assignmentProblems } from './rules-check.ts';
import { capSpace, relaxation, search } from './solver.ts';
import { buildInput, seedOf } from './testing.ts';
import type { DrawParty, LotsRules, PriorAssignment, ReviewerAssignment, ReviewerDrawInput } from './types.ts';

/**
 * The brute-force oracle: tries every pair of reviewers for every State under review, with
 * the rules written out directly (no flow, no shared code with the solver but the input type).
 */
function oracle(input: ReviewerDrawInput): ReviewerAssignment[] | null {
  const { rules } = input;
  const group = new Map(input.parties.map((p) => [p.iso3, p.regionalGroup]));
  const excluded = new Set(input.excluded.map((e) => e.iso3));
  const pool = input.parties.map((p) => p.iso3).filter((c) => !excluded.has(c));
  const cycleLoad = new Map<string, number>();
  const yearLoad = new Map<string, number>();
  const forbidden = new Set<string>(); // "r>s": r may not review s
  for (const a of input.prior) {
    for (const r of a.reviewers) {
      cycleLoad.set(r, (cycleLoad.get(r) ?? 0) + 1);
      if (a.year === input.year) yearLoad.set(r, (yearLoad.get(r) ?? 0) + 1);
      if (rules.mutualScope === 'cycle' || (rules.mutualScope === 'year' && a.year === input.year)) forbidden.add(`${a.underReview}>${r}`);
    }
  }
  const fits = (r: string) =>
    (rules.maxReviewsPerCycle === null || (cycleLoad.get(r) ?? 0) < rules.maxReviewsPerCycle) &&
    (rules.maxReviewsPerYear === null || (yearLoad.get(r) ?? 0) < rules.maxReviewsPerYear);
  const doing = new Set<string>();
  const chosen: ReviewerAssignment[] = [];
  const okFor = (r: string, s: string) => r !== s && fits(r) && !forbidden.has(`${r}>${s}`) && !(rules.mutualScope !== 'none' && doing.has(`${s}>${r}`));
  const take = (r: string, s: string) => {
    cycleLoad.set(r, (cycleLoad.get(r) ?? 0) + 1);
    yearLoad.set(r, (yearLoad.get(r) ?? 0) + 1);
    doing.add(`${r}>${s}`);
  };
  const give = (r: string, s: string) => {
    cycleLoad.set(r, cycleLoad.get(r)! - 1);
    yearLoad.set(r, yearLoad.get(r)! - 1);
    doing.delete(`${r}>${s}`);
  };
  const go = (i: number): boolean => {
    if (i === input.underReview.length) return true;
    const s = input.underReview[i]!;
    const g = group.get(s) ?? null;
    if (g === null) return false;
    for (const a of pool) {
      if (group.get(a) !== g || !okFor(a, s)) continue;
      take(a, s);
      for (const b of pool) {
        if (b === a || (rules.secondReviewerGroup === 'other' && group.get(b) === g) || !okFor(b, s)) continue;
        take(b, s);
        chosen.push({ underReview: s, reviewers: [a, b] });
        if (go(i + 1)) return true;
        chosen.pop();
        give(b, s);
      }
      give(a, s);
    }
    return false;
  };
  return go(0) ? chosen : null;
}

/** Small random instances: 5–8 parties in 2–3 groups, random exclusions, caps, priors and rule settings. */
function randomInstance(prng: Prng): ReviewerDrawInput {
  const groups = ['G1', 'G2', 'G3'].slice(0, 2 + prng.nextInt(2));
  const size = 5 + prng.nextInt(4);
  const codes = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH'].slice(0, size);
  const parties: DrawParty[] = codes.map((iso3, i) => ({ iso3, regionalGroup: i < groups.length ? groups[i]! : groups[prng.nextInt(groups.length)]! }));
  if (prng.nextInt(4) === 0) parties.push({ iso3: 'EUU', regionalGroup: null });
  if (prng.nextInt(3) === 0) for (const p of parties) p.legalSystem = ['civil', 'common'][prng.nextInt(2)]!;
  const underReview = prng.shuffle([...codes]).slice(0, 3 + prng.nextInt(Math.min(4, size - 2)));
  const excluded = codes.filter(() => prng.nextInt(7) === 0).map((iso3) => ({ iso3, reason: 'deferral' }));
  const rest = codes.filter((c) => !underReview.includes(c));
  const prior: PriorAssignment[] = [];
  for (const s of rest.slice(0, prng.nextInt(3))) {
    const others = prng.shuffle(codes.filter((c) => c !== s));
    prior.push({ underReview: s, reviewers: [others[0]!, others[1]!], year: 2025 + prng.nextInt(2) });
  }
  const rules: Partial<LotsRules> = {
    secondReviewerGroup: prng.nextInt(2) === 0 ? 'any' : 'other',
    mutualScope: (['none', 'draw', 'year', 'cycle'] as const)[prng.nextInt(4)]!,
    maxReviewsPerCycle: [null, 1, 2, 2, 3, 3][prng.nextInt(6)]!,
    maxReviewsPerYear: [null, null, null, 2][prng.nextInt(4)]!,
  };
  return buildInput({ parties, underReview, excluded, prior, rules });
}

describe('solver against a brute-force oracle', () => {
  const prng = new Prng(seedOf('oracle'));
  const instances = Array.from({ length: 1000 }, () => randomInstance(prng));
  const verdicts = instances.map((input) => oracle(canonicaliseInput(input)) !== null);

  it('sees both feasible and infeasible instances', () => {
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(250);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(300);
    // The hard ones: the flow relaxation is feasible, only the pairwise rules fail.
    const pairwiseOnly = instances.filter((input, i) => {
      const problem = buildProblem(canonicaliseInput(input));
      return !verdicts[i] && !problem.surs.some((s) => problem.group[s] === -1) && relaxation(capSpace(problem)).left.length === 0;
    });
    expect(pairwiseOnly.length).toBeGreaterThan(20);
  });

  it('drawReviewers finds a valid assignment exactly when one exists, else says lots.infeasible', () => {
    instances.forEach((input, i) => {
      let result: ReviewerAssignment[] | null = null;
      try {
        result = drawReviewers(input, seedOf(i));
      } catch (error) {
        if (!isLotsError(error) || error.code !== 'lots.infeasible') throw error;
        expect(error.details?.rule, JSON.stringify(input)).not.toBe('searchBudget');
      }
      expect(result !== null, `instance ${i}: ${JSON.stringify(input)}`).toBe(verdicts[i]);
      if (result) expect(assignmentProblems(input, result)).toEqual([]);
    });
  });

  it.each(['random', 'failFirst'] as const)('the %s search alone is complete: found ⇔ oracle, exhausted ⇔ none', (order) => {
    instances.forEach((input, i) => {
      const problem = buildProblem(canonicaliseInput(input));
      if (problem.surs.some((s) => problem.group[s] === -1)) return;
      const result = search(capSpace(problem), new Prng(seedOf(i)), { order, budget: 1e7 });
      expect(result.status === 'found', `instance ${i}`).toBe(verdicts[i]);
      if (result.status !== 'found') expect(['exhausted', 'relaxationInfeasible']).toContain(result.status);
    });
  });

  it('never finds the relaxation infeasible when an assignment exists', () => {
    instances.forEach((input, i) => {
      const problem = buildProblem(canonicaliseInput(input));
      if (verdicts[i]) expect(relaxation(capSpace(problem)).left).toEqual([]);
    });
  });
});
