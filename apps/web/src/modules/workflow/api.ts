import type {
  BatchTransitionRequest,
  BatchTransitionResponse,
  FormHistoryEntry,
  GoalForm,
  InboxResponse,
  TransitionRequest,
} from '@jxt/contracts';
import { apiFetch } from '../../api/http';

const formPath = (id: string) => `/api/forms/${encodeURIComponent(id)}`;

/** One step of the 审批流程. 调整 answers the NEW revision's form. */
export const postTransition = (id: string, body: TransitionRequest) =>
  apiFetch<GoalForm>(`${formPath(id)}/transitions`, { method: 'POST', body });

/** Every transition and saved change of a form, oldest first. */
export const fetchHistory = (id: string, signal?: AbortSignal) =>
  apiFetch<FormHistoryEntry[]>(`${formPath(id)}/history`, { signal });

/** The same step on several forms; each one is checked and committed on its own. */
export const postBatchTransition = (body: BatchTransitionRequest) =>
  apiFetch<BatchTransitionResponse>('/api/forms/batch-transitions', { method: 'POST', body });

/** 待办: what waits on the caller. */
export const fetchInbox = (signal?: AbortSignal) => apiFetch<InboxResponse>('/api/inbox', { signal });
