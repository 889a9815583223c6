import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { DrawDetailDto } from './get-draw.ts';

export type CommitDrawInput = { kind: 'reviewers'; cycle: number; year: number } | { kind: 'cohorts'; cycle: number } | { kind: 'redraw'; requestId: string };

/** Freezes the inputs and publishes the commitment (the hash of the secret). */
export function commitDraw(input: CommitDrawInput): Promise<{ draw: DrawDetailDto }> {
  return apiRequest('/api/draws', { method: 'POST', body: input });
}

export function useCommitDraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitDraw,
    onSuccess: ({ draw }) => {
      queryClient.setQueryData(['draws', draw.id], { draw });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['draws'], exact: true }),
        queryClient.invalidateQueries({ queryKey: ['redraw-requests'] }),
      ]);
    },
  });
}
