import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../domain/accounts/roles.ts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  stateIso3: string | null;
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string | null;
  /** What the signed-in user (or the public) may do, decided by the server's policies. */
  abilities: Record<string, boolean>;
  /** Set while a sign-in waits for a two-factor code ('mfa') or two-factor set-up ('enrol'). */
  pendingSignIn?: { stage: 'mfa' | 'enrol'; email: string } | null;
}

export const ANONYMOUS_SESSION: Session = { user: null, csrfToken: null, abilities: {} };

export const sessionQueryKey = ['session'] as const;

export async function getSession(): Promise<Session> {
  const session = await apiRequest<Session>('/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: getSession,
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** Whether the server grants an ability to the current user. Unknown or loading means no. */
export function useAbility(ability: string): boolean {
  const { data } = useSession();
  return data?.abilities[ability] === true;
}
