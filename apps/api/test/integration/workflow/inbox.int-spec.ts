import type { ApiError, BatchTransitionResponse, Deadline, GoalForm, InboxResponse } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/** 填报人 and 联系电话 that a 提交 carries. */
const FILER = { filerName: 'i 填报人', filerPhone: '021-57820101' };

describe('inbox, deadlines and batch work', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'i');
    for (const name of ['filer', 'supervisor', 'finance', 'division', 'admin'])
      auth[name] = (await login(t.app, `i-${name}`)).authorization;
  });
  afterAll(() => t.close());

  const inbox = (who: string) =>
    t.app
      .inject({ method: 'GET', url: '/api/inbox', headers: { authorization: auth[who] } })
      .then((r) => r.json<InboxResponse>());
  const rowVersion = async (formId: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth.filer } })
    ).json<GoalForm>().rowVersion;
  const batch = async (who: string, action: string, formIds: string[], extra: Record<string, unknown> = {}) => {
    const forms = await Promise.all(formIds.map(async (id) => ({ id, rowVersion: await rowVersion(id) })));
    return t.app.inject({
      method: 'POST',
      url: '/api/forms/batch-transitions',
      headers: { authorization: auth[who] },
      payload: { action, forms, ...extra },
    });
  };

  it("lists every unsubmitted draft in the filer's 待办, with the submit deadline once set, overdue once passed", async () => {
    // No deadline yet: the three drafts still wait on the filer (they used to be hidden until 14 days before one).
    const before = await inbox('filer');
    expect(before).toMatchObject({ total: 3, overdue: 0, counts: { draft_unsubmitted: 3 } });
    expect(before.items.map((item) => item.dueDate)).toEqual([null, null, null]);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/deadlines/2021',
      headers: { authorization: auth.admin },
      payload: { submit: '2021-03-15', supervisor_review: '2099-03-31' },
    });
    expect(set.json<Deadline[]>().map((d) => `${d.kind}:${d.dueDate}`)).toEqual([
      'submit:2021-03-15',
      'supervisor_review:2099-03-31',
    ]);
    const box = await inbox('filer');
    expect(box).toMatchObject({ total: 3, overdue: 3, counts: { draft_unsubmitted: 3 } });
    expect(box.items[0]).toMatchObject({
      reason: 'draft_unsubmitted',
      dueDate: '2021-03-15',
      overdue: true,
      status: 'draft',
    });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/deadlines/2021',
      headers: { authorization: auth.admin },
      payload: { submit: '15/03/2021' },
    });
    expect(bad.json<ApiError>().fields?.[0].field).toBe('submit');
  });

  it('lets the supervisor approve several forms at once, each on its own, reporting each result', async () => {
    const ids = tenant.forms.map((f) => f.id);
    const submitted = await batch('filer', 'submit', ids, FILER);
    expect(submitted.json<BatchTransitionResponse>()).toMatchObject({ succeeded: 3, failed: 0 });
    expect((await inbox('supervisor')).counts.to_review).toBe(3);

    // One form goes stale on the way: the other two are still approved, and the stale one says why.
    const forms = await Promise.all(ids.map(async (id) => ({ id, rowVersion: await rowVersion(id) })));
    forms[1].rowVersion -= 1;
    const approved = await t.app.inject({
      method: 'POST',
      url: '/api/forms/batch-transitions',
      headers: { authorization: auth.supervisor },
      payload: { action: 'approve', forms },
    });
    const body = approved.json<BatchTransitionResponse>();
    expect(body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(body.results[1]).toMatchObject({ ok: false, statusCode: 409 });
    expect(body.results[0]).toMatchObject({ ok: true, status: 'supervisor_approved' });
    expect((await inbox('supervisor')).counts).toMatchObject({ to_review: 1, to_report: 2 });
  });

  it('汇总报送 sends the chosen approved forms to finance, whose division then sees them to review', async () => {
    const approvedIds = [tenant.forms[0].id, tenant.forms[2].id];
    expect((await inbox('division')).total).toBe(0);
    const reported = await batch('supervisor', 'report', approvedIds);
    expect(reported.json<BatchTransitionResponse>()).toMatchObject({ succeeded: 2, failed: 0 });
    const finance = await inbox('division');
    expect(finance.counts.to_review).toBe(2);
    expect(finance.items.every((i) => i.status === 'reported')).toBe(true);
  });

  it("shows the filer a returned form with the reviewer's comment", async () => {
    const formId = tenant.forms[1].id;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: auth.supervisor },
      payload: { action: 'return', comment: '请补充质量指标', rowVersion: await rowVersion(formId) },
    });
    expect(response.statusCode).toBe(200);
    const box = await inbox('filer');
    expect(box.items.find((i) => i.formId === formId)).toMatchObject({
      reason: 'returned',
      lastComment: '请补充质量指标',
    });
  });

  it("shows no stale 退回 comment once the form was resubmitted: 待办 and the form carry only this round's comments", async () => {
    const formId = tenant.forms[1].id; // returned above with 请补充质量指标
    const form = async () =>
      (
        await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth.supervisor } })
      ).json<GoalForm>();
    const step = async (who: string, payload: Record<string, unknown>) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/forms/${formId}/transitions`,
        headers: { authorization: auth[who] },
        payload: { ...payload, rowVersion: await rowVersion(formId) },
      });
      expect(response.statusCode).toBe(200);
    };
    const item = async (who: string) => (await inbox(who)).items.find((i) => i.formId === formId);

    await step('filer', { action: 'submit', ...FILER });
    expect(await item('supervisor')).toMatchObject({ reason: 'to_review', lastComment: null });
    expect((await form()).latestReview).toBeNull();

    await step('supervisor', { action: 'approve' });
    expect(await item('supervisor')).toMatchObject({
      reason: 'to_report',
      status: 'supervisor_approved',
      lastComment: null,
    });
    expect((await form()).latestReview).toBeNull();

    // A comment of this round is shown: the 主管部门's word on its approval.
    await step('supervisor', { action: 'return', comment: '请把满意度指标补全' });
    await step('filer', { action: 'submit', ...FILER });
    await step('supervisor', { action: 'approve', comment: '已按意见修改，同意报送' });
    expect(await item('supervisor')).toMatchObject({ reason: 'to_report', lastComment: '已按意见修改，同意报送' });
    expect((await form()).latestReview).toMatchObject({ action: 'approve', comment: '已按意见修改，同意报送' });
  });
});
