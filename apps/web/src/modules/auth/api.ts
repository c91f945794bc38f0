import type {
  ChangePasswordRequest,
  DisableTotpRequest,
  LoginRequest,
  TotpLoginRequest,
  UpdateSecuritySettingsRequest,
} from '@jxt/contracts';
import { api } from '../../api/client';

export const fetchCurrentUser = (signal?: AbortSignal) => api.get('/api/auth/me', { signal });
/** A session (LoginResponse), or a challenge (LoginChallengeResponse, 202) when the user holds a second factor. */
export const postLogin = (body: LoginRequest) => api.post('/api/auth/login', { body });
export const postLoginTotp = (body: TotpLoginRequest) => api.post('/api/auth/login/totp', { body });
export const postLogout = () => api.post('/api/auth/logout');
export const postPassword = (body: ChangePasswordRequest) => api.post('/api/auth/password', { body });
export const postTotpSetup = () => api.post('/api/auth/totp/setup');
export const postTotpConfirm = (code: string) => api.post('/api/auth/totp/confirm', { body: { code } });
export const postTotpDisable = (body: DisableTotpRequest) => api.post('/api/auth/totp/disable', { body });
export const fetchSessions = (signal?: AbortSignal) => api.get('/api/auth/sessions', { signal });
export const deleteSession = (id: string) => api.delete('/api/auth/sessions/{id}', { path: { id } });
export const fetchSecuritySettings = (signal?: AbortSignal) => api.get('/api/auth/security-settings', { signal });
export const putSecuritySettings = (body: UpdateSecuritySettingsRequest) =>
  api.put('/api/auth/security-settings', { body });
