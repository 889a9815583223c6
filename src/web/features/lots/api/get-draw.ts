import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { DrawSummaryDto } from './get-draws.ts';

export interface ReviewerAssignmentDto {
  underReview: string;
  /** [reviewer #1 (same regional group), reviewer #2]. */
  reviewers: [string, string];
}

export interface CohortYearDto {
  year: number;
  states: string[];
}

/** The verifiable record (docs/LOTS.md §8); only the fields the page shows are typed. */
export interface DrawRecordDto {
  kind: string;
  cycle: number;
  commitment: string;
  secret: string;
  publicEntropy: string;
  seed: string;
  year?: number;
  result: ReviewerAssignmentDto[] | CohortYearDto[];
  parties?: { iso3: string; regionalGroup: string | null }[];
  redraw?: { of: { underReview: string; slot: 0 | 1 }; previousResult: ReviewerAssignmentDto[] };
  [key: string]: unknown;
}

export interface DrawDetailDto extends DrawSummaryDto {
  /** Frozen inputs, public from the commitment on. */
  inputs: Record<string, unknown>;
  /** The full record with the revealed secret; null until visible to the current user. */
  record: DrawRecordDto | null;
}

export function getDraw(id: string): Promise<{ draw: DrawDetailDto }> {
  return apiRequest<{ draw: DrawDetailDto }>(`/api/draws/${encodeURIComponent(id)}`);
}

export function drawQueryOptions(id: string) {
  return queryOptions({ queryKey: ['draws', id], queryFn: () => getDraw(id) });
}

export function useDraw(id: string) {
  return useQuery(drawQueryOptions(id));
}

export function isReviewerResult(record: DrawRecordDto): record is DrawRecordDto & { result: ReviewerAssignmentDto[] } {
  return record.kind !== 'cohorts';
}

export function recordHref(id: string): string {
  return `/api/draws/${encodeURIComponent(id)}/record.json`;
}
