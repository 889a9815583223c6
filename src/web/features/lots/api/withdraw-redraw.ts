import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export function withdrawRedraw(requestId: string): Promise<void> {
  return apiRequest(`/api/redraw-requests/${encodeURIComponent(requestId)}/withdraw`, { method: 'POST' });
}

export function useWithdrawRedraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawRedraw,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['redraw-requests'] }),
  });
}
