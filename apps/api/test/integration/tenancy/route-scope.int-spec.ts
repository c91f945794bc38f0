import type { OpenAPIObject } from '@nestjs/swagger';
import type { Evaluation, ExportJob, GoalForm, Organization, SessionSummary, User } from '@jxt/contracts';
import { ROLES } from '@jxt/contracts';
import { Client } from 'pg';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

/**
 * The subtree rule on every route (docs/domain.md §1.1): the route table comes from the OpenAPI document, so a new
 * route fails here until it has a rule. Four outsiders try every route on one unit's forms, project, 自评表, users
 * and organisation: a sibling unit, a sibling 主管部门, a 主管部门 of another 财政科室 (as that 财政科室), and another
 * tenant. Each holds every role, so only the scope can stop them. A route aimed at the unit's data must answer 404
 * (as if it did not exist); a list must not contain any of the unit's identifiers; and afterwards everything the
 * unit owns reads exactly as before.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the outsiders' requests aim at: the unit's rows and their identifiers. */
interface Target {
  draftFormId: string;
  approvedFormId: string;
  evaluatedFormId: string;
  evaluationId: string;
  projectId: string;
  unitId: string;
  divisionId: string;
  filerUserId: string;
  filerSessionId: string;
  importBatchId: string;
  draftForm: GoalForm;
  evaluation: Evaluation;
  /** A 批量导出 of the unit's 主管部门 (its supervisor's own). */
  exportJobId: string;
  /** One of the unit's own 个性 entries of the 指标库 (seeded from its forms). */
  libraryEntryId: string;
}

type Rule =
  /** Answers only about the caller or the tenant's shared settings, by design. */
  | { kind: 'not-scoped'; reason: string }
  /** Aimed at the unit's data: must be 404 for an outsider. */
  | { kind: 'aimed'; url: (t: Target) => string; body?: (t: Target) => object }
  /** Creates something under the unit's data named in the body: refused (400 naming the field, or 404). */
  | { kind: 'creates-under'; url: string; body: (t: Target) => object }
  /** A list: whatever it answers, none of the unit's identifiers. */
  | { kind: 'list'; url: string; body?: (t: Target) => object }
  /** A batch answers 200 with one refusal per item. */
  | { kind: 'batch'; url: string; body: (t: Target) => object };

const RULES: Record<string, Rule> = {
  // Public or about the caller only.
  'POST /api/auth/login': { kind: 'not-scoped', reason: 'public: logging in' },
  'GET /api/health': { kind: 'not-scoped', reason: 'public: liveness, no tenant data' },
  'GET /api/auth/me': { kind: 'not-scoped', reason: "the caller's own session" },
  'POST /api/auth/logout': { kind: 'not-scoped', reason: "ends the caller's own session" },
  'GET /api/auth/sessions': { kind: 'not-scoped', reason: "the caller's own sessions" },
  'POST /api/auth/login/totp': { kind: 'not-scoped', reason: 'public: the second step of logging in' },
  'POST /api/auth/password': { kind: 'not-scoped', reason: "changes the caller's own password" },
  'POST /api/auth/totp/setup': { kind: 'not-scoped', reason: "the caller's own second factor" },
  'POST /api/auth/totp/confirm': { kind: 'not-scoped', reason: "the caller's own second factor" },
  'POST /api/auth/totp/disable': { kind: 'not-scoped', reason: "the caller's own second factor" },
  'GET /api/auth/security-settings': { kind: 'not-scoped', reason: 'the tenant’s 安全设置, the same for everyone' },
  'PUT /api/auth/security-settings': { kind: 'not-scoped', reason: 'the tenant’s 安全设置, set by a 财政局 admin' },
  // Tenant-wide settings by design (docs/domain.md §2–§4): every unit reads the same lists, the admin sets them.
  'GET /api/code-lists': {
    kind: 'not-scoped',
    reason: 'tenant code lists (项目类别, 功能分类科目), the same for everyone',
  },
  'PUT /api/code-lists/{list}': { kind: 'not-scoped', reason: 'tenant code lists, set by the admin for the tenant' },
  'GET /api/taxonomy': { kind: 'not-scoped', reason: 'the year’s 一级/二级指标, the same for everyone' },
  'PUT /api/taxonomy/{year}': { kind: 'not-scoped', reason: 'the year’s taxonomy, set by the admin for the tenant' },
  'GET /api/deadlines': { kind: 'not-scoped', reason: 'the year’s 截止日期, the same for everyone' },
  'PUT /api/deadlines/{year}': { kind: 'not-scoped', reason: 'the year’s 截止日期, set by the admin for the tenant' },
  'GET /api/scoring-policies/{year}': { kind: 'not-scoped', reason: 'the year’s scoring policy, one per tenant' },
  'GET /api/scoring-policies/{year}/versions': { kind: 'not-scoped', reason: 'the policy’s versions, one per tenant' },
  'PUT /api/scoring-policies/{year}': { kind: 'not-scoped', reason: 'the scoring policy, set by the admin' },
  'GET /api/quality-policies/{year}': { kind: 'not-scoped', reason: 'the year’s quality-check policy, one per tenant' },
  'PUT /api/quality-policies/{year}': { kind: 'not-scoped', reason: 'the quality-check policy, set by the admin' },
  'POST /api/scoring-jobs': { kind: 'not-scoped', reason: 're-scoring under the tenant policy, by the admin' },
  'POST /api/years/{year}/open': { kind: 'not-scoped', reason: '开启新年度: the tenant’s year, opened by the admin' },
  'POST /api/years/{year}/close': { kind: 'not-scoped', reason: '关闭年度: the tenant’s year, closed by the admin' },
  'GET /api/scoring-jobs': { kind: 'not-scoped', reason: 'the tenant’s re-scoring jobs (counts only)' },
  'GET /api/scoring-jobs/{id}': { kind: 'not-scoped', reason: 'one re-scoring job (counts only)' },

  // Lists.
  'GET /api/projects': { kind: 'list', url: '/api/projects?year=2021' },
  'GET /api/inbox': { kind: 'list', url: '/api/inbox' },
  'GET /api/evaluations': { kind: 'list', url: '/api/evaluations?year=2021' },
  'GET /api/evaluation-inbox': { kind: 'list', url: '/api/evaluation-inbox' },
  'GET /api/organizations': { kind: 'list', url: '/api/organizations' },
  'GET /api/users': { kind: 'list', url: '/api/users' },
  'GET /api/finance-divisions': { kind: 'list', url: '/api/finance-divisions' },
  'GET /api/years': { kind: 'list', url: '/api/years' },
  // The audit log holds the unit's own logins (its filer's id): no outsider may see them. Tried before the aimed
  // routes below, whose refused attempts the log records as the outsider's own events, with the ids they sent.
  'GET /api/audit-events': { kind: 'list', url: '/api/audit-events?pageSize=200' },
  'GET /api/notifications': { kind: 'list', url: '/api/notifications?pageSize=100' },
  'POST /api/notifications/{id}/read': {
    kind: 'not-scoped',
    reason: "marks the caller's own message only: any other id is 404 (notifications/notifications.int-spec.ts)",
  },
  'POST /api/notifications/read-all': { kind: 'not-scoped', reason: "marks the caller's own messages" },
  'GET /api/notifications/email': { kind: 'not-scoped', reason: "the caller's own e-mail address" },
  'PUT /api/notifications/email': { kind: 'not-scoped', reason: "sets the caller's own e-mail address" },
  'GET /api/reminder-settings': { kind: 'not-scoped', reason: 'the tenant’s 截止提醒 days, the same for everyone' },
  'PUT /api/reminder-settings': { kind: 'not-scoped', reason: 'the tenant’s 截止提醒 days, set by the admin' },
  'GET /api/audit-events.csv': { kind: 'list', url: '/api/audit-events.csv' },
  // Reads the uploaded file and matches projects in the caller's scope only; without a file it is a 400. A sheet
  // naming another unit's project is tested in imports/import-preview.int-spec.ts (it needs a unit, nothing shown).
  'POST /api/imports': { kind: 'list', url: '/api/imports' },
  'GET /api/imports/limits': { kind: 'not-scoped', reason: 'the upload size limit, a setting of the deployment' },
  // The unit filer's stored preview: its creator's alone (imports/import-confirm.int-spec.ts: same unit too).
  'GET /api/imports/{id}': { kind: 'aimed', url: (t) => `/api/imports/${t.importBatchId}` },
  'POST /api/imports/{id}/confirm': {
    kind: 'aimed',
    url: (t) => `/api/imports/${t.importBatchId}/confirm`,
    body: (t) => ({ sheets: [{ sheet: '导入', include: true, organizationId: t.unitId }] }),
  },
  // 批量导入 of organisations and users: without a file a 400; a file's names are looked up in the caller's subtree only
  // (organizations/onboarding.int-spec.ts: a 主管部门 admin naming the 财政局 or a 财政科室 gets 找不到组织).
  'GET /api/onboarding/template.xlsx': {
    kind: 'not-scoped',
    reason: "the empty template and the tenant's 单位类型 list",
  },
  'POST /api/onboarding/preview': { kind: 'list', url: '/api/onboarding/preview' },
  'POST /api/onboarding/confirm': { kind: 'list', url: '/api/onboarding/confirm' },
  // 批量导出 writes the forms of the caller's own scope (exports/bulk-export.int-spec.ts reads the file back); the
  // job's answer holds counts only. A job and its file are its creator's alone: anyone else gets 404.
  'POST /api/exports': {
    kind: 'list',
    url: '/api/exports',
    body: () => ({ kind: 'goal', year: 2021, format: 'xlsx' }),
  },
  'GET /api/exports': { kind: 'list', url: '/api/exports' },
  'GET /api/exports/{id}': { kind: 'aimed', url: (t) => `/api/exports/${t.exportJobId}` },
  'GET /api/exports/{id}/file': { kind: 'aimed', url: (t) => `/api/exports/${t.exportJobId}/file` },
  // 指标库: the list holds the caller's own tiers and the 共性 ones, never a sibling's 个性 entries
  // (indicator-library/library-scoping.int-spec.ts); a new entry belongs to the caller's own organisation.
  'GET /api/indicator-library': { kind: 'list', url: '/api/indicator-library?pageSize=200&includeRetired=true' },
  'POST /api/indicator-library': {
    kind: 'list',
    url: '/api/indicator-library',
    body: () => ({ tier: 'unit', name: '外人的指标', level1Code: 'output', level2Code: 'quantity' }),
  },
  'PUT /api/indicator-library/{id}': {
    kind: 'aimed',
    url: (t) => `/api/indicator-library/${t.libraryEntryId}`,
    body: () => ({ name: '外人改的指标', level1Code: 'output', level2Code: 'quantity' }),
  },
  'POST /api/indicator-library/{id}/retire': {
    kind: 'aimed',
    url: (t) => `/api/indicator-library/${t.libraryEntryId}/retire`,
  },
  'POST /api/indicator-library/{id}/restore': {
    kind: 'aimed',
    url: (t) => `/api/indicator-library/${t.libraryEntryId}/restore`,
  },
  'POST /api/indicator-library/from-form': {
    kind: 'aimed',
    url: () => '/api/indicator-library/from-form',
    body: (t) => ({ formId: t.draftFormId, indicatorId: t.draftForm.indicators.year[0].children[0].indicators[0].id }),
  },

  // Aimed at the unit's forms and project.
  'GET /api/forms/{id}': { kind: 'aimed', url: (t) => `/api/forms/${t.draftFormId}` },
  'PUT /api/forms/{id}': {
    kind: 'aimed',
    url: (t) => `/api/forms/${t.draftFormId}`,
    body: (t) => ({ ...toSaveRequest(t.draftForm), annualGoal: '外人改的目标' }),
  },
  'DELETE /api/forms/{id}': { kind: 'aimed', url: (t) => `/api/forms/${t.draftFormId}` },
  'GET /api/forms/{id}/history': { kind: 'aimed', url: (t) => `/api/forms/${t.draftFormId}/history` },
  'POST /api/forms/{id}/transitions': {
    kind: 'aimed',
    url: (t) => `/api/forms/${t.draftFormId}/transitions`,
    body: (t) => ({
      action: 'submit',
      rowVersion: t.draftForm.rowVersion,
      filerName: '外人',
      filerPhone: '021-57820199',
    }),
  },
  'POST /api/forms/batch-transitions': {
    kind: 'batch',
    url: '/api/forms/batch-transitions',
    body: (t) => ({
      action: 'submit',
      filerName: '外人',
      filerPhone: '021-57820199',
      forms: [{ id: t.draftFormId, rowVersion: t.draftForm.rowVersion }],
    }),
  },
  'POST /api/forms/{id}/evaluation': { kind: 'aimed', url: (t) => `/api/forms/${t.approvedFormId}/evaluation` },
  'POST /api/projects/{id}/forms': {
    kind: 'aimed',
    url: (t) => `/api/projects/${t.projectId}/forms`,
    body: () => ({ year: 2022 }),
  },
  'GET /api/forms/{id}/suggestions': { kind: 'aimed', url: (t) => `/api/forms/${t.draftFormId}/suggestions` },
  'GET /api/forms/{id}/previous-year': { kind: 'aimed', url: (t) => `/api/forms/${t.draftFormId}/previous-year` },
  'GET /api/forms/{id}/export.xlsx': { kind: 'aimed', url: (t) => `/api/forms/${t.draftFormId}/export.xlsx` },
  'POST /api/projects/carry-forward': {
    kind: 'creates-under',
    url: '/api/projects/carry-forward',
    body: (t) => ({ organizationId: t.unitId, fromYear: 2021 }),
  },
  'GET /api/projects/{id}': { kind: 'aimed', url: (t) => `/api/projects/${t.projectId}` },
  'PATCH /api/projects/{id}': {
    kind: 'aimed',
    url: (t) => `/api/projects/${t.projectId}`,
    body: () => ({ code: 'OUTSIDER-1' }),
  },
  'DELETE /api/projects/{id}': { kind: 'aimed', url: (t) => `/api/projects/${t.projectId}` },
  'GET /api/organizations/{id}/project-header': {
    kind: 'aimed',
    url: (t) => `/api/organizations/${t.unitId}/project-header`,
  },
  'POST /api/projects': {
    kind: 'creates-under',
    url: '/api/projects',
    body: (t) => ({ organizationId: t.unitId, code: 'OUTSIDER-2', name: '外人的项目', year: 2021 }),
  },

  // Aimed at the unit's 自评表.
  'GET /api/evaluations/{id}': { kind: 'aimed', url: (t) => `/api/evaluations/${t.evaluationId}` },
  'GET /api/evaluations/{id}/export.xlsx': {
    kind: 'aimed',
    url: (t) => `/api/evaluations/${t.evaluationId}/export.xlsx`,
  },
  'PUT /api/evaluations/{id}': {
    kind: 'aimed',
    url: (t) => `/api/evaluations/${t.evaluationId}`,
    body: (t) => ({
      rowVersion: t.evaluation.rowVersion,
      funds: { annualBudget: '1.00', executedAmount: '1.00' },
      actualGoal: '外人写的',
      indicators: t.evaluation.indicators.map((i) => ({
        id: i.id,
        actualValue: null,
        selfShare: null,
        deviationReason: null,
      })),
    }),
  },
  'POST /api/evaluations/{id}/transitions': {
    kind: 'aimed',
    url: (t) => `/api/evaluations/${t.evaluationId}/transitions`,
    body: (t) => ({ action: 'submit', rowVersion: t.evaluation.rowVersion }),
  },
  'GET /api/evaluations/{id}/history': { kind: 'aimed', url: (t) => `/api/evaluations/${t.evaluationId}/history` },

  // Aimed at the unit's organisation, users and sessions, and its 财政科室.
  'PATCH /api/organizations/{id}': {
    kind: 'aimed',
    url: (t) => `/api/organizations/${t.unitId}`,
    body: () => ({ name: '外人改的名字' }),
  },
  'DELETE /api/organizations/{id}': { kind: 'aimed', url: (t) => `/api/organizations/${t.unitId}` },
  'POST /api/organizations': {
    kind: 'creates-under',
    url: '/api/organizations',
    body: (t) => ({ parentId: t.unitId, kind: 'internal', name: '外人的内设机构' }),
  },
  'PATCH /api/users/{id}': {
    kind: 'aimed',
    url: (t) => `/api/users/${t.filerUserId}`,
    body: () => ({ displayName: '外人改的姓名' }),
  },
  'POST /api/users/{id}/revoke-sessions': { kind: 'aimed', url: (t) => `/api/users/${t.filerUserId}/revoke-sessions` },
  'POST /api/users/{id}/reset-password': { kind: 'aimed', url: (t) => `/api/users/${t.filerUserId}/reset-password` },
  'POST /api/users': {
    kind: 'creates-under',
    url: '/api/users',
    body: (t) => ({
      username: 'outsider-made',
      displayName: '外人建的用户',
      password: TEST_PASSWORD,
      organizationId: t.unitId,
      roles: ['filer'],
    }),
  },
  'DELETE /api/auth/sessions/{id}': { kind: 'aimed', url: (t) => `/api/auth/sessions/${t.filerSessionId}` },
  'PUT /api/finance-divisions/{id}': {
    kind: 'aimed',
    url: (t) => `/api/finance-divisions/${t.divisionId}`,
    body: () => ({ departmentIds: [] }),
  },
};

describe('the subtree rule on every route of the OpenAPI document', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  let document: OpenAPIObject;
  let target: Target;
  const auth: Record<string, string> = {};
  const outsiders = ['siblingUnit', 'siblingDepartment', 'otherDivision', 'otherTenant'] as const;

  const call = (method: Method, url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });

  async function created<T>(method: Method, url: string, who: string, payload: object): Promise<T> {
    const response = await call(method, url, who, method === 'GET' ? undefined : payload);
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  }

  /** Everything the unit owns, as its own people read it. */
  async function unitState() {
    const read = async (url: string, who = 'filer') => (await call('GET', url, who)).body;
    return {
      forms: await Promise.all(
        [target.draftFormId, target.approvedFormId, target.evaluatedFormId].map((id) => read(`/api/forms/${id}`)),
      ),
      history: await read(`/api/forms/${target.draftFormId}/history`),
      project: await read(`/api/projects/${target.projectId}`),
      projects: await read('/api/projects?year=2021'),
      evaluation: await read(`/api/evaluations/${target.evaluationId}`),
      organizations: await read('/api/organizations', 'admin'),
      users: await read('/api/users', 'admin'),
      divisions: await read('/api/finance-divisions', 'admin'),
      filerSession: (await call('GET', '/api/auth/me', 'filer')).statusCode,
      importBatch: await read(`/api/imports/${target.importBatchId}`),
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 's');
    await seedSongjiang(t.ownerUrl, 'o');
    for (const name of ['filer', 'supervisor', 'finance', 'admin'])
      auth[name] = (await login(t.app, `s-${name}`)).authorization;
    const chain = { filer: auth.filer, supervisor: auth.supervisor, finance: auth.finance };

    // The outsiders' organisations, made by the tenant's admin as a district would.
    const organizations = await created<Organization[]>('GET', '/api/organizations', 'admin', {});
    const byName = (name: string) => organizations.find((o) => o.name === name)!;
    const bureau = byName('松江区财政局');
    const department = byName('松江区科学技术委员会');
    const unit = byName('上海市松江区科技创新服务中心（上海市松江区大数据中心）');
    const siblingUnit = await created<Organization>('POST', '/api/organizations', 'admin', {
      parentId: department.id,
      kind: 'unit',
      name: '松江区科技情报所',
    });
    const siblingDepartment = await created<Organization>('POST', '/api/organizations', 'admin', {
      parentId: bureau.id,
      kind: 'department',
      name: '松江区教育局',
    });
    const otherDivision = await created<Organization>('POST', '/api/organizations', 'admin', {
      parentId: bureau.id,
      kind: 'finance_division',
      name: '经济建设科',
    });
    await created('PUT', `/api/finance-divisions/${otherDivision.id}`, 'admin', {
      departmentIds: [siblingDepartment.id],
    });
    const places = { siblingUnit, siblingDepartment, otherDivision };
    for (const [name, organization] of Object.entries(places)) {
      await created('POST', '/api/users', 'admin', {
        username: `outsider-${name.toLowerCase()}`,
        displayName: name,
        password: TEST_PASSWORD,
        organizationId: organization.id,
        roles: ['admin'],
      });
    }
    // Every role for each outsider and for another tenant's admin (at the root of its own tree): more than the grant
    // rule lets an admin give (docs/domain.md §1), so that the scope alone must stop them.
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    await owner
      // They try routes for the scope, not the first-login rules: no forced password change, no TOTP enrolment.
      .query(
        `UPDATE app_user SET roles = $1, password_change_required = false, demo_account = true
         WHERE username LIKE 'outsider-%' OR username = 'o-admin'`,
        [[...ROLES]],
      )
      .finally(() => owner.end());
    for (const name of Object.keys(places))
      auth[name] = (await login(t.app, `outsider-${name.toLowerCase()}`)).authorization;
    auth.otherTenant = (await login(t.app, 'o-admin')).authorization;

    // The unit's data: a draft, an approved form, and an approved one with its 自评表.
    const [draft, approved, evaluated] = tenant.forms;
    await approveThroughFinance(t.app, approved.id, chain);
    await approveThroughFinance(t.app, evaluated.id, chain);
    const evaluation = await created<Evaluation>('POST', `/api/forms/${evaluated.id}/evaluation`, 'filer', {});
    const users = await created<User[]>('GET', '/api/users', 'admin', {});
    const sessions = await created<SessionSummary[]>('GET', '/api/auth/sessions', 'filer', {});
    // A preview the unit's filer uploaded: one sheet of the draft's own export.
    const exported = await call('GET', `/api/forms/${draft.id}/export.xlsx`, 'filer');
    const upload = await multipartUpload(exported.rawPayload);
    const importBatch = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...upload.headers, authorization: auth.filer },
      payload: upload.payload,
    });
    if (importBatch.statusCode !== 200) throw new Error(`POST /api/imports: ${importBatch.body}`);
    target = {
      draftFormId: draft.id,
      approvedFormId: approved.id,
      evaluatedFormId: evaluated.id,
      evaluationId: evaluation.id,
      projectId: draft.projectId,
      unitId: unit.id,
      divisionId: byName('科教文卫科').id,
      filerUserId: users.find((u) => u.username === 's-filer')!.id,
      filerSessionId: sessions[0].id,
      importBatchId: importBatch.json<{ id: string }>().id,
      draftForm: await created<GoalForm>('GET', `/api/forms/${draft.id}`, 'filer', {}),
      evaluation,
      exportJobId: (
        await created<ExportJob>('POST', '/api/exports', 'supervisor', { kind: 'goal', year: 2021, format: 'xlsx' })
      ).id,
      libraryEntryId: (
        await created<{ items: { id: string; tier: string }[] }>('GET', '/api/indicator-library?tier=unit', 'filer', {})
      ).items[0].id,
    };
    document = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<OpenAPIObject>();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((method) => item[method])
        .map((method) => `${method.toUpperCase()} ${path}`),
    );

  it('has a rule for every route of the document, and no rule for a route that is gone', () => {
    const documented = operations();
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((op) => !RULES[op])).toEqual([]);
    expect(Object.keys(RULES).filter((op) => !documented.includes(op))).toEqual([]);
  });

  it('refuses every outsider on every route aimed at the unit, and leaves the unit as it was', async () => {
    const before = await unitState();
    const identifiers = [
      target.draftFormId,
      target.approvedFormId,
      target.evaluatedFormId,
      target.evaluationId,
      target.projectId,
      target.unitId,
      target.divisionId,
      target.filerUserId,
      target.filerSessionId,
      target.importBatchId,
      target.exportJobId,
      target.libraryEntryId,
      ...tenant.forms.map((f) => f.projectId),
    ];
    // The other tenant was loaded from the same seed: its own projects carry the same codes and names.
    const sameTenantIdentifiers = [...identifiers, ...tenant.forms.flatMap((f) => [f.code, f.name])];
    const findings: string[] = [];
    let cases = 0;
    const scoped = Object.values(RULES).filter((rule) => rule.kind !== 'not-scoped').length;
    for (const [operation, rule] of Object.entries(RULES)) {
      const method = operation.split(' ')[0] as Method;
      for (const who of outsiders) {
        if (rule.kind === 'not-scoped') continue;
        const url = rule.kind === 'aimed' ? rule.url(target) : rule.url;
        const body = 'body' in rule && rule.body ? rule.body(target) : undefined;
        const response = await call(method, url, who, body);
        cases += 1;
        const seen = (who === 'otherTenant' ? identifiers : sameTenantIdentifiers).filter((id) =>
          response.body.includes(id),
        );
        const label = `${who} ${operation} → ${response.statusCode}`;
        if (rule.kind === 'aimed' && response.statusCode !== 404) findings.push(`${label}, expected 404`);
        if (rule.kind === 'creates-under' && ![400, 404].includes(response.statusCode))
          findings.push(`${label}, expected 400 or 404`);
        if (rule.kind === 'batch') {
          const results = (response.json<{ results: { ok: boolean; statusCode?: number }[] }>().results ?? []).map(
            (r) => (r.ok ? 'ok' : r.statusCode),
          );
          if (response.statusCode !== 200 || results.join() !== '404')
            findings.push(`${label} [${results}], expected 404s`);
        }
        if (rule.kind === 'list' && response.statusCode >= 500) findings.push(`${label}`);
        if (seen.length && rule.kind !== 'batch') findings.push(`${label} shows ${seen.join(', ')}`);
      }
    }
    console.log(
      `[route-scope] ${cases} authorisation cases (${scoped} scoped routes of ${Object.keys(RULES).length} × ${outsiders.length} ` +
        `outsiders; the tenant-wide ones are listed with their reason), ${findings.length} leaks or wrong answers`,
    );
    expect(findings).toEqual([]);
    expect(await unitState()).toEqual(before);
  });
});
