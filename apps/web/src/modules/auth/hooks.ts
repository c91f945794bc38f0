import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@jxt/contracts';
import { fetchCurrentUser, postLogin, postLogout } from './api';
import { authKeys } from './query-keys';

export function useCurrentUser() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => postLogin(body),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(authKeys.me, session.user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postLogout,
    onSettled: () => client.clear(),
  });
}
