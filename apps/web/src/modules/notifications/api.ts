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
