import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { DrawDetailDto } from './get-draw.ts';

/** Publishes a drawn result: it becomes the cohorts or reviewer assignments and never changes. */
export function publishDraw(id: string): Promise<{ draw: DrawDetailDto }> {
  return apiRequest(`/api/draws/${encodeURIComponent(id)}/publish`, { method: 'POST' });
}

export function usePublishDraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishDraw,
    onSuccess: ({ draw }) => {
      queryClient.setQueryData(['draws', draw.id], { draw });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['draws'], exact: true }),
        queryClient.invalidateQueries({ queryKey: ['cycles'] }),
        queryClient.invalidateQueries({ queryKey: ['draw-pool'] }),
        queryClient.invalidateQueries({ queryKey: ['redraw-requests'] }),
      ]);
    },
  });
}
