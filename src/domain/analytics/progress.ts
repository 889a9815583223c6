/**
 * @module progress
 * Progress of a cycle's country reviews as at any date, computed from the dated history and
 * never from the current state (issue 6): a milestone counts from its date on, and stops
 * counting on the day it was withdrawn (a review that went back a stage). Pauses do not take
 * progress away: a paused review keeps the steps it reached; they are counted apart.
 * Each figure carries the ids of the reviews behind it, so every number is one click from
 * its list.
 */
import type { DialogueType, MilestoneKind } from '../reviews/milestones.ts';

/** One dated fact of a milestone: recorded on `date`, and withdrawn on `withdrawnOn` (if it was). */
export interface MilestoneFact {
  kind: MilestoneKind;
  date: string;
  dialogueType?: DialogueType | null;
  /** First day on which the milestone no longer counts; absent while it stands. */
  withdrawnOn?: string | null;
}

/** What the statistics need of a review: who, where, and its whole dated history. */
export interface ReviewHistory {
  id: string;
  stateIso3: string;
  cycle: number;
  cohortYear: number;
  consentToPublishReport: boolean;
  /** Standing milestones and withdrawn ones alike, in any order. */
  facts: readonly MilestoneFact[];
  pauses: readonly { from: string; to: string | null }[];
}

/**
 * A milestone as it stood on a day: the standing fact if it counts then, otherwise the latest
 * withdrawn one in force that day (a withdrawal and a later re-recording dated before it
 * can overlap; the standing one wins, so each review counts once with one dialogue form).
 */
export function factAsAt(history: Pick<ReviewHistory, 'facts'>, kind: MilestoneKind, asOf: string): MilestoneFact | undefined {
  let found: MilestoneFact | undefined;
  for (const fact of history.facts) {
    if (fact.kind !== kind || fact.date > asOf) continue;
    const standing = fact.withdrawnOn == null;
    if (standing) return fact;
    if (fact.withdrawnOn! <= asOf) continue;
    if (found === undefined || fact.date > found.date) found = fact;
  }
  return found;
}

/** The standing (not withdrawn) fact of a milestone today: the current state of the review. */
export function standingFact(history: Pick<ReviewHistory, 'facts'>, kind: MilestoneKind): MilestoneFact | undefined {
  return history.facts.find((f) => f.kind === kind && (f.withdrawnOn === undefined || f.withdrawnOn === null));
}

export function isPausedOn(history: Pick<ReviewHistory, 'pauses'>, asOf: string): boolean {
  return history.pauses.some((p) => p.from <= asOf && (p.to === null || p.to > asOf));
}

export const PROGRESS_FIGURES = [
  'total',
  'underReview',
  'paused',
  'checklistsSubmitted',
  'dialoguesHeld',
  'countryVisits',
  'jointMeetings',
  'virtualVisits',
  'executiveSummariesFinalised',
  'reportsFinalised',
] as const;
export type ProgressFigure = (typeof PROGRESS_FIGURES)[number];

export interface Progress {
  cycle: number;
  asOf: string;
  /** M of "N of M": the States under review in the cycle (every review of the cycle). */
  total: number;
  /** States whose review had started by asOf (completed ones included). */
  underReview: number;
  /** Reviews paused on asOf (they keep the steps they reached). */
  paused: number;
  checklistsSubmitted: number;
  dialoguesHeld: { total: number; countryVisits: number; jointMeetings: number; virtualVisits: number };
  executiveSummariesFinalised: number;
  reportsFinalised: number;
  /** The review ids behind each figure, sorted. */
  reviews: Record<ProgressFigure, string[]>;
}

const FIGURE_OF_DIALOGUE: Record<DialogueType, ProgressFigure> = {
  country_visit: 'countryVisits',
  joint_meeting: 'jointMeetings',
  virtual_visit: 'virtualVisits',
};

/** The progress figures of one cycle's reviews as at a day (ISO date). */
export function progressAsAt(histories: readonly ReviewHistory[], cycle: number, asOf: string): Progress {
  const ids = Object.fromEntries(PROGRESS_FIGURES.map((f) => [f, [] as string[]])) as Record<ProgressFigure, string[]>;
  for (const h of histories) {
    if (h.cycle !== cycle) continue;
    ids.total.push(h.id);
    if (factAsAt(h, 'started', asOf)) ids.underReview.push(h.id);
    if (isPausedOn(h, asOf)) ids.paused.push(h.id);
    if (factAsAt(h, 'checklistSubmitted', asOf)) ids.checklistsSubmitted.push(h.id);
    const dialogue = factAsAt(h, 'dialogueHeld', asOf);
    if (dialogue) {
      ids.dialoguesHeld.push(h.id);
      // A dialogue without a recorded form is counted in the total only.
      if (dialogue.dialogueType) ids[FIGURE_OF_DIALOGUE[dialogue.dialogueType]].push(h.id);
    }
    if (factAsAt(h, 'executiveSummaryFinalised', asOf)) ids.executiveSummariesFinalised.push(h.id);
    if (factAsAt(h, 'reportFinalised', asOf)) ids.reportsFinalised.push(h.id);
  }
  for (const list of Object.values(ids)) list.sort();
  return {
    cycle,
    asOf,
    total: ids.total.length,
    underReview: ids.underReview.length,
    paused: ids.paused.length,
    checklistsSubmitted: ids.checklistsSubmitted.length,
    dialoguesHeld: {
      total: ids.dialoguesHeld.length,
      countryVisits: ids.countryVisits.length,
      jointMeetings: ids.jointMeetings.length,
      virtualVisits: ids.virtualVisits.length,
    },
    executiveSummariesFinalised: ids.executiveSummariesFinalised.length,
    reportsFinalised: ids.reportsFinalised.length,
    reviews: ids,
  };
}

/** The milestone a figure is about, to show its date next to each review in the list. */
export const FIGURE_MILESTONE: Record<ProgressFigure, MilestoneKind | null> = {
  total: null,
  underReview: 'started',
  paused: null,
  checklistsSubmitted: 'checklistSubmitted',
  dialoguesHeld: 'dialogueHeld',
  countryVisits: 'dialogueHeld',
  jointMeetings: 'dialogueHeld',
  virtualVisits: 'dialogueHeld',
  executiveSummariesFinalised: 'executiveSummaryFinalised',
  reportsFinalised: 'reportFinalised',
};
