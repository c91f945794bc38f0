import type { CreateUserRequest, UpdateUserRequest } from '@jxt/contracts';
import { api } from '../../api/client';

export const fetchUsers = (signal?: AbortSignal) => api.get('/api/users', { signal });

export const postUser = (body: CreateUserRequest) => api.post('/api/users', { body });

export const patchUser = (id: string, body: UpdateUserRequest) => api.patch('/api/users/{id}', { path: { id }, body });

export const postResetPassword = (id: string) => api.post('/api/users/{id}/reset-password', { path: { id } });

export const postRevokeSessions = (id: string) => api.post('/api/users/{id}/revoke-sessions', { path: { id } });
