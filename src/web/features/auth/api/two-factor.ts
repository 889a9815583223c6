/**
 * Two-factor sign-in calls: the second step, set-up, status, recovery codes, turning it off,
 * and the secretariat's reset. Each call that opens a new session stores the new CSRF token
 * and refreshes everything, since who is signed in (and what they may do) has changed.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { usersQueryKey } from '../../users/api/get-users.ts';
import { sessionQueryKey, type Session } from './get-session.ts';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup {
  secret: string;
  uri: string;
  /** data: URL of an SVG QR code. */
  qrCode: string;
}

export const twoFactorStatusKey = ['account', 'two-factor'] as const;

async function adoptSession(queryClient: QueryClient, session: Session): Promise<void> {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, { user: session.user, csrfToken: session.csrfToken, abilities: session.abilities, pendingSignIn: session.pendingSignIn ?? null });
  await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

/**
 * A POST whose answer changes what the client holds: `then` runs with the answer (a new
 * session to adopt, or queries to refresh) before the mutation counts as settled.
 */
function usePostThen<Variables, Result>(post: (variables: Variables) => Promise<Result>, then: (queryClient: QueryClient, result: Result) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: post, onSuccess: (result) => then(queryClient, result) });
}

/** The call that sends a code to `path`. */
const postCode = <Result>(path: string) => (code: string) => apiRequest<Result>(path, { method: 'POST', body: { code } });

export function useCompleteSignIn() {
  return usePostThen(postCode<Session>('/api/auth/two-factor'), adoptSession);
}

export function useCancelSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/auth/two-factor', { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

export function useTwoFactorStatus(enabled = true) {
  return useQuery({ queryKey: twoFactorStatusKey, queryFn: () => apiRequest<TwoFactorStatus>('/api/account/two-factor'), enabled });
}

export function useStartSetup() {
  return useMutation({ mutationFn: () => apiRequest<TwoFactorSetup>('/api/account/two-factor/setup', { method: 'POST' }) });
}

export function useConfirmSetup() {
  return usePostThen(postCode<Session & { recoveryCodes: string[] }>('/api/account/two-factor/confirm'), adoptSession);
}

export function useRegenerateCodes() {
  return usePostThen(postCode<{ recoveryCodes: string[] }>('/api/account/two-factor/recovery-codes'), (queryClient) => queryClient.invalidateQueries({ queryKey: twoFactorStatusKey }));
}

export function useDisableTwoFactor() {
  return usePostThen(postCode<Session>('/api/account/two-factor/disable'), adoptSession);
}

export function useResetTwoFactor() {
  return usePostThen(
    (userId: string) => apiRequest<unknown>(`/api/users/${encodeURIComponent(userId)}/two-factor/reset`, { method: 'POST' }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  );
}
