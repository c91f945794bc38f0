/** The years with data (GET /api/years): stale after anything that adds a year (a form, a 自评表, a policy version). */
export const yearKeys = {
  all: ['years'] as const,
};
