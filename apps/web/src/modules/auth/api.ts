import type { CurrentUser, LoginRequest, LoginResponse } from '@jxt/contracts';
import { apiFetch } from '../../api/http';

export const fetchCurrentUser = (signal?: AbortSignal) => apiFetch<CurrentUser>('/api/auth/me', { signal });
export const postLogin = (body: LoginRequest) => apiFetch<LoginResponse>('/api/auth/login', { method: 'POST', body });
export const postLogout = () => apiFetch<void>('/api/auth/logout', { method: 'POST' });
