/**
 * @module open-data rows
 * Turns what the public may see — a review's public facts, its published material, the
 * public draws and session documents — into the flat rows of the open data sets
 * (datasets.ts). Pure: the caller reads only public views, so nothing here can widen them.
 */
import type { PublicReviewFacts, PublishedContent } from '../reviews/public-view.ts';
import type { OpenRow } from './datasets.ts';

export const reviewKey = (cycle: number, iso3: string) => `${cycle}/${iso3}`;

const dateOf = (facts: PublicReviewFacts, kind: string) => facts.milestones.find((m) => m.kind === kind)?.date ?? null;

export function reviewRow(facts: PublicReviewFacts, stateName: string, regionalGroup: string | null, baseUrl: string): OpenRow {
  const held = facts.milestones.find((m) => m.kind === 'dialogueHeld');
  return {
    review_id: reviewKey(facts.cycle, facts.stateUnderReview),
    cycle: facts.cycle,
    cohort_year: facts.cohortYear,
    state_iso3: facts.stateUnderReview,
    state_name: stateName,
    regional_group: regionalGroup,
    reviewer1_iso3: facts.reviewers[0],
    reviewer2_iso3: facts.reviewers[1],
    stage: facts.stage,
    started_on: dateOf(facts, 'started'),
    checklist_submitted_on: dateOf(facts, 'checklistSubmitted'),
    dialogue_held_on: held?.date ?? null,
    dialogue_form: held?.dialogueType ?? null,
    executive_summary_finalised_on: dateOf(facts, 'executiveSummaryFinalised'),
    report_finalised_on: dateOf(facts, 'reportFinalised'),
    executive_summary_published_on: dateOf(facts, 'executiveSummaryPublished'),
    report_published_on: dateOf(facts, 'reportPublished'),
    profile_url: `${baseUrl}/countries/${facts.stateUnderReview}`,
  };
}

/** cycle/ISO3/article/sequence, split; undefined when the reference is not of that form. */
export function parseRecommendationId(reference: string): { cycle: number; iso3: string; article: number; sequence: number } | undefined {
  const match = /^(\d{1,3})\/([A-Z]{3})\/(\d{1,3})\/(\d{1,4})$/.exec(reference);
  if (!match) return undefined;
  return { cycle: Number(match[1]), iso3: match[2]!, article: Number(match[3]), sequence: Number(match[4]) };
}

export function recommendationUrl(baseUrl: string, reference: string): string {
  return `${baseUrl}/api/open/v1/recommendations/${reference}`;
}

/**
 * The recommendations of one review's published report. A recommendation published without
 * a stored reference (none today, but snapshots are immutable) gets the one its position
 * gives it, so every row has an identifier of the same form.
 */
export function recommendationRows(cycle: number, iso3: string, material: PublishedContent, baseUrl: string): OpenRow[] {
  const seen = new Map<string, number>();
  return material.recommendations.map((r) => {
    const position = (seen.get(r.article) ?? 0) + 1;
    seen.set(r.article, position);
    const reference = r.reference && parseRecommendationId(r.reference) ? r.reference : `${cycle}/${iso3}/${r.article}/${position}`;
    const parts = parseRecommendationId(reference)!;
    return {
      recommendation_id: reference,
      review_id: reviewKey(cycle, iso3),
      cycle,
      state_iso3: iso3,
      article: parts.article,
      sequence: parts.sequence,
      language: r.language,
      text: r.text,
      url: recommendationUrl(baseUrl, reference),
    };
  });
}

export function goodPracticeRows(cycle: number, iso3: string, material: PublishedContent): OpenRow[] {
  const seen = new Map<string, number>();
  return material.goodPractices.map((g) => {
    const position = (seen.get(g.article) ?? 0) + 1;
    seen.set(g.article, position);
    return { good_practice_id: `${cycle}/${iso3}/${g.article}/gp${position}`, review_id: reviewKey(cycle, iso3), cycle, state_iso3: iso3, article: Number(g.article), language: g.language, text: g.text };
  });
}

/** Counts needs and the States that identified them, per cycle, article and type. */
export class NeedsTally {
  private readonly counts = new Map<string, { cycle: number; article: number; type: string; needs: number; states: Set<string> }>();

  add(cycle: number, iso3: string, material: PublishedContent): void {
    for (const n of material.needs) {
      const id = `${cycle}/${n.article}/${n.type}`;
      const entry = this.counts.get(id) ?? { cycle, article: Number(n.article), type: n.type, needs: 0, states: new Set<string>() };
      entry.needs += 1;
      entry.states.add(iso3);
      this.counts.set(id, entry);
    }
  }

  rows(): OpenRow[] {
    return [...this.counts.entries()]
      .sort(([, a], [, b]) => a.cycle - b.cycle || a.article - b.article || a.type.localeCompare(b.type))
      .map(([id, e]) => ({ count_id: id, cycle: e.cycle, article: e.article, type: e.type, needs: e.needs, states: e.states.size }));
  }
}
