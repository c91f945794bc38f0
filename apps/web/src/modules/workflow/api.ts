import type { BatchTransitionRequest, TransitionRequest } from '@jxt/contracts';
import { api } from '../../api/client';

/** One step of the 审批流程. 调整 answers the NEW revision's form. */
export const postTransition = (id: string, body: TransitionRequest) =>
  api.post('/api/forms/{id}/transitions', { path: { id }, body });

/** Every transition and saved change of a form, oldest first. */
export const fetchHistory = (id: string, signal?: AbortSignal) =>
  api.get('/api/forms/{id}/history', { path: { id }, signal });

/** The same step on several forms; each one is checked and committed on its own. */
export const postBatchTransition = (body: BatchTransitionRequest) => api.post('/api/forms/batch-transitions', { body });

/** 待办: what waits on the caller. */
export const fetchInbox = (signal?: AbortSignal) => api.get('/api/inbox', { signal });

/** 生成下一年度填报表: the project's draft of `year`, carried from the year before's approved revision. */
export const postNextYearForm = (projectId: string, year: number) =>
  api.post('/api/projects/{id}/forms', { path: { id: projectId }, body: { year } });
