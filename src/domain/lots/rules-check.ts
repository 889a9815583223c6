/**
 * @module rules-check
 * Checks a result against every hard rule, independently of the solver: plain maps and
 * loops, no flow, no search. The record verifier and the redraw use it, and the tests use it
 * as the judge of the solver. Messages name the States ("CHN reviews IND twice").
 */
import type { ReviewerAssignment, ReviewerDrawInput } from './types.ts';
import { capText, groupName } from './describe.ts';

/** Every broken rule, in a stable order; empty when the result is valid for the input. */
export function assignmentProblems(input: ReviewerDrawInput, result: readonly ReviewerAssignment[]): string[] {
  const problems: string[] = [];
  const rules = input.rules;
  const party = new Map(input.parties.map((p) => [p.iso3, p]));
  const excluded = new Map(input.excluded.map((e) => [e.iso3, e.reason]));
  const underReview = new Set(input.underReview);
  const seen = new Set<string>();
  const reviews = new Set<string>();
  const cycleLoad = new Map<string, number>();
  const yearLoad = new Map<string, number>();
  const add = (map: Map<string, number>, code: string) => map.set(code, (map.get(code) ?? 0) + 1);
  for (const a of input.prior) {
    for (const r of a.reviewers) {
      add(cycleLoad, r);
      if (a.year === input.year) add(yearLoad, r);
    }
  }

  for (const entry of result) {
    const s = entry.underReview;
    if (!underReview.has(s)) problems.push(`${s} is in the result but not under review in this draw.`);
    if (seen.has(s)) problems.push(`${s} appears twice in the result.`);
    seen.add(s);
    const [first, second] = entry.reviewers;
    for (const r of entry.reviewers) {
      if (!party.has(r)) {
        problems.push(`${r}, a reviewer of ${s}, is not in the parties list.`);
        continue;
      }
      if (r === s) problems.push(`${s} reviews itself.`);
      const reason = excluded.get(r);
      if (reason !== undefined) problems.push(`${r} is excluded from this draw (${reason}) but reviews ${s}.`);
      add(cycleLoad, r);
      add(yearLoad, r);
      reviews.add(`${r}>${s}`);
    }
    if (first === second) problems.push(`${first} reviews ${s} twice.`);
    const group = party.get(s)?.regionalGroup ?? null;
    const firstGroup = party.get(first)?.regionalGroup ?? null;
    const secondGroup = party.get(second)?.regionalGroup ?? null;
    // Terms of reference, para. 19: one reviewer from the same regional group.
    if (party.has(first) && (group === null || firstGroup !== group)) {
      problems.push(`reviewer #1 of ${s} (${first}) is not in ${s}'s regional group (${groupName(group)}).`);
    }
    if (rules.secondReviewerGroup === 'other' && party.has(second) && secondGroup === group) {
      problems.push(`reviewer #2 of ${s} (${second}) is in ${s}'s own regional group, but the rules require another group.`);
    }
  }
  for (const s of input.underReview) if (!seen.has(s)) problems.push(`${s} is under review but has no reviewers in the result.`);

  const cap = capText(rules) ?? '';
  for (const [r, count] of [...cycleLoad].sort()) {
    if (rules.maxReviewsPerCycle !== null && count > rules.maxReviewsPerCycle) problems.push(`${r} has ${count} reviews in the cycle, above ${cap}.`);
  }
  for (const [r, count] of [...yearLoad].sort()) {
    if (rules.maxReviewsPerYear !== null && count > rules.maxReviewsPerYear) problems.push(`${r} has ${count} reviews in ${input.year}, above ${cap}.`);
  }

  if (rules.mutualScope !== 'none') {
    const inScope = new Set<string>();
    for (const a of input.prior) {
      if (rules.mutualScope === 'cycle' || (rules.mutualScope === 'year' && a.year === input.year)) {
        for (const r of a.reviewers) inScope.add(`${r}>${a.underReview}`);
      }
    }
    for (const entry of result) {
      for (const r of new Set(entry.reviewers)) {
        const back = `${entry.underReview}>${r}`;
        if (reviews.has(back) && entry.underReview < r) problems.push(`${entry.underReview} and ${r} review each other (no mutual reviews, scope: ${rules.mutualScope}).`);
        if (inScope.has(back)) problems.push(`${r} reviews ${entry.underReview}, who reviewed ${r} in an earlier draw (no mutual reviews, scope: ${rules.mutualScope}).`);
      }
    }
  }
  return problems;
}
