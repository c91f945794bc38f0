import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { ApiError, FormHistoryEntry, GoalForm, ProjectListItem } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import {
  login,
  seedSongjiang,
  startSecondApp,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../../support/test-app';

/** A 提交 names its 填报人 and 联系电话. */
const SUBMIT = { action: 'submit', filerName: 'w 填报人', filerPhone: '021-57820101' };

describe('approval workflow through POST /api/forms/:id/transitions', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'w', [
      { username: 'w-both', displayName: '身兼两职', roles: ['supervisor'], organization: '松江区科学技术委员会' },
    ]);
    // The grant rule keeps a 填报人 out of a 主管部门 (docs/domain.md §1), but a user from before it may hold both
    // roles: the workflow must still refuse approving one's own submission.
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    await owner
      .query(`UPDATE app_user SET roles = '{filer,supervisor}' WHERE username = 'w-both'`)
      .finally(() => owner.end());
    for (const name of ['filer', 'supervisor', 'finance', 'admin', 'both'])
      auth[name] = (await login(t.app, `w-${name}`)).authorization;
  });
  afterAll(() => t.close());

  const get = async (formId: string, who = 'filer') =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth[who] } })
    ).json<GoalForm>();
  const act = async (formId: string, who: string, body: Record<string, unknown>) => {
    const rowVersion = body.rowVersion ?? (await get(formId, who)).rowVersion;
    return t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: auth[who] },
      payload: { ...body, rowVersion },
    });
  };
  const history = async (formId: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}/history`, headers: { authorization: auth.filer } })
    ).json<FormHistoryEntry[]>();

  it('walks the whole path: submit, return with a comment, fix, resubmit, approve twice, locked, adjustment as a new revision', async () => {
    const formId = tenant.forms[2].id;
    expect((await act(formId, 'filer', SUBMIT)).json<GoalForm>().status).toBe('submitted');

    const noComment = await act(formId, 'supervisor', { action: 'return' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json<ApiError>().fields?.[0].field).toBe('comment');
    const commentField = 'indicators.year.1.children.1.indicators.0.rawValue';
    expect(
      (
        await act(formId, 'supervisor', { action: 'return', comment: '请把投诉率改为不高于1%', field: commentField })
      ).json<GoalForm>().status,
    ).toBe('returned');

    const returned = await get(formId);
    expect(returned.latestReview).toMatchObject({
      action: 'return',
      comment: '请把投诉率改为不高于1%',
      field: commentField,
      actorName: 'w 主管',
    });
    const request = toSaveRequest(returned);
    request.indicators.year[1].children[1].indicators[0].rawValue = '≤1%';
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/forms/${formId}`,
          headers: { authorization: auth.filer },
          payload: request,
        })
      ).statusCode,
    ).toBe(200);
    expect((await act(formId, 'filer', SUBMIT)).json<GoalForm>().status).toBe('submitted');
    expect((await act(formId, 'supervisor', { action: 'approve' })).json<GoalForm>().status).toBe(
      'supervisor_approved',
    );
    expect((await act(formId, 'supervisor', { action: 'report' })).json<GoalForm>().status).toBe('reported');
    const approved = await act(formId, 'finance', { action: 'approve', reviewResult: 'good', comment: '同意' });
    expect(approved.json<GoalForm>().status).toBe('finance_approved');

    const locked = await t.app.inject({
      method: 'PUT',
      url: `/api/forms/${formId}`,
      headers: { authorization: auth.filer },
      payload: toSaveRequest(await get(formId)),
    });
    expect(locked.statusCode).toBe(409);

    const reopened = await act(formId, 'filer', { action: 'reopen', comment: '年度资金调整' });
    const revision = reopened.json<GoalForm>();
    expect(revision).toMatchObject({ revision: 2, status: 'draft', year: 2021 });
    expect(revision.id).not.toBe(formId);
    const baseline = await get(formId);
    expect(baseline).toMatchObject({ status: 'finance_approved', reviewResult: 'good', reviewComment: '同意' });
    expect(revision.revisions.map((r) => `${r.revision}:${r.status}`)).toEqual(['2:draft', '1:finance_approved']);

    const entries = await history(formId);
    expect(
      entries.filter((e) => e.kind === 'transition').map((e) => `${e.action}:${e.fromStatus}→${e.toStatus}`),
    ).toEqual([
      'submit:draft→submitted',
      'return:submitted→returned',
      'submit:returned→submitted',
      'approve:submitted→supervisor_approved',
      'report:supervisor_approved→reported',
      'approve:reported→finance_approved',
      'reopen:finance_approved→finance_approved',
    ]);
    const returnEntry = entries.find((e) => e.action === 'return')!;
    expect(returnEntry).toMatchObject({
      comment: '请把投诉率改为不高于1%',
      actorName: 'w 主管',
      actorOrganizationName: '松江区科学技术委员会',
      actorRoles: ['supervisor'],
    });
    const save = entries.find((e) => e.kind === 'save')!;
    expect(save.changes).toEqual([
      expect.objectContaining({ label: expect.stringContaining('投诉率 / 年度指标值'), before: '=0%', after: '≤1%' }),
    ]);
    expect(entries.find((e) => e.toStatus === 'finance_approved')).toMatchObject({
      reviewResult: 'good',
      comment: '同意',
    });
    // The project list now shows the newest revision.
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/projects?year=2021', headers: { authorization: auth.filer } })
    ).json<{ items: ProjectListItem[] }>();
    expect(list.items.find((p) => p.code === '2021-KCZX-003')).toMatchObject({
      formId: revision.id,
      formStatus: 'draft',
    });
  });

  it('lets a filer withdraw a submission nobody has acted on', async () => {
    const formId = tenant.forms[0].id;
    await act(formId, 'filer', SUBMIT);
    expect((await act(formId, 'filer', { action: 'withdraw' })).json<GoalForm>().status).toBe('draft');
  });

  it("refuses steps the role or the state does not allow, and approving one's own submission", async () => {
    const formId = tenant.forms[1].id;
    expect((await act(formId, 'filer', { action: 'approve' })).statusCode).toBe(409); // a draft cannot be approved
    await act(formId, 'both', SUBMIT);
    expect((await act(formId, 'filer', { action: 'approve' })).statusCode).toBe(403);
    const own = await act(formId, 'both', { action: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json<ApiError>().message).toBe('不能审核自己提交的表');
    expect((await act(formId, 'supervisor', { action: 'approve' })).statusCode).toBe(200);
    expect((await act(formId, 'finance', { action: 'approve', reviewResult: 'good' })).statusCode).toBe(409); // not reported yet
    expect((await act(formId, 'supervisor', { action: 'report' })).statusCode).toBe(200);
    const missingResult = await act(formId, 'finance', { action: 'approve' });
    expect(missingResult.json<ApiError>().fields?.[0].field).toBe('reviewResult');
    const rejected = await act(formId, 'finance', {
      action: 'reject',
      reviewResult: 'poor',
      comment: '绩效目标与项目内容不符',
    });
    expect(rejected.json<GoalForm>().status).toBe('rejected');
  });

  it('refuses to submit an incomplete form, listing each failure by field', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: auth.filer },
      payload: {
        organizationId: tenant.organizations.get('上海市松江区科技创新服务中心（上海市松江区大数据中心）'),
        year: 2021,
        code: 'W-EMPTY',
        name: '空表项目',
      },
    });
    const formId = created.json<ProjectListItem>().formId;
    const response = await act(formId, 'filer', SUBMIT);
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().fields?.length).toBeGreaterThan(0);
    expect((await get(formId)).status).toBe('draft');
  });

  it('answers 409 to a transition with a stale rowVersion', async () => {
    const formId = tenant.forms[0].id;
    const stale = (await get(formId)).rowVersion - 1;
    const response = await act(formId, 'filer', { ...SUBMIT, rowVersion: stale });
    expect(response.statusCode).toBe(409);
    expect(response.json<ApiError>().message).toContain('请重新加载');
  });
});

describe('workflow: two API processes racing on the same transition', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let formId: string;

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondApp(t);
    const tenant = await seedSongjiang(t.ownerUrl, 'x', [
      {
        username: 'x-supervisor2',
        displayName: '第二审核人',
        roles: ['supervisor'],
        organization: '松江区科学技术委员会',
      },
    ]);
    formId = tenant.forms[0].id;
    const filer = await login(t.app, 'x-filer');
    const form = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${formId}`,
        headers: { authorization: filer.authorization },
      })
    ).json<GoalForm>();
    await t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: filer.authorization },
      payload: { ...SUBMIT, rowVersion: form.rowVersion },
    });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('lets exactly one of two reviewers acting at once succeed', async () => {
    const a = await login(t.app, 'x-supervisor');
    const b = await login(second, 'x-supervisor2', TEST_PASSWORD);
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: a.authorization } })
    ).json<GoalForm>();
    const [first, other] = await Promise.all([
      t.app.inject({
        method: 'POST',
        url: `/api/forms/${formId}/transitions`,
        headers: { authorization: a.authorization },
        payload: { action: 'approve', rowVersion: form.rowVersion },
      }),
      second.inject({
        method: 'POST',
        url: `/api/forms/${formId}/transitions`,
        headers: { authorization: b.authorization },
        payload: { action: 'return', comment: '退回', rowVersion: form.rowVersion },
      }),
    ]);
    expect([first.statusCode, other.statusCode].sort()).toEqual([200, 409]);
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${formId}/history`,
        headers: { authorization: a.authorization },
      })
    ).json<FormHistoryEntry[]>();
    expect(history.filter((e) => e.kind === 'transition')).toHaveLength(2); // the submit and the one that won
  });

  it('keeps the history append-only in the database itself, even for the owner', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE form_event SET comment = 'rewritten'`)).rejects.toThrow(/append-only/);
      // Its own SQLSTATE, which the API answers with 409 (not 42501, which reads as "not found").
      await expect(owner.query(`DELETE FROM form_event`)).rejects.toMatchObject({
        code: 'JX002',
        message: expect.stringMatching(/append-only/),
      });
      await expect(owner.query(`TRUNCATE form_event`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    const app = new Client({ connectionString: t.appUrl });
    await app.connect();
    try {
      await expect(app.query(`DELETE FROM form_event`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
