import type {
  ApiError,
  BatchTransitionResponse,
  Evaluation,
  GoalForm,
  ProjectListItem,
  SaveFormRequest,
} from '@jxt/contracts';
import { DEFAULT_SCORING_POLICY, toSaveRequest } from '@jxt/domain';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * Hostile input, one case per cause that answered 500 before (issue 11): NUL bytes, deep nesting, numbers beyond
 * their column, arrays where objects belong, missing objects, forms with thousands of indicators, and two
 * supervisors batching the same forms in opposite orders. Each must be refused with a 4xx that names the field
 * (or, for the batches, answered without a 5xx).
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const FILER = { filerName: 'h 填报人', filerPhone: '021-57820101' };
const DEEP = 2_000;

/**
 * `{"a":{"a":…}}` (or `[[…]]`) nested `levels` deep as JSON text (JSON.stringify itself would recurse), at the top or
 * as the value of `key` beside a password.
 */
function deepJson(levels: number, kind: 'object' | 'array', key?: string): string {
  const deep =
    kind === 'object' ? '{"a":'.repeat(levels) + '1' + '}'.repeat(levels) : '['.repeat(levels) + ']'.repeat(levels);
  return key ? `{"${key}":${deep},"password":"x"}` : deep;
}

describe('hostile input: a 4xx naming the field, never a 5xx', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  let draft: GoalForm;
  let evaluation: Evaluation;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'h', [
      {
        username: 'h-supervisor2',
        displayName: 'h 主管二',
        roles: ['supervisor'],
        organization: '松江区科学技术委员会',
      },
    ]);
    for (const name of ['filer', 'supervisor', 'supervisor2', 'finance', 'admin'])
      auth[name] = (await login(t.app, `h-${name}`)).authorization;
    const approvedId = tenant.forms[2].id;
    await approveThroughFinance(t.app, approvedId, {
      filer: auth.filer,
      supervisor: auth.supervisor,
      finance: auth.finance,
    });
    evaluation = (await call('POST', `/api/forms/${approvedId}/evaluation`, 'filer')).json<Evaluation>();
    draft = await getForm(tenant.forms[0].id);
  });
  afterAll(() => t.close());

  function call(method: Method, url: string, who: string | null, payload?: unknown): Promise<Response> {
    const headers: Record<string, string> = who ? { authorization: auth[who] } : {};
    if (typeof payload === 'string') headers['content-type'] = 'application/json';
    return t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as string | object }),
    });
  }
  async function getForm(id: string): Promise<GoalForm> {
    return (await call('GET', `/api/forms/${id}`, 'filer')).json<GoalForm>();
  }

  /** A 400 whose fields name `field` (a dotted path into the body, query or path). */
  function expectRefused(response: Response, field?: string, status = 400): ApiError {
    expect({ status: response.statusCode, body: response.body }).toMatchObject({ status });
    const body = response.json<ApiError>();
    if (field) expect(body.fields?.map((f) => f.field)).toContain(field);
    return body;
  }

  const saveBody = (change: (body: SaveFormRequest) => unknown): unknown => {
    const body = structuredClone(toSaveRequest(draft));
    return change(body) ?? body;
  };

  describe('NUL bytes in any text', () => {
    it('anonymous login: in the user name and in the password', async () => {
      expectRefused(
        await call('POST', '/api/auth/login', null, { username: 'h-filer\u0000', password: 'x' }),
        'username',
      );
      expectRefused(
        await call('POST', '/api/auth/login', null, { username: 'h-filer', password: 'a\u0000b' }),
        'password',
      );
    });

    it('in a body field, at the top and deep in the indicator tree', async () => {
      expectRefused(
        await call('POST', '/api/projects', 'filer', {
          organizationId: draft.project.organizationId,
          code: 'NUL-1',
          name: '名\u0000称',
          year: 2021,
        }),
        'name',
      );
      expectRefused(
        await call(
          'PUT',
          `/api/forms/${draft.id}`,
          'filer',
          saveBody((b) => {
            b.indicators.year[0].children[0].indicators[0].name = 'x\u0000';
          }),
        ),
        'indicators.year.0.children.0.indicators.0.name',
      );
    });

    it('in the JSON of the scoring policy, in a comment and in a user name', async () => {
      expectRefused(
        await call('PUT', '/api/scoring-policies/2021', 'admin', {
          policy: {
            ...DEFAULT_SCORING_POLICY,
            grades: DEFAULT_SCORING_POLICY.grades.map((g, i) => (i ? g : { ...g, grade: '优\u0000' })),
          },
        }),
        'policy.grades.0.grade',
      );
      expectRefused(
        await call('POST', `/api/forms/${draft.id}/transitions`, 'filer', {
          action: 'submit',
          comment: 'a\u0000',
          rowVersion: draft.rowVersion,
          ...FILER,
        }),
        'comment',
      );
    });

    it('in the query string and in a path parameter', async () => {
      expectRefused(await call('GET', '/api/projects?year=2021&search=a%00b', 'filer'), 'search');
      expectRefused(await call('GET', '/api/inbox?x=%00', 'filer'), 'x');
      expectRefused(
        await call('PUT', '/api/code-lists/a%00b', 'admin', { items: [{ code: 'a', label: 'b' }] }),
        'list',
      );
    });
  });

  describe('paths the router cannot read', () => {
    it('a malformed %-escape is a 400 and a path parameter over 100 characters a 414, both as ApiErrors', async () => {
      for (const url of ['/api/forms/%FF', '/api/forms/%ED%A0%80', '/api/forms/%E4%B8', '/api/forms/%'])
        expect(expectRefused(await call('DELETE', url, 'filer')).message).toBe('路径不是有效的 URL 编码');
      const long = await call('PUT', `/api/forms/${'x'.repeat(101)}`, 'filer', {});
      expect(expectRefused(long, undefined, 414).message).toBe('路径参数太长');
    });
  });

  describe('deeply nested JSON is refused at parsing', () => {
    it.each([
      ['POST', '/api/auth/login', null, 'object', undefined],
      ['POST', '/api/auth/login', null, 'array', 'username'],
      ['POST', '/api/auth/login', null, 'object', 'username'],
      ['PUT', '/api/forms/{draft}', 'filer', 'object', 'indicators'],
      ['PUT', '/api/deadlines/2021', 'admin', 'array', undefined],
    ] as const)('%s %s (%s, %s at %s)', async (method, url, who, kind, key) => {
      const body = expectRefused(await call(method, url.replace('{draft}', draft.id), who, deepJson(DEEP, kind, key)));
      expect(body.message).toMatch(/嵌套/);
    });
  });

  describe('numbers beyond their column', () => {
    it('sortOrder ≥ 2³¹ and a page of 1e18', async () => {
      expectRefused(
        await call('POST', '/api/organizations', 'admin', {
          parentId: draft.project.organizationId,
          kind: 'internal',
          name: '很大的序号',
          sortOrder: 2 ** 31,
        }),
        'sortOrder',
      );
      expectRefused(
        await call('PUT', '/api/taxonomy/2021', 'admin', {
          nodes: [{ code: 'output', label: '产出指标', level: 1, parentCode: null, sortOrder: 2 ** 31 }],
        }),
        'nodes.0.sortOrder',
      );
      expectRefused(await call('GET', '/api/projects?year=2021&page=1e18', 'filer'), 'page');
      expectRefused(await call('GET', '/api/evaluations?year=2021&page=1e18', 'filer'), 'page');
    });

    it('a rowVersion or a base version beyond an int', async () => {
      expectRefused(
        await call('POST', `/api/forms/${draft.id}/transitions`, 'filer', { action: 'withdraw', rowVersion: 1e18 }),
        'rowVersion',
      );
      expectRefused(
        await call('PUT', '/api/scoring-policies/2021', 'admin', {
          policy: DEFAULT_SCORING_POLICY,
          baseVersion: 2 ** 31,
        }),
        'baseVersion',
      );
    });
  });

  describe('arrays for objects, missing or null objects', () => {
    it('items:[[]], indicators.year:[[]], children:[[]]', async () => {
      expectRefused(await call('PUT', '/api/code-lists/project_category', 'admin', { items: [[]] }), 'items');
      expectRefused(
        await call(
          'PUT',
          `/api/forms/${draft.id}`,
          'filer',
          saveBody((b) => {
            (b.indicators as { year: unknown }).year = [[]];
          }),
        ),
        'indicators.year',
      );
      expectRefused(
        await call(
          'PUT',
          `/api/forms/${draft.id}`,
          'filer',
          saveBody((b) => {
            (b.indicators.year[0] as { children: unknown }).children = [[]];
          }),
        ),
        'indicators.year.0.children',
      );
      expectRefused(
        await call(
          'PUT',
          `/api/forms/${draft.id}`,
          'filer',
          saveBody((b) => {
            (b as { funds: unknown }).funds = [];
          }),
        ),
        'funds',
      );
    });

    it('bands or grades as [] or [[]]', async () => {
      for (const change of [
        { qualitativeBands: [] },
        { grades: [] },
        { qualitativeBands: [[]] },
        { grades: [[]] },
        { missingLevel1: [] },
      ]) {
        const field = `policy.${Object.keys(change)[0]}`;
        const body = expectRefused(
          await call('PUT', '/api/scoring-policies/2021', 'admin', {
            policy: { ...DEFAULT_SCORING_POLICY, ...change },
          }),
        );
        expect(body.fields?.some((f) => f.field.startsWith(field))).toBe(true);
      }
    });

    it('PUT /evaluations/:id without funds, PUT /scoring-policies/:year without policy', async () => {
      expectRefused(
        await call('PUT', `/api/evaluations/${evaluation.id}`, 'filer', {
          rowVersion: evaluation.rowVersion,
          actualGoal: null,
          indicators: [],
        }),
        'funds',
      );
      expectRefused(await call('PUT', '/api/scoring-policies/2021', 'admin', {}), 'policy');
      expectRefused(await call('PUT', '/api/scoring-policies/2021', 'admin', { policy: null }), 'policy');
    });

    it.each([
      ['PUT', '/api/forms/{draft}', 'filer'],
      ['PUT', '/api/evaluations/{evaluation}', 'filer'],
      ['PUT', '/api/scoring-policies/2021', 'admin'],
      ['POST', '/api/forms/batch-transitions', 'supervisor'],
      ['POST', '/api/projects', 'filer'],
      ['POST', '/api/auth/login', null],
    ] as const)('%s %s with a body of null, {}, [] or "x"', async (method, url, who) => {
      for (const payload of ['null', '{}', '[]', '"x"', '1']) {
        const response = await call(
          method,
          url.replace('{draft}', draft.id).replace('{evaluation}', evaluation.id),
          who,
          payload,
        );
        expectRefused(response);
      }
    });

    it('a policy without overshootRatio, or with missThreshold null', async () => {
      const { overshootRatio: _, ...withoutOvershoot } = DEFAULT_SCORING_POLICY;
      expectRefused(
        await call('PUT', '/api/scoring-policies/2021', 'admin', { policy: withoutOvershoot }),
        'policy.overshootRatio',
      );
      expectRefused(
        await call('PUT', '/api/scoring-policies/2021', 'admin', {
          policy: { ...DEFAULT_SCORING_POLICY, missThreshold: null },
        }),
        'policy.missThreshold',
      );
    });
  });

  describe('a form with thousands of indicators', () => {
    let big: GoalForm;

    beforeAll(async () => {
      const created = await call('POST', '/api/projects', 'filer', {
        organizationId: draft.project.organizationId,
        code: 'BIG-1',
        name: '指标很多的项目',
        year: 2021,
      });
      expect(created.statusCode).toBe(201);
      big = await getForm(created.json<ProjectListItem>().formId!);
    });

    /** The new form with `count` 三级指标 under the draft's first 一级/二级指标. */
    const withIndicators = (count: number): SaveFormRequest => {
      const [level1] = toSaveRequest(draft).indicators.year;
      const [level2] = level1.children;
      const indicators = Array.from({ length: count }, (_, i) => ({
        ...level2.indicators[0],
        id: undefined,
        name: `指标${i}`,
      }));
      return {
        ...toSaveRequest(big),
        indicators: { year: [{ code: level1.code, children: [{ code: level2.code, indicators }] }], longTerm: null },
      };
    };

    it('refuses more than 500 indicators with a 400 naming the indicators, and keeps the form as it was', async () => {
      for (const count of [501, 3_600]) {
        const body = expectRefused(await call('PUT', `/api/forms/${big.id}`, 'filer', withIndicators(count)));
        expect(body.fields).toEqual([
          { field: 'indicators', message: `每张表最多 500 个三级指标，现有 ${count} 个，请删减` },
        ]);
      }
      expect(await getForm(big.id)).toEqual(big);
    });

    it('saves exactly 500', async () => {
      const response = await call('PUT', `/api/forms/${big.id}`, 'filer', withIndicators(500));
      expect(response.statusCode).toBe(200);
      expect(response.json<GoalForm>().indicators.year[0].children[0].indicators).toHaveLength(500);
    });
  });

  describe('two supervisors batching the same forms in opposite orders', () => {
    it('both answer 200, each form moved once, by one of them', async () => {
      const ids = [tenant.forms[0].id, tenant.forms[1].id];
      const statuses: number[] = [];
      for (let round = 0; round < 6; round++) {
        // Both forms back to 提交 (a refused or stale item of the round before may have left one behind).
        for (const id of ids) {
          const form = await getForm(id);
          if (form.status === 'submitted') continue;
          const response = await call('POST', `/api/forms/${id}/transitions`, 'filer', {
            action: 'submit',
            rowVersion: form.rowVersion,
            ...FILER,
          });
          expect(response.statusCode).toBe(200);
        }
        const forms = await Promise.all(ids.map(async (id) => ({ id, rowVersion: (await getForm(id)).rowVersion })));
        const answers = await Promise.all([
          call('POST', '/api/forms/batch-transitions', 'supervisor', {
            action: 'return',
            comment: '请补充',
            forms,
          }),
          call('POST', '/api/forms/batch-transitions', 'supervisor2', {
            action: 'return',
            comment: '请补充',
            forms: [...forms].reverse(),
          }),
        ]);
        statuses.push(...answers.map((a) => a.statusCode));
        const moved = answers
          .filter((a) => a.statusCode === 200)
          .flatMap((a) =>
            a
              .json<BatchTransitionResponse>()
              .results.filter((r) => r.ok)
              .map((r) => r.formId),
          );
        // Each form was returned once, by one of them; the other was told it is stale.
        expect([...moved].sort()).toEqual([...ids].sort());
      }
      // Both batches lock their forms in one order: neither waits for the other in a cycle, so both answer 200.
      expect(statuses).toEqual(Array(12).fill(200));
    });
  });
});
