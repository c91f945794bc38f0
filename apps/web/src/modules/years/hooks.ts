import { useQuery } from '@tanstack/react-query';
import type { YearSummary } from '@jxt/contracts';
import { fetchYears } from './api';
import { yearKeys } from './query-keys';
import { defaultEvaluationYear, defaultPolicyYear, defaultProjectYear } from './year-rules';

/** The years with data in the caller's view, newest first. Changes rarely: kept for a minute. */
export function useYears() {
  return useQuery({ queryKey: yearKeys.all, queryFn: ({ signal }) => fetchYears(signal), staleTime: 60_000 });
}

const RULES = {
  projects: defaultProjectYear,
  policy: defaultPolicyYear,
  evaluations: defaultEvaluationYear,
} as const satisfies Record<string, (years: readonly YearSummary[], now: number) => number>;

/**
 * The year a page opens on when its URL names none (year-rules.ts says which for each page). `undefined` while the
 * years load; this year when they cannot be read.
 */
export function useDefaultYear(
  page: keyof typeof RULES,
  enabled: boolean,
  now = new Date().getFullYear(),
): number | undefined {
  const years = useYears();
  if (!enabled) return undefined;
  if (years.isError) return now;
  return years.data ? RULES[page](years.data.years, now) : undefined;
}
