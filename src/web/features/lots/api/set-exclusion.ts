import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ExclusionDto {
  iso3: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface SetExclusionInput {
  cycle: number;
  year: number;
  iso3: string;
  reason: string;
}

export function setExclusion({ cycle, year, iso3, reason }: SetExclusionInput): Promise<{ exclusions: ExclusionDto[] }> {
  return apiRequest(`/api/cycles/${cycle}/cohorts/${year}/exclusions/${encodeURIComponent(iso3)}`, { method: 'PUT', body: { reason } });
}

export function useSetExclusion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setExclusion,
    onSuccess: (_data, input) => queryClient.invalidateQueries({ queryKey: ['draw-pool', input.cycle, input.year] }),
  });
}
