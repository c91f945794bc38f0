import { applyChange, DEFAULT_PAGE_SIZE, parseListParams, toSearchParams } from './list-params';
import { apiUrl } from '@jxt/contracts';
import { projectsQuery } from './api';

const parse = (query: string) => parseListParams(new URLSearchParams(query));
const ORG = '0b6c1f4e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';

describe('parseListParams', () => {
  it('reads every filter from a shared link', () => {
    expect(parse(`year=2021&q=市民&org=${ORG}&category=recurring&status=submitted&page=3&pageSize=50`)).toEqual({
      year: 2021,
      search: '市民',
      organizationId: ORG,
      categoryCode: 'recurring',
      status: 'submitted',
      page: 3,
      pageSize: 50,
    });
  });

  it('gives page 1 and the default page size, and no year, for an empty query', () => {
    expect(parse('')).toEqual({
      year: undefined,
      search: undefined,
      organizationId: undefined,
      categoryCode: undefined,
      status: undefined,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it.each([
    ['year=abc', 'year', undefined],
    ['year=1999', 'year', undefined],
    ['year=2101', 'year', undefined],
    ['year=2021.5', 'year', undefined],
    ['page=0', 'page', 1],
    ['page=-2', 'page', 1],
    ['page=x', 'page', 1],
    ['pageSize=501', 'pageSize', DEFAULT_PAGE_SIZE],
    ['pageSize=0', 'pageSize', DEFAULT_PAGE_SIZE],
    ['pageSize=500', 'pageSize', 500],
    ['status=approved', 'status', undefined],
    ['org=not-a-uuid', 'organizationId', undefined],
    ['q=%20%20', 'search', undefined],
  ])('drops what the API would refuse: %s', (query, key, expected) => {
    expect(parse(query)[key as keyof ReturnType<typeof parse>]).toBe(expected);
  });

  it('trims the search text and caps it at the API limit of 100 characters', () => {
    expect(parse(`q=${encodeURIComponent('  项目  ')}`).search).toBe('项目');
    expect(parse(`q=${'a'.repeat(150)}`).search).toHaveLength(100);
  });
});

describe('toSearchParams', () => {
  it('round-trips through parseListParams', () => {
    const params = {
      year: 2021,
      search: '网络',
      organizationId: ORG,
      categoryCode: 'one_off',
      status: 'draft' as const,
      page: 2,
      pageSize: 100,
    };
    expect(parseListParams(toSearchParams(params))).toEqual(params);
  });

  it('leaves defaults and empty filters out of the link', () => {
    expect(toSearchParams({ year: 2021, page: 1, pageSize: DEFAULT_PAGE_SIZE, search: '' }).toString()).toBe(
      'year=2021',
    );
  });
});

describe('applyChange', () => {
  const current = { year: 2021, page: 4, pageSize: 20 };
  it('keeps the filters when only the page changes', () => {
    expect(applyChange({ ...current, status: 'draft' }, { page: 5 })).toEqual({ ...current, status: 'draft', page: 5 });
  });
  it('goes back to page 1 when a filter changes', () => {
    expect(applyChange(current, { search: '市民' })).toEqual({ ...current, search: '市民', page: 1 });
    expect(applyChange(current, { year: 2020 }).page).toBe(1);
  });
  it('clears a filter set to undefined', () => {
    expect(
      applyChange({ ...current, categoryCode: 'recurring' }, { categoryCode: undefined }).categoryCode,
    ).toBeUndefined();
  });
});

describe('projectsQuery', () => {
  it('sends only the filters that are set', () => {
    const url = (params: Parameters<typeof projectsQuery>[0]) =>
      apiUrl('/api/projects', undefined, projectsQuery(params));
    expect(url({ year: 2021, page: 1, pageSize: 20 })).toBe('/api/projects?year=2021&page=1&pageSize=20');
    expect(url({ year: 2021, page: 1, pageSize: 20, search: '' })).toBe('/api/projects?year=2021&page=1&pageSize=20');
    const query = new URLSearchParams(
      url({ year: 2021, page: 2, pageSize: 50, search: '服务 管理', status: 'returned' }).split('?')[1],
    );
    expect(query.get('search')).toBe('服务 管理');
    expect(query.get('status')).toBe('returned');
  });
});
