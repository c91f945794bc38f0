import type { LoginRequest } from '@jxt/contracts';
import { api } from '../../api/client';

export const fetchCurrentUser = (signal?: AbortSignal) => api.get('/api/auth/me', { signal });
export const postLogin = (body: LoginRequest) => api.post('/api/auth/login', { body });
export const postLogout = () => api.post('/api/auth/logout');
