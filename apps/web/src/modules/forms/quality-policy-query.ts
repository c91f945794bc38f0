import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The year's quality-check policy (the default, version 0, until the admin saves one); rarely changes. */
export function useQualityPolicy(year: number | undefined) {
  return useQuery({
    queryKey: ['quality-policies', year ?? 0] as const,
    queryFn: ({ signal }) => api.get('/api/quality-policies/{year}', { path: { year: year ?? 0 }, signal }),
    enabled: year !== undefined,
    staleTime: 5 * 60_000,
  });
}
