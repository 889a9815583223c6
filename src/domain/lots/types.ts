/**
 * @module types
 * Inputs and outputs of the drawing of lots for reviewing States, and the rule settings a
 * mechanism may change. Every rule here comes from the terms of reference (ToR) or the
 * Implementation Review Group's practice as summarised in docs/LOTS.md.
 */

/** Version tag of the whole procedure (PRNG, seed, solver). A change of any of them bumps it. */
export const LOTS_ALGORITHM = 'openirm-lots/1';

export interface LotsRules {
  /** Two reviewing States per State under review (ToR para. 19); fixed in v1. */
  reviewersPerReview: 2;
  /** Reviewer #1 comes from the State under review's regional group (ToR para. 19); fixed in v1. */
  sameGroupReviewers: 1;
  /**
   * Reviewer #2: 'any' group (the practice: it may come from any region), or 'other' than
   * the State under review's own group.
   */
  secondReviewerGroup: 'any' | 'other';
  /**
   * No A→B and B→A within this scope: 'draw' (only this draw), 'year' (this draw and the
   * earlier draws of the same year), 'cycle' (every earlier draw of the cycle) or 'none'.
   */
  mutualScope: 'none' | 'draw' | 'year' | 'cycle';
  /** Most reviews one State undertakes in the cycle, earlier draws included; null = no cap. */
  maxReviewsPerCycle: number | null;
  /** Most reviews one State undertakes in one year, earlier draws of that year included; null = no cap. */
  maxReviewsPerYear: number | null;
  /** Soft rule: reviewer #1 "if possible" of a similar legal system (ToR para. 19), where the data has one. */
  preferSameLegalSystem: boolean;
}

/**
 * The defaults: second reviewer from any group (practice), no mutual reviews within the
 * cycle, at most three reviews per State per cycle (the reference believes the cap is
 * three; in 2012 the IRG excluded States that had done two), no yearly cap.
 */
export const DEFAULT_RULES: LotsRules = {
  reviewersPerReview: 2,
  sameGroupReviewers: 1,
  secondReviewerGroup: 'any',
  mutualScope: 'cycle',
  maxReviewsPerCycle: 3,
  maxReviewsPerYear: null,
  preferSameLegalSystem: true,
};

export interface DrawParty {
  iso3: string;
  /** UN regional group; null for the European Union, which belongs to none. */
  regionalGroup: string | null;
  legalSystem?: string | null;
}

/** A draw made earlier in the cycle: it counts toward the caps and the mutual rule. */
export interface PriorAssignment {
  underReview: string;
  reviewers: [string, string];
  /** Calendar year of that draw. */
  year: number;
}

export interface Exclusion {
  iso3: string;
  /** Recorded reason, e.g. a deferral as reviewer allowed by the rules. */
  reason: string;
}

export interface ReviewerDrawInput {
  algorithm: typeof LOTS_ALGORITHM;
  mechanism: string;
  cycle: number;
  /** Calendar year of this draw. */
  year: number;
  rules: LotsRules;
  /** Every State (and the EU) the draw may take reviewers from, with its group. */
  parties: DrawParty[];
  /** The cohort: the States under review that need reviewers in this draw. */
  underReview: string[];
  /** Removed from the reviewer pool (they may still be under review). */
  excluded: Exclusion[];
  prior: PriorAssignment[];
}

/** `reviewers[0]` is the same-group reviewer (reviewer #1), `reviewers[1]` the second. */
export interface ReviewerAssignment {
  underReview: string;
  reviewers: [string, string];
}

/** Which of a State's two reviewers a redraw replaces: 0 = reviewer #1 (same group), 1 = reviewer #2. */
export type SlotIndex = 0 | 1;

export interface RedrawRequest {
  underReview: string;
  slot: SlotIndex;
}
