import {
  apiUrl,
  type ApiOperationOf,
  type ApiPathsWith,
  type ApiRequest,
  type ApiSuccess,
  type GoalForm,
  type ProjectListResponse,
  type SaveFormRequest,
} from './index';

/** True only when A and B are the same type (any is not the same as GoalForm). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(value: Same<A, B>) => value;

describe('the client types: what a call sends and answers, from the generated paths', () => {
  it('types a call by its path and method', () => {
    type GetForm = ApiOperationOf<'/api/forms/{id}', 'get'>;
    type SaveForm = ApiOperationOf<'/api/forms/{id}', 'put'>;
    type ListProjects = ApiOperationOf<'/api/projects', 'get'>;
    expect(same<ApiSuccess<GetForm>, GoalForm>(true)).toBe(true);
    expect(same<ApiSuccess<SaveForm>, GoalForm>(true)).toBe(true);
    expect(same<ApiSuccess<ListProjects>, ProjectListResponse>(true)).toBe(true);
    expect(same<ApiSuccess<ApiOperationOf<'/api/forms/{id}', 'delete'>>, undefined>(true)).toBe(true);
    expect(same<ApiRequest<SaveForm>, { path: { id: string } } & { body: SaveFormRequest }>(true)).toBe(true);
    expect(same<ApiRequest<GetForm>['path'], { id: string }>(true)).toBe(true);
    expect(same<ApiRequest<ListProjects>['query']['year'], number>(true)).toBe(true);

    const put: ApiPathsWith<'put'> = '/api/forms/{id}';
    // @ts-expect-error GET /api/forms/batch-transitions is no operation
    const wrong: ApiPathsWith<'get'> = '/api/forms/batch-transitions';
    expect([put, wrong]).toHaveLength(2);
  });

  it('builds the URL: path parameters encoded, the query parameters that are set, in order', () => {
    expect(apiUrl('/api/forms/{id}/history', { id: 'a/b c' })).toBe('/api/forms/a%2Fb%20c/history');
    expect(apiUrl('/api/projects', undefined, { year: 2021, search: '服务 管理', status: undefined, page: 1 })).toBe(
      '/api/projects?year=2021&search=%E6%9C%8D%E5%8A%A1+%E7%AE%A1%E7%90%86&page=1',
    );
    expect(apiUrl('/api/years')).toBe('/api/years');
    expect(() => apiUrl('/api/forms/{id}', {})).toThrow('/api/forms/{id}: no value for {id}');
  });
});
