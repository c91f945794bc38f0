import { api } from '../../api/client';

export interface NotificationListParams {
  page?: number;
  pageSize?: number;
  unread?: boolean;
}

export const fetchNotifications = (params: NotificationListParams, signal?: AbortSignal) =>
  api.get('/api/notifications', { query: params, signal });

export const postNotificationRead = (id: string) => api.post('/api/notifications/{id}/read', { path: { id } });

export const postAllNotificationsRead = () => api.post('/api/notifications/read-all');

/** The caller's own e-mail for reminders, and whether the server sends e-mail at all (SMTP configured). */
export const fetchNotificationEmail = (signal?: AbortSignal) => api.get('/api/notifications/email', { signal });

/** Sets (or, with null, removes) the caller's e-mail for reminders. */
export const putNotificationEmail = (email: string | null) => api.put('/api/notifications/email', { body: { email } });
