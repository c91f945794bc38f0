import { Client } from 'pg';
import type { ApiError, BatchTransitionResponse, FormHistoryEntry, GoalForm } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

// 提交 carries 填报人 and 联系电话: validated at the edge, kept in the append-only form_event with the 提交, and
// returned on the form (submission) for the printed footer 填报人：… 联系电话：… 填报日期：….
describe('提交 records 填报人 and 联系电话', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 's');
    for (const name of ['filer', 'supervisor', 'division'])
      auth[name] = (await login(t.app, `s-${name}`)).authorization;
  });
  afterAll(() => t.close());

  const get = async (formId: string, who = 'filer') =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth[who] } })
    ).json<GoalForm>();
  const act = async (formId: string, who: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: auth[who] },
      payload: { rowVersion: (await get(formId, who)).rowVersion, ...body },
    });
  const history = async (formId: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}/history`, headers: { authorization: auth.filer } })
    ).json<FormHistoryEntry[]>();
  const fieldsOf = (response: { json<T>(): T }) =>
    (response.json<ApiError>().fields ?? []).map((f) => `${f.field}: ${f.message}`);

  it('refuses a 提交 without 填报人 or with a phone that is no phone, naming the field; the form stays a draft', async () => {
    const formId = tenant.forms[0].id;
    const missing = await act(formId, 'filer', { action: 'submit' });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['filerName: 请填写填报人', 'filerPhone: 请填写联系电话']);

    for (const [body, field] of [
      [{ filerName: '  ', filerPhone: '021-57820101' }, 'filerName'],
      [{ filerName: '张文', filerPhone: '5782' }, 'filerPhone'],
      [{ filerName: '张文', filerPhone: '电话 13812345678' }, 'filerPhone'],
      [{ filerName: '张文', filerPhone: 13812345678 }, 'filerPhone'],
      [{ filerName: '张'.repeat(101), filerPhone: '13812345678' }, 'filerName'],
    ] as const) {
      const refused = await act(formId, 'filer', { action: 'submit', ...body });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ApiError>().fields?.map((f) => f.field)).toEqual([field]);
    }
    expect(fieldsOf(await act(formId, 'filer', { action: 'submit', filerName: '张文', filerPhone: '5782' }))).toEqual([
      'filerPhone: 联系电话格式不正确：请填写手机号（如 138 1234 5678）或带区号的固定电话（如 021-57821234，分机可写 转 123）',
    ]);
    expect((await get(formId)).status).toBe('draft');
    expect((await get(formId)).submission).toBeNull();
    expect(await history(formId)).toEqual([]);
  });

  it('keeps them with the 提交 and returns them on the form through approval; a 调整 revision starts without one', async () => {
    const formId = tenant.forms[0].id;
    const submitted = await act(formId, 'filer', {
      action: 'submit',
      filerName: ' 张文 ',
      filerPhone: ' 021-57820101 ',
    });
    expect(submitted.statusCode).toBe(200);
    const form = submitted.json<GoalForm>();
    expect(form.submission).toEqual({
      name: '张文',
      phone: '021-57820101',
      submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Math.abs(Date.parse(form.submission!.submittedAt) - Date.now())).toBeLessThan(60_000);
    const [entry] = await history(formId);
    expect(entry).toMatchObject({
      action: 'submit',
      actorName: 's 填报人',
      filer: { name: '张文', phone: '021-57820101' },
    });

    // Every reader sees it; the other steps neither record a filer nor change the submission.
    expect(
      (await act(formId, 'supervisor', { action: 'approve', filerName: '李敏', filerPhone: '13812345678' })).statusCode,
    ).toBe(200);
    expect((await act(formId, 'supervisor', { action: 'report' })).statusCode).toBe(200);
    expect(
      (await act(formId, 'division', { action: 'approve', reviewResult: 'excellent', comment: '同意' })).statusCode,
    ).toBe(200);
    const approved = await get(formId, 'division');
    expect(approved).toMatchObject({
      status: 'finance_approved',
      reviewResult: 'excellent',
      reviewComment: '同意',
      submission: form.submission,
    });
    expect((await history(formId)).map((e) => e.filer)).toEqual([
      { name: '张文', phone: '021-57820101' },
      null,
      null,
      null,
    ]);

    const reopened = await act(formId, 'filer', { action: 'reopen', comment: '调整年度资金' });
    expect(reopened.json<GoalForm>()).toMatchObject({ revision: 2, status: 'draft', submission: null });
    expect((await get(formId)).submission).toEqual(form.submission);
  });

  it('forgets a withdrawn 提交: the form shows the newest submission that stands', async () => {
    const formId = tenant.forms[1].id;
    await act(formId, 'filer', { action: 'submit', filerName: '张文', filerPhone: '021-57820101' });
    expect((await act(formId, 'filer', { action: 'withdraw' })).json<GoalForm>().submission).toBeNull();
    const again = await act(formId, 'filer', { action: 'submit', filerName: '王芳', filerPhone: '13912345678' });
    expect(again.json<GoalForm>().submission).toMatchObject({ name: '王芳', phone: '13912345678' });
    // A 退回 sends the form back but it was submitted: the footer still names who filed it.
    expect(
      (await act(formId, 'supervisor', { action: 'return', comment: '请补充' })).json<GoalForm>().submission,
    ).toMatchObject({ name: '王芳' });
  });

  it('asks a batch 提交 for them too, and records them on every form of the batch', async () => {
    const formId = tenant.forms[2].id;
    const forms = [{ id: formId, rowVersion: (await get(formId)).rowVersion }];
    const batch = (extra: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/forms/batch-transitions',
        headers: { authorization: auth.filer },
        payload: { action: 'submit', forms, ...extra },
      });
    const refused = await batch({ filerName: '张文' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fields?.map((f) => f.field)).toEqual(['filerPhone']);
    expect(
      (await batch({ filerName: '张文', filerPhone: '021-5782 0101' })).json<BatchTransitionResponse>(),
    ).toMatchObject({ succeeded: 1 });
    expect((await get(formId)).submission).toMatchObject({ name: '张文', phone: '021-5782 0101' });
  });

  it('lets the database refuse a 填报人 on any step but a 提交, and one without its phone', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      const copy = (action: string, name: string | null, phone: string | null) =>
        owner.query(
          `INSERT INTO form_event (tenant_id, form_id, kind, action, from_status, to_status, actor_id, actor_name, actor_roles,
             actor_organization_id, actor_organization_name, row_version, filer_name, filer_phone)
           SELECT tenant_id, form_id, kind, $1, from_status, to_status, actor_id, actor_name, actor_roles, actor_organization_id,
             actor_organization_name, row_version, $2, $3 FROM form_event WHERE action = 'submit' LIMIT 1`,
          [action, name, phone],
        );
      await expect(copy('approve', '张文', '021-57820101')).rejects.toThrow(/form_event_filer_check/);
      await expect(copy('submit', '张文', null)).rejects.toThrow(/form_event_filer_check/);
    } finally {
      await owner.end();
    }
  });
});
