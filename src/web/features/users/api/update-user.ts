import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { usersQueryKey, type UserDto } from './get-users.ts';

export interface UpdateUserInput {
  id: string;
  isDisabled?: boolean;
  displayName?: string;
}

export function updateUser({ id, ...changes }: UpdateUserInput): Promise<{ user: UserDto }> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
