import type { YearSummary } from '@jxt/contracts';

/** A year as GET /api/years lists it: open, nothing filed yet, its 指标体系 copied; `change` says what differs. */
export const yearSummary = (year: number, change: Partial<YearSummary> = {}): YearSummary => ({
  year,
  status: 'open',
  openedAt: null,
  openedByName: null,
  closedAt: null,
  closedByName: null,
  copied: null,
  projects: 0,
  evaluations: 0,
  evaluationsOpen: 0,
  policyVersions: 0,
  taxonomy: true,
  ...change,
});
