import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../domain/accounts/roles.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  stateIso3: string | null;
  isDisabled: boolean;
  isDemo: boolean;
  lastLoginAt: string | null;
  /** Absent in answers from servers older than two-factor sign-in. */
  twoFactorEnabled?: boolean;
}

export function getUsers(): Promise<{ users: UserDto[] }> {
  return apiRequest('/api/users');
}

export const usersQueryKey = ['admin', 'users'] as const;

export const usersQueryOptions = queryOptions({ queryKey: usersQueryKey, queryFn: getUsers });

export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...usersQueryOptions, enabled });
}
