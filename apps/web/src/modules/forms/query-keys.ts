import type { CodeListName } from '@jxt/contracts';

/** Every query key of the forms module. */
export const formKeys = {
  all: ['forms'] as const,
  form: (id: string) => ['forms', 'detail', id] as const,
  previousYear: (id: string) => ['forms', 'previous-year', id] as const,
  taxonomy: (year: number) => ['catalog', 'taxonomy', year] as const,
  codeList: (list: CodeListName, year?: number) => ['catalog', 'code-list', list, year ?? null] as const,
};
