/**
 * @module statuses
 * The follow-up statuses of a recommendation (issue 8), the same scale the State claims in
 * its self-report and the reviewers or the secretariat give in their assessment. The order is
 * the one dashboards show, best first.
 */
export const FOLLOW_UP_STATUSES = ['implemented', 'partly-implemented', 'not-implemented', 'no-longer-applicable'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** A recommendation of a finalised report that no assessment has reached yet (as at a date). */
export const NOT_ASSESSED = 'not-assessed' as const;
export type StatusOrNone = FollowUpStatus | typeof NOT_ASSESSED;

export function isFollowUpStatus(value: string): value is FollowUpStatus {
  return (FOLLOW_UP_STATUSES as readonly string[]).includes(value);
}

/**
 * Outstanding: still to be done. A recommendation not yet assessed is outstanding too — the
 * State has not shown otherwise [A] (docs/FOLLOW-UP.md §5).
 */
export function isOutstanding(status: StatusOrNone): boolean {
  return status === 'partly-implemented' || status === 'not-implemented' || status === NOT_ASSESSED;
}

/** The key of a recommendation inside its review (the stable reference says the same with cycle and State). */
export interface RecommendationKey {
  article: number;
  sequence: number;
}

export function keyOf(r: RecommendationKey): string {
  return `${r.article}/${r.sequence}`;
}
