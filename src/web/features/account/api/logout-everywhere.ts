import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { forgetSession } from '../../auth/api/logout.ts';

export function logoutEverywhere(): Promise<void> {
  return apiRequest<void>('/api/auth/logout-everywhere', { method: 'POST' });
}

export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: () => forgetSession(queryClient),
  });
}
