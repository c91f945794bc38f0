/** Every query key of the workflow module (history and inbox; the form itself is the forms module's). */
export const workflowKeys = {
  all: ['workflow'] as const,
  history: (formId: string) => ['workflow', 'history', formId] as const,
  inbox: ['workflow', 'inbox'] as const,
};
