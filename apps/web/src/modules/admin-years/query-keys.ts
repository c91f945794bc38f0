/** The year's 截止日期 (GET /api/deadlines): stale after saving them or opening a year (which proposes them). */
export const deadlineKeys = {
  year: (year: number) => ['deadlines', year] as const,
};

/** 截止提醒's days before the deadline (tenant-wide). */
export const reminderKeys = {
  settings: ['reminder-settings'] as const,
};

/** Under the forms' and projects' `['catalog', 'code-list', list]` keys, so a save makes theirs stale too. */
export const adminCodeListKeys = {
  list: (list: string, year: number | undefined) => ['catalog', 'code-list', list, 'admin', year ?? null] as const,
  all: ['catalog'] as const,
};

/** The forms' own `['catalog', 'taxonomy', year]`: the editor and the admin's page share one read, a save refreshes both. */
export const adminTaxonomyKeys = {
  year: (year: number) => ['catalog', 'taxonomy', year] as const,
};
