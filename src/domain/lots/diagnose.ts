/**
 * @module diagnose
 * When no assignment exists, say which rule and which States make it impossible, in words
 * the secretariat can read out. Three sources: States under review with no regional group
 * (checked before anything else), a Hall violator of the flow relaxation (a set of slots
 * that together need more reviews than the only States able to give them have left), and,
 * when only the pairwise rules fail, a minimal set of States under review found by deletion.
 */
import { LotsError, infeasible } from './errors.ts';
import type { SlotFlow } from './feasibility.ts';
import { slotSur, slotType, type Problem } from './problem.ts';
import { capText, groupName, listStates, plural } from './describe.ts';

/** ToR para. 19 needs a same-group reviewer; a State under review without a group (the EU) can never have one. */
export function checkRegionalGroups(problem: Problem): void {
  const missing = [...problem.surs].filter((s) => problem.group[s] === -1).map((s) => problem.codes[s]!);
  if (missing.length === 0) return;
  throw infeasible(
    'noRegionalGroup',
    missing,
    `${listStates(missing)} ${missing.length === 1 ? 'has' : 'have'} no regional group, so reviewer #1 cannot come from the same regional group as the terms of reference require (para. 19). Remove ${missing.length === 1 ? 'it' : 'them'} from the States under review.`,
  );
}

/**
 * Why party r is not among the reviewers available to the given States under review, as
 * [code, verb phrase with singular and plural verb], so that equal reasons can be merged.
 */
function unavailableReason(problem: Problem, r: number, surs: readonly number[]): [string, string, string] | null {
  const code = problem.codes[r]!;
  const reason = problem.excludedReason[r];
  if (reason !== null) return [code, `is excluded (${reason})`, `are excluded (${reason})`];
  if (problem.capLeft[r] === 0) {
    const cap = capText(problem.input.rules) ?? 'the cap';
    return [code, `has reached ${cap} in earlier draws`, `have reached ${cap} in earlier draws`];
  }
  const n = problem.codes.length;
  const blockedFor = surs.filter((s) => problem.priorForbidden[r * n + s] === 1).map((s) => problem.codes[s]!);
  if (blockedFor.length > 0 && blockedFor.length === surs.filter((s) => s !== r).length) {
    const phrase = (it: string) => `may not review ${listStates(blockedFor)}, who reviewed ${it} earlier in the ${problem.input.rules.mutualScope} (no mutual reviews)`;
    return [code, phrase('it'), phrase('them')];
  }
  return null;
}

/** "AAA and BBB are excluded (deferral); CCC has reached …". */
function mergeReasons(reasons: readonly [string, string, string][]): string {
  const byPhrase = new Map<string, { plural: string; codes: string[] }>();
  for (const [code, one, many] of reasons) {
    const entry = byPhrase.get(one) ?? { plural: many, codes: [] };
    entry.codes.push(code);
    byPhrase.set(one, entry);
  }
  return [...byPhrase].map(([one, { plural, codes }]) => `${listStates(codes)} ${codes.length === 1 ? one : plural}`).join('; ');
}

/** Turns the relaxation's Hall violator into a `lots.infeasible` error naming rule and States. */
export function explainRelaxation(problem: Problem, flow: SlotFlow, left: readonly number[]): LotsError {
  const { slots, bins } = flow.hallViolator(left);
  const rules = problem.input.rules;
  const surIdx = [...new Set(slots.map((slot) => problem.surs[slotSur(slot)]!))].sort((a, b) => a - b);
  const states = surIdx.map((s) => problem.codes[s]!);
  const reviewers = bins.map((b) => problem.codes[b]!);
  const needed = slots.length;
  const available = bins.reduce((sum, b) => sum + problem.capLeft[b]!, 0);
  const allFirst = slots.every((slot) => slotType(slot) === 0);
  const from = reviewers.length > 0 ? ` from ${listStates(reviewers)}` : '';
  const onlyAvailable = available === 0 ? 'none is available' : `only ${available} ${available === 1 ? 'is' : 'are'} available`;
  const cap = capText(rules);
  // A limit is to blame if some reviewer in the violator could have taken more of these
  // slots without it: the caps of the rules, or else the bound of one review per State
  // under review (which is the rule that a State's two reviewers differ).
  const adjacent = (b: number) => slots.filter((slot) => problem.eligible[slot]!.includes(b)).length;
  const capBinds = bins.some((b) => problem.capByRules[b]! < adjacent(b));
  const distinctBinds = !capBinds && bins.some((b) => problem.capLeft[b]! < adjacent(b));

  if (allFirst) {
    const groups = [...new Set(surIdx.map((s) => problem.group[s]!))];
    const g = groups.length === 1 ? problem.groupIds[groups[0]!]! : null;
    const members = g === null ? [] : problem.codes.map((_, r) => r).filter((r) => problem.group[r] === groups[0] && !bins.includes(r));
    const reasons = members.map((r) => unavailableReason(problem, r, surIdx)).filter((x): x is [string, string, string] => x !== null);
    const hasExcluded = members.some((r) => problem.excludedReason[r] !== null);
    const hasCapped = capBinds || members.some((r) => problem.capLeft[r] === 0);
    const limits = [hasExcluded ? 'exclusions' : null, hasCapped && cap ? cap : null].filter(Boolean).join(' and ');
    const whose = g === null ? '' : ` of the ${groupName(g)}`;
    const message =
      `Reviewer #1 must come from the same regional group (terms of reference, para. 19): ` +
      `the ${plural(states.length, 'State', 'States')} under review${whose} (${listStates(states)}) need${states.length === 1 ? 's' : ''} ${plural(needed, 'same-group review', 'same-group reviews')} ` +
      `but ${onlyAvailable}${from}${limits ? ` after ${limits}` : ''}${reasons.length > 0 ? `: ${mergeReasons(reasons)}` : ''}.`;
    return infeasible('sameGroupReviewer', states, message, { reviewers, needed, available });
  }

  if (capBinds) {
    const message =
      `Not enough reviews to go round under ${cap ?? 'the caps'}: the ${plural(states.length, 'State', 'States')} under review ${listStates(states)} need ${needed} reviews ` +
      `that only ${listStates(reviewers) || 'no State'} may give, and they have ${available} left after exclusions and earlier draws.`;
    return infeasible('reviewCap', states, message, { reviewers, needed, available });
  }
  if (distinctBinds) {
    const message =
      `Each State under review needs two different reviewers: ${listStates(states)} need${states.length === 1 ? 's' : ''} ${needed} reviews ` +
      `but only ${listStates(reviewers) || 'no State'} may review ${states.length === 1 ? 'it' : 'them'} after exclusions, and a State reviews each State under review only once.`;
    return infeasible('distinctReviewers', states, message, { reviewers, needed, available });
  }
  const groupRule = rules.secondReviewerGroup === 'other' ? ' must come from another regional group and' : '';
  const message =
    `Reviewer #2${groupRule} cannot be found for every State: the ${plural(states.length, 'State', 'States')} under review ${listStates(states)} need ${needed} reviews ` +
    `but ${onlyAvailable}${from} after exclusions.`;
  return infeasible('secondReviewer', states, message, { reviewers, needed, available });
}

export type Feasibility = 'feasible' | 'infeasible' | 'unknown';

/**
 * Only the pairwise rules fail: shrink the States under review to a minimal set that is
 * still infeasible (deletion in halves, then one by one), and name the rule by checking
 * whether the set becomes feasible without the mutual rule.
 */
export function explainPairwise(
  problem: Problem,
  solve: (underReview: string[], withoutMutual: boolean) => Feasibility,
): LotsError {
  let core = [...problem.input.underReview];
  // Infeasibility is monotone (more States under review only add demand and constraints), so
  // one deletion pass with chunks of one leaves a minimal set; the halving passes first make
  // it cheap on a large cohort.
  let chunk = Math.max(1, Math.floor(core.length / 2));
  for (;;) {
    for (let start = 0; start < core.length; ) {
      const rest = [...core.slice(0, start), ...core.slice(start + chunk)];
      if (rest.length > 0 && solve(rest, false) === 'infeasible') core = rest;
      else start += chunk;
    }
    if (chunk === 1) break;
    chunk = Math.max(1, Math.floor(chunk / 2));
  }
  const scope = problem.input.rules.mutualScope;
  if (scope !== 'none' && solve(core, true) === 'feasible') {
    return infeasible(
      'mutualReviews',
      core,
      `No assignment avoids mutual reviews (scope: ${scope}) for ${listStates(core)}: every way of giving ${core.length === 1 ? 'it' : 'them'} two reviewers makes two States review each other, ` +
        `though the other rules alone could be met (for instance, in a group of two each would have to be the other's reviewer #1).`,
    );
  }
  return infeasible(
    'distinctReviewers',
    core,
    `No assignment gives ${listStates(core)} two different reviewers each: every way of meeting the other rules needs the same State twice for one of them.`,
  );
}
