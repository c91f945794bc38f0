export const authKeys = {
  me: ['auth', 'me'] as const,
  sessions: ['auth', 'sessions'] as const,
  securitySettings: ['auth', 'security-settings'] as const,
};
