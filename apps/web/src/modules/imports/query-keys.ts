export const importKeys = {
  all: ['imports'] as const,
  batch: (id: string) => ['imports', id] as const,
  limits: ['import-limits'] as const,
};
