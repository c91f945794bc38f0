/** The year's 截止日期 (GET /api/deadlines): stale after saving them or opening a year (which proposes them). */
export const deadlineKeys = {
  year: (year: number) => ['deadlines', year] as const,
};
