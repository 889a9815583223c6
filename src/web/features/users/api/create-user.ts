import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../domain/accounts/roles.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { usersQueryKey, type UserDto } from './get-users.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  stateIso3?: string;
  password: string;
}

export function createUser(input: CreateUserInput): Promise<{ user: UserDto }> {
  return apiRequest('/api/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
