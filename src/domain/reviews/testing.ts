/**
 * @module testing
 * Test helpers: a review with chosen milestones on fixed dates, so tests read as
 * "a review that has reached X". Not used by production code.
 */
import { addDays } from './calendar.ts';
import type { MilestoneKind } from './milestones.ts';
import type { Review } from './review.ts';

export const START = '2024-01-10';
/** Each milestone of the fixture is dated `START + step × 10 days`, in this order. */
const STEP: Record<MilestoneKind, number> = {
  started: 0,
  focalPointAppointed: 1,
  checklistSubmitted: 2,
  deskReviewCompleted: 3,
  dialogueHeld: 4,
  draftReportShared: 5,
  executiveSummaryFinalised: 6,
  reportFinalised: 7,
  executiveSummaryPublished: 8,
  reportPublished: 9,
}

export function fixtureDate(kind: MilestoneKind): string {
  return addDays(START, STEP[kind] * 10);
}

export function reviewWith(kinds: readonly MilestoneKind[], overrides: Partial<Review> = {}): Review {
  return {
    stateUnderReview: 'AUT',
    cycle: 2,
    cohortYear: 1,
    reviewers: ['KEN', 'PER'],
    milestones: kinds.map((kind) => (kind === 'dialogueHeld' ? { kind, date: fixtureDate(kind), dialogueType: 'country_visit' as const } : { kind, date: fixtureDate(kind) })),
    pauses: [],
    extensions: [],
    consentToPublishReport: true,
    ...overrides,
  };
}

/** Milestones up to and including `last`, along the main line (summary before report). */
export function through(last: MilestoneKind): MilestoneKind[] {
  const order: MilestoneKind[] = Object.keys(STEP) as MilestoneKind[];
  return order.slice(0, order.indexOf(last) + 1);
}
