/**
 * @module input
 * Checks a reviewer-draw input and puts it in canonical order (every list sorted by ISO
 * code), so the result depends only on the input *sets* and the seed, never on the order a
 * caller happened to list them in.
 */
import { invalidInput } from './errors.ts';
import { LOTS_ALGORITHM, type DrawParty, type PriorAssignment, type ReviewerDrawInput } from './types.ts';

const ISO3 = /^[A-Z]{3}$/;
const byIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isCap(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 1);
}

/** Returns the problems with a rules object (empty when valid). */
export function ruleProblems(rules: unknown): string[] {
  if (typeof rules !== 'object' || rules === null) return ['rules must be an object.'];
  const r = rules as Record<string, unknown>;
  const problems: string[] = [];
  if (r.reviewersPerReview !== 2) problems.push('rules.reviewersPerReview must be 2 (ToR para. 19; fixed in this version).');
  if (r.sameGroupReviewers !== 1) problems.push('rules.sameGroupReviewers must be 1 (ToR para. 19; fixed in this version).');
  if (r.secondReviewerGroup !== 'any' && r.secondReviewerGroup !== 'other') problems.push("rules.secondReviewerGroup must be 'any' or 'other'.");
  if (!['none', 'draw', 'year', 'cycle'].includes(r.mutualScope as string)) problems.push("rules.mutualScope must be 'none', 'draw', 'year' or 'cycle'.");
  if (!isCap(r.maxReviewsPerCycle)) problems.push('rules.maxReviewsPerCycle must be a positive integer or null.');
  if (!isCap(r.maxReviewsPerYear)) problems.push('rules.maxReviewsPerYear must be a positive integer or null.');
  if (typeof r.preferSameLegalSystem !== 'boolean') problems.push('rules.preferSameLegalSystem must be true or false.');
  return problems;
}

function comparePrior(a: PriorAssignment, b: PriorAssignment): number {
  return byIso(a.underReview, b.underReview) || a.year - b.year || byIso(a.reviewers[0], b.reviewers[0]) || byIso(a.reviewers[1], b.reviewers[1]);
}

/**
 * Validates and canonicalises. Throws `lots.invalidInput` listing every problem found:
 * unknown or malformed ISO codes, duplicates, bad rule values, a State under review twice
 * in the cycle.
 * @example canonicaliseInput(input).underReview // sorted, checked ISO codes
 */
export function canonicaliseInput(input: ReviewerDrawInput): ReviewerDrawInput {
  const problems: string[] = [];
  // Widened to string so the comparison does not narrow the constant away in the message.
  const algorithm: string = input.algorithm;
  const expected: string = LOTS_ALGORITHM;
  if (algorithm !== expected) problems.push(`algorithm must be '${expected}', got '${algorithm}'.`);
  if (typeof input.mechanism !== 'string' || input.mechanism.trim() === '') problems.push('mechanism must be a non-empty string.');
  if (!Number.isInteger(input.cycle) || input.cycle < 1) problems.push('cycle must be a positive integer.');
  if (!Number.isInteger(input.year)) problems.push('year must be an integer (the calendar year of the draw).');
  problems.push(...ruleProblems(input.rules));
  if (!Array.isArray(input.parties) || !Array.isArray(input.underReview) || !Array.isArray(input.excluded) || !Array.isArray(input.prior)) {
    throw invalidInput('parties, underReview, excluded and prior must be arrays.', { problems: [...problems, 'parties, underReview, excluded and prior must be arrays.'] });
  }

  const known = new Set<string>();
  const parties: DrawParty[] = [];
  for (const p of input.parties) {
    if (!p || typeof p.iso3 !== 'string' || !ISO3.test(p.iso3)) {
      problems.push(`parties: '${String(p?.iso3)}' is not a three-letter upper-case ISO code.`);
      continue;
    }
    if (known.has(p.iso3)) problems.push(`parties: ${p.iso3} is listed twice.`);
    if (p.regionalGroup !== null && (typeof p.regionalGroup !== 'string' || p.regionalGroup === '')) problems.push(`parties: ${p.iso3} has an invalid regional group.`);
    if (p.legalSystem !== undefined && p.legalSystem !== null && typeof p.legalSystem !== 'string') problems.push(`parties: ${p.iso3} has an invalid legal system.`);
    known.add(p.iso3);
    const party: DrawParty = { iso3: p.iso3, regionalGroup: p.regionalGroup };
    if (typeof p.legalSystem === 'string' && p.legalSystem !== '') party.legalSystem = p.legalSystem;
    parties.push(party);
  }
  const checkKnown = (code: unknown, where: string): code is string => {
    if (typeof code !== 'string' || !ISO3.test(code)) {
      problems.push(`${where}: '${String(code)}' is not a three-letter upper-case ISO code.`);
      return false;
    }
    if (!known.has(code)) {
      problems.push(`${where}: ${code} is not in the parties list.`);
      return false;
    }
    return true;
  };

  const underReview = new Set<string>();
  for (const code of input.underReview) {
    if (!checkKnown(code, 'underReview')) continue;
    if (underReview.has(code)) problems.push(`underReview: ${code} is listed twice.`);
    underReview.add(code);
  }

  const excluded = new Map<string, string>();
  for (const e of input.excluded) {
    if (!checkKnown(e?.iso3, 'excluded')) continue;
    if (excluded.has(e.iso3)) problems.push(`excluded: ${e.iso3} is listed twice.`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') problems.push(`excluded: ${e.iso3} has no recorded reason.`);
    excluded.set(e.iso3, typeof e.reason === 'string' ? e.reason.trim() : '');
  }

  const prior: PriorAssignment[] = [];
  const priorReviewed = new Set<string>();
  for (const a of input.prior) {
    if (!a || !Array.isArray(a.reviewers) || a.reviewers.length !== 2 || !Number.isInteger(a.year)) {
      problems.push('prior: every entry needs underReview, two reviewers and an integer year.');
      continue;
    }
    const ok = [checkKnown(a.underReview, 'prior'), checkKnown(a.reviewers[0], 'prior'), checkKnown(a.reviewers[1], 'prior')].every(Boolean);
    if (!ok) continue;
    if (a.reviewers[0] === a.reviewers[1] || a.reviewers.includes(a.underReview)) problems.push(`prior: the draw for ${a.underReview} has a repeated reviewer or reviews itself.`);
    if (priorReviewed.has(a.underReview)) problems.push(`prior: ${a.underReview} appears twice; a State is reviewed once per cycle.`);
    priorReviewed.add(a.underReview);
    if (underReview.has(a.underReview)) {
      problems.push(`${a.underReview} is under review in this draw but already has reviewers in prior; if its draw is being repeated, remove the earlier one from prior.`);
    }
    prior.push({ underReview: a.underReview, reviewers: [a.reviewers[0], a.reviewers[1]], year: a.year });
  }

  if (problems.length > 0) throw invalidInput(problems.join(' '), { problems });

  return {
    algorithm: LOTS_ALGORITHM,
    mechanism: input.mechanism,
    cycle: input.cycle,
    year: input.year,
    rules: {
      reviewersPerReview: 2,
      sameGroupReviewers: 1,
      secondReviewerGroup: input.rules.secondReviewerGroup,
      mutualScope: input.rules.mutualScope,
      maxReviewsPerCycle: input.rules.maxReviewsPerCycle,
      maxReviewsPerYear: input.rules.maxReviewsPerYear,
      preferSameLegalSystem: input.rules.preferSameLegalSystem,
    },
    parties: parties.sort((a, b) => byIso(a.iso3, b.iso3)),
    underReview: [...underReview].sort(byIso),
    excluded: [...excluded].map(([iso3, reason]) => ({ iso3, reason })).sort((a, b) => byIso(a.iso3, b.iso3)),
    prior: prior.sort(comparePrior),
  };
}
