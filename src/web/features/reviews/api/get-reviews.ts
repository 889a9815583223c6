import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import type { DialogueType, MilestoneKind, ResponsibleActor } from '../../../../domain/reviews/milestones.ts';
import type { Stage } from '../../../../domain/reviews/stages.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type TimelineStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'not-applicable';

export interface TimelineStepDto {
  kind: MilestoneKind;
  plannedDate: string | null;
  dueDate: string | null;
  actualDate: string | null;
  status: TimelineStatus;
  daysLate: number;
}

/** One row of the tracker: stage, dates and delay, never content (docs/REVIEWS.md §6). */
export interface ReviewRowDto {
  id: string;
  stateUnderReview: string;
  regionalGroup: RegionalGroup | null;
  cycle: number;
  cohortYear: number;
  reviewers: [string, string];
  reviewersSource: 'draw' | 'manual' | 'import';
  stage: Stage;
  waitingOn: ResponsibleActor[];
  overdue: MilestoneKind[];
  daysLate: number;
  timeline: TimelineStepDto[];
}

export interface ReviewsResponse {
  asOf: string;
  counts: { total: number; overdue: number; byStage: Partial<Record<Stage, number>> };
  reviews: ReviewRowDto[];
}

export interface ReviewFilters {
  cycle?: number;
  cohortYear?: number;
  regionalGroup?: RegionalGroup;
  stage?: Stage;
  overdue?: boolean;
}

export function reviewsSearch(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  if (filters.cycle !== undefined) params.set('cycle', String(filters.cycle));
  if (filters.cohortYear !== undefined) params.set('cohortYear', String(filters.cohortYear));
  if (filters.regionalGroup) params.set('regionalGroup', filters.regionalGroup);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.overdue !== undefined) params.set('overdue', String(filters.overdue));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function getReviews(filters: ReviewFilters = {}): Promise<ReviewsResponse> {
  return apiRequest<ReviewsResponse>(`/api/reviews${reviewsSearch(filters)}`);
}

export function reviewsQueryOptions(filters: ReviewFilters = {}) {
  return queryOptions({ queryKey: ['reviews', 'list', filters], queryFn: () => getReviews(filters) });
}

export function useReviews(filters: ReviewFilters = {}) {
  return useQuery({ ...reviewsQueryOptions(filters), placeholderData: keepPreviousData });
}

export interface PauseDto {
  from: string;
  to: string | null;
  reason: string;
}

export interface ExtensionDto {
  milestone: MilestoneKind;
  newDueDate: string;
  reason: string;
  agreedBy: string;
}

export interface HistoryEntryDto {
  at: string;
  actor: string | null;
  action: string;
  details: unknown;
}

export interface ReviewDetailDto extends ReviewRowDto {
  consentToPublishReport: boolean;
  pauses: PauseDto[];
  extensions: ExtensionDto[];
  next: { kind: MilestoneKind; actor: ResponsibleActor }[];
  version: number;
  history: HistoryEntryDto[];
  /** Whether the signed-in user may see the review's content (checklist, desk review). */
  canSeeContent?: boolean;
  /** Checklist progress, for those who may see the content. */
  checklist?: { answered: number; total: number; lastSubmission: number | null } | null;
  /** Recorded milestones, when the API sends them (the dialogue carries its form). */
  milestones?: { kind: MilestoneKind; date: string; dialogueType?: DialogueType | null }[];
}

export function getReview(id: string): Promise<{ review: ReviewDetailDto }> {
  return apiRequest<{ review: ReviewDetailDto }>(`/api/reviews/${encodeURIComponent(id)}`);
}

export function reviewQueryOptions(id: string) {
  return queryOptions({ queryKey: ['reviews', 'detail', id], queryFn: () => getReview(id) });
}

export function useReview(id: string) {
  return useQuery(reviewQueryOptions(id));
}
