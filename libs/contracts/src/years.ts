/**
 * One year the tenant has data for, as the caller sees it: what the 年度 selectors list (with the year after the
 * newest) and what their defaults are picked from. Forms and 自评表 count in the caller's scope; the taxonomy and
 * the 评分规则 are the tenant's.
 */
export interface YearSummary {
  year: number;
  /** Projects with a 绩效目标表 of the year. */
  projects: number;
  /** 自评表 of the year. */
  evaluations: number;
  /** 自评 due or open: finance-approved forms without a 自评表 yet, and 自评表 not yet final. */
  evaluationsOpen: number;
  /** Stored 评分规则 versions of the year. */
  policyVersions: number;
  /** Whether the year has an indicator taxonomy. */
  taxonomy: boolean;
}

/** GET /api/years */
export interface YearsResponse {
  /** Years with any of the data above, newest first. */
  years: YearSummary[];
}
