import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordRequest,
  DisableTotpRequest,
  LoginChallengeResponse,
  LoginRequest,
  LoginResponse,
  TotpLoginRequest,
  UpdateSecuritySettingsRequest,
} from '@jxt/contracts';
import {
  deleteSession,
  fetchSecuritySettings,
  fetchSessions,
  postLogin,
  postLoginTotp,
  postLogout,
  postPassword,
  postTotpConfirm,
  postTotpDisable,
  postTotpSetup,
  putSecuritySettings,
} from './api';
import { authKeys } from './query-keys';
import { currentUserQuery } from './queries';

export function useCurrentUser() {
  return useQuery(currentUserQuery());
}

export const isChallenge = (answer: LoginResponse | LoginChallengeResponse): answer is LoginChallengeResponse =>
  'challengeToken' in answer;

/** 登录 (password): a session, or a challenge for the second step. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => postLogin(body) as Promise<LoginResponse | LoginChallengeResponse>,
    onSuccess: (answer) => {
      if (isChallenge(answer)) return;
      client.clear();
      client.setQueryData(authKeys.me, answer.user);
    },
  });
}

/** 登录 (the code of the second step). */
export function useLoginTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpLoginRequest) => postLoginTotp(body),
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

/** A change that may lift the session's restriction: the current user is read again. */
function useAccountMutation<T, R>(fn: (body: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['auth'] }),
  });
}

export const useChangePassword = () => useAccountMutation((body: ChangePasswordRequest) => postPassword(body));
export const useTotpDisable = () => useAccountMutation((body: DisableTotpRequest) => postTotpDisable(body));
export const useRevokeSession = () => useAccountMutation((id: string) => deleteSession(id));
/** Setup only hands out a pending secret: nothing to read again. */
export const useTotpSetup = () => useMutation({ mutationFn: postTotpSetup });
/** Confirmed: the recovery codes are shown before the user continues, so `me` is read again only then. */
export const useTotpConfirm = () => useMutation({ mutationFn: (code: string) => postTotpConfirm(code) });

export function useSessions() {
  return useQuery({ queryKey: authKeys.sessions, queryFn: ({ signal }) => fetchSessions(signal) });
}

export function useSecuritySettings() {
  return useQuery({ queryKey: authKeys.securitySettings, queryFn: ({ signal }) => fetchSecuritySettings(signal) });
}

export function useSaveSecuritySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSecuritySettingsRequest) => putSecuritySettings(body),
    onSuccess: (saved) => client.setQueryData(authKeys.securitySettings, saved),
  });
}
