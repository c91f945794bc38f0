// The same keys as the project list's (modules/projects): a change made here refreshes its organisation picker too.
export const adminOrganizationKeys = {
  all: ['organizations'] as const,
  financeDivisions: ['finance-divisions'] as const,
};
