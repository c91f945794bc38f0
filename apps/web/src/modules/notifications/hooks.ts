import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationEmailSettings } from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import {
  fetchNotificationEmail,
  fetchNotifications,
  postAllNotificationsRead,
  postNotificationRead,
  putNotificationEmail,
  type NotificationListParams,
} from './api';
import { notificationKeys } from './query-keys';

/** How often the bell asks for new messages while the app is open. */
const POLL_MS = 60_000;

export function useNotifications(params: NotificationListParams, { poll = false } = {}) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => fetchNotifications(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? POLL_MS : false,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => postNotificationRead(id),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => postAllNotificationsRead(),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationEmail() {
  return useQuery({ queryKey: notificationKeys.email, queryFn: ({ signal }) => fetchNotificationEmail(signal) });
}

export function useSaveNotificationEmail() {
  const client = useQueryClient();
  return useMutation<NotificationEmailSettings, ApiRequestError | Error, string | null>({
    mutationFn: (email) => putNotificationEmail(email),
    onSuccess: (saved) => client.setQueryData(notificationKeys.email, saved),
  });
}
