import type { GoalForm, NotificationListResponse } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * 消息提醒 (issue 12 point 7): every step tells the next actor(s) in its own transaction, nobody else, never another
 * tenant; each user lists and marks only their own messages.
 */
describe('notifications on every step, to the next actor only', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  const UNIT = '上海市松江区科技创新服务中心（上海市松江区大数据中心）';

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'n', [
      {
        username: 'n-supervisor2',
        displayName: 'n 主管二',
        roles: ['supervisor'],
        organization: '松江区科学技术委员会',
      },
      { username: 'n-filer2', displayName: 'n 填报人二', roles: ['filer'], organization: UNIT },
    ]);
    await seedSongjiang(t.ownerUrl, 'x');
    for (const who of ['filer', 'filer2', 'supervisor', 'supervisor2', 'finance', 'division', 'admin'])
      auth[who] = (await login(t.app, `n-${who}`)).authorization;
    for (const who of ['filer', 'supervisor', 'finance', 'division'])
      auth[`x-${who}`] = (await login(t.app, `x-${who}`)).authorization;
  });
  afterAll(() => t.close());

  const list = async (who: string, query = '') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/notifications${query}`,
      headers: { authorization: auth[who] },
    });
    expect(response.statusCode).toBe(200);
    return response.json<NotificationListResponse>();
  };
  const step = async (formId: string, who: string, body: Record<string, unknown>) => {
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth.filer } })
    ).json<GoalForm>();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: auth[who] },
      payload: { ...body, rowVersion: form.rowVersion },
    });
    expect(response.statusCode).toBe(200);
  };
  const counts = async (...who: string[]) =>
    Object.fromEntries(await Promise.all(who.map(async (w) => [w, (await list(w)).unread] as const)));

  it('提交 tells the 主管部门’s supervisors, with a link to the form; nobody else, and no other tenant', async () => {
    const formId = tenant.forms[0].id;
    await step(formId, 'filer', { action: 'submit', filerName: 'n 填报人', filerPhone: '021-57820101' });

    const supervisor = await list('supervisor');
    expect(supervisor).toMatchObject({ total: 1, unread: 1 });
    expect(supervisor.items[0]).toMatchObject({
      kind: 'form_to_review',
      formId,
      link: `/forms/${formId}`,
      actorName: 'n 填报人',
      readAt: null,
      message: expect.stringMatching(/^上海市松江区科技创新服务中心.*提交了“.+”2021年绩效目标表，请审核$/),
    });
    expect((await list('supervisor2')).unread).toBe(1);
    expect(await counts('filer', 'filer2', 'finance', 'division', 'admin')).toEqual({
      filer: 0,
      filer2: 0,
      finance: 0,
      division: 0,
      admin: 0,
    });
    expect(await counts('x-filer', 'x-supervisor', 'x-finance', 'x-division')).toEqual({
      'x-filer': 0,
      'x-supervisor': 0,
      'x-finance': 0,
      'x-division': 0,
    });
  });

  it('审核通过 tells the other supervisors to 汇总报送; 报送 tells the 财政科室, not the 财政局 above it', async () => {
    const formId = tenant.forms[0].id;
    await step(formId, 'supervisor', { action: 'approve' });
    expect((await list('supervisor')).unread).toBe(1); // the actor is not told of their own step
    const second = await list('supervisor2');
    expect(second.unread).toBe(2);
    expect(second.items[0]).toMatchObject({ kind: 'form_to_report', actorName: 'n 主管' });

    await step(formId, 'supervisor', { action: 'report' });
    const division = await list('division');
    expect(division.items).toEqual([
      expect.objectContaining({
        kind: 'form_to_review',
        formId,
        message: expect.stringContaining('松江区科学技术委员会报送了'),
      }),
    ]);
    expect((await list('finance')).unread).toBe(0);
    expect((await list('x-division')).unread).toBe(0);
  });

  it('a finance 退回 goes to the supervisors, a supervisor’s 退回 to the filer who submitted, with the reason', async () => {
    const formId = tenant.forms[0].id;
    await step(formId, 'division', { action: 'return', reviewResult: 'fair', comment: '请细化产出指标' });
    const supervisor = await list('supervisor');
    expect(supervisor.items[0]).toMatchObject({
      kind: 'form_finance_returned',
      message: expect.stringContaining('请细化产出指标'),
    });
    await step(formId, 'supervisor', { action: 'return', comment: '请补充满意度指标' });
    const filer = await list('filer');
    expect(filer.items).toEqual([
      expect.objectContaining({ kind: 'form_returned', message: expect.stringContaining('请补充满意度指标') }),
    ]);
    expect((await list('filer2')).unread).toBe(0); // only the one who submitted it
  });

  it('a refused step tells nobody', async () => {
    const before = await counts('supervisor', 'supervisor2');
    const formId = tenant.forms[0].id; // returned now: 审核通过 is not a step of a returned form
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth.filer } })
    ).json<GoalForm>();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: auth.supervisor },
      payload: { action: 'approve', rowVersion: form.rowVersion },
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await counts('supervisor', 'supervisor2')).toEqual(before);
  });

  it('lists newest first and pages; marks one or all as read, only the caller’s own', async () => {
    const mine = await list('supervisor2');
    expect(mine.items.map((i) => i.createdAt)).toEqual([...mine.items.map((i) => i.createdAt)].sort().reverse());
    const paged = await list('supervisor2', '?pageSize=1&page=2');
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: mine.total });
    expect(paged.items.map((i) => i.id)).toEqual([mine.items[1].id]);

    // Someone else's message, another tenant's user, a made-up id: 404 and nothing changes.
    const theirs = mine.items[0].id;
    for (const who of ['supervisor', 'filer', 'x-supervisor']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/notifications/${theirs}/read`,
        headers: { authorization: auth[who] },
      });
      expect(response.statusCode).toBe(404);
    }
    expect((await list('supervisor2')).unread).toBe(mine.unread);

    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${theirs}/read`,
      headers: { authorization: auth.supervisor2 },
    });
    expect(read.statusCode).toBe(204);
    const after = await list('supervisor2');
    expect(after.unread).toBe(mine.unread - 1);
    expect(after.items.find((i) => i.id === theirs)!.readAt).not.toBeNull();
    expect((await list('supervisor2', '?unread=true')).items.map((i) => i.id)).not.toContain(theirs);

    const supervisorBefore = (await list('supervisor')).unread;
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { authorization: auth.supervisor2 },
    });
    expect(all.json()).toEqual({ updated: mine.unread - 1 });
    expect((await list('supervisor2')).unread).toBe(0);
    expect((await list('supervisor')).unread).toBe(supervisorBefore);
  });

  it('refuses bad paging by field', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?pageSize=1000',
      headers: { authorization: auth.filer },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ fields: { field: string }[] }>().fields[0].field).toBe('pageSize');
  });
});
