import { queryOptions } from '@tanstack/react-query';
import { fetchCurrentUser } from './api';
import { authKeys } from './query-keys';

/** Who is logged in: read by the app shell and started early by the root route's loader (app/router.tsx). */
export const currentUserQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    retry: false,
    staleTime: 5 * 60_000,
  });
