import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { PartyListItem } from './get-parties.ts';

export interface RecordAccessionInput {
  iso3: string;
  effectiveOn: string;
}

export function recordAccession({ iso3, effectiveOn }: RecordAccessionInput): Promise<{ party: PartyListItem }> {
  return apiRequest(`/api/parties/${encodeURIComponent(iso3)}/accession`, { method: 'POST', body: { effectiveOn } });
}

export function useRecordAccession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordAccession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['parties'] }),
  });
}
