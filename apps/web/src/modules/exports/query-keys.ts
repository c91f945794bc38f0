export const exportKeys = {
  all: ['exports'] as const,
  list: () => ['exports', 'list'] as const,
};
