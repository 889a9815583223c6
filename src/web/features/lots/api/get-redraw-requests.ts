import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface RedrawRequestDto {
  id: string;
  cycle: number;
  underReview: string;
  /** 0 = reviewer #1 (same regional group), 1 = reviewer #2. */
  slot: number;
  reason: string | null;
  exceptionalDecision: string | null;
  status: string;
  requestedBy: string;
  requestedAt: string;
  drawId: string | null;
}

export function getRedrawRequests(): Promise<{ requests: RedrawRequestDto[] }> {
  return apiRequest('/api/redraw-requests');
}

export const redrawRequestsQueryOptions = queryOptions({ queryKey: ['redraw-requests'], queryFn: getRedrawRequests });

/** Secretariat only (lots.manage). */
export function useRedrawRequests(enabled = true) {
  return useQuery({ ...redrawRequestsQueryOptions, enabled });
}
