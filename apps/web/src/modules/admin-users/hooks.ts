import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest } from '@jxt/contracts';
import { fetchUsers, patchUser, postResetPassword, postRevokeSessions, postUser } from './api';
import { userKeys } from './query-keys';

export function useUsers() {
  // Users change on their own (a first login sets the password, a session ends): read again whenever the page opens.
  return useQuery({ queryKey: userKeys.all, queryFn: ({ signal }) => fetchUsers(signal), staleTime: 0 });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateUserRequest) => postUser(body), onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateUserRequest }) => patchUser(id, change),
    onSuccess: refresh,
  });
}

export function useResetPassword() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => postResetPassword(id), onSuccess: refresh });
}

export function useRevokeSessions() {
  return useMutation({ mutationFn: (id: string) => postRevokeSessions(id) });
}
