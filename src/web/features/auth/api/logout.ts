import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { ANONYMOUS_SESSION, sessionQueryKey } from './get-session.ts';

export function logout(): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST' });
}

/** After signing out, forget everything fetched with the old session and ask for a new one. */
export async function forgetSession(queryClient: QueryClient): Promise<void> {
  setCsrfToken(null);
  queryClient.setQueryData(sessionQueryKey, ANONYMOUS_SESSION);
  queryClient.removeQueries({ queryKey: ['admin'] });
  await queryClient.invalidateQueries();
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => forgetSession(queryClient),
  });
}
