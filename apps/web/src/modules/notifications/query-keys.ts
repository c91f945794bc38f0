import type { NotificationListParams } from './api';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: NotificationListParams) => ['notifications', 'list', params] as const,
  email: ['notifications', 'email'] as const,
};
