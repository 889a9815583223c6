import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type DrawKind = 'cohorts' | 'reviewers' | 'redraw';
export type DrawStatus = 'committed' | 'drawn' | 'published' | 'cancelled';

export interface DrawSummaryDto {
  id: string;
  kind: DrawKind;
  status: DrawStatus;
  cycle: number;
  /** Year of the cycle (1-based); null for the draw of cohorts. */
  year: number | null;
  /** hex(SHA-256(secret)), published before the draw. */
  commitment: string;
  publicEntropy: string | null;
  createdAt: string;
  drawnAt: string | null;
  publishedAt: string | null;
  redrawOf: string | null;
}

export interface DrawsResponse {
  draws: DrawSummaryDto[];
}

export function getDraws(): Promise<DrawsResponse> {
  return apiRequest<DrawsResponse>('/api/draws');
}

export const drawsQueryOptions = queryOptions({ queryKey: ['draws'], queryFn: getDraws });

/** Committed and published draws for everyone; the secretariat also sees drawn and cancelled ones. */
export function useDraws() {
  return useQuery(drawsQueryOptions);
}
