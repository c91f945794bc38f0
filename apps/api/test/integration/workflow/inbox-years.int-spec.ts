import type { AuditEventListResponse, CurrentUser, GoalForm, InboxResponse, ProjectListItem } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/** A filer's 待办 works in open years only (issue 12 point 4, ADR 0023). */
describe("a filer's 待办 and open years", () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'w');
    for (const name of ['filer', 'supervisor', 'admin']) auth[name] = (await login(t.app, `w-${name}`)).authorization;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const inbox = async (who = 'filer') => (await call('GET', '/api/inbox', who)).json<InboxResponse>();
  const listed = async (who = 'filer') =>
    (await inbox(who)).items.map((i) => `${i.year} ${i.reason} ${i.projectName}`).sort();
  const step = async (formId: string, who: string, body: object) => {
    const { rowVersion } = (await call('GET', `/api/forms/${formId}`, 'filer')).json<GoalForm>();
    const response = await call('POST', `/api/forms/${formId}/transitions`, who, { ...body, rowVersion });
    expect(response.statusCode).toBe(200);
  };

  it("lists the open year's drafts and returned forms with their deadline, not a draft of a year never opened", async () => {
    const [returned, ...drafts] = tenant.forms;
    await step(returned.id, 'filer', { action: 'submit', filerName: '王填报', filerPhone: '021-57820101' });
    await step(returned.id, 'supervisor', { action: 'return', comment: '请补充产出指标' });
    expect((await call('PUT', '/api/deadlines/2021', 'admin', { submit: '2099-03-15' })).statusCode).toBe(200);
    const me = (await call('GET', '/api/auth/me', 'filer')).json<CurrentUser>();
    const created = await call('POST', '/api/projects', 'filer', {
      organizationId: me.organization.id,
      year: 2022,
      name: '二〇二二年度新项目',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<ProjectListItem>().year).toBe(2022);

    const box = await inbox();
    expect(box.counts).toEqual({ to_review: 0, to_report: 0, returned: 1, draft_unsubmitted: 2 });
    expect(box.total).toBe(3);
    expect(await listed()).toEqual(
      [`2021 returned ${returned.name}`, ...drafts.map((d) => `2021 draft_unsubmitted ${d.name}`)].sort(),
    );
    expect(box.items.filter((i) => i.reason === 'draft_unsubmitted').map((i) => i.dueDate)).toEqual([
      '2099-03-15',
      '2099-03-15',
    ]);

    // 开启新年度 2022: its draft joins the list.
    expect((await call('POST', '/api/years/2022/open', 'admin')).statusCode).toBe(200);
    expect(await listed()).toContain('2022 draft_unsubmitted 二〇二二年度新项目');
    expect((await inbox()).counts.draft_unsubmitted).toBe(3);
  });

  it("drops a closed year's drafts and returned forms from 待办, and lists them again when the year is reopened", async () => {
    expect((await call('POST', '/api/years/2021/close', 'admin')).statusCode).toBe(200);
    const box = await inbox();
    expect(box.counts).toEqual({ to_review: 0, to_report: 0, returned: 0, draft_unsubmitted: 1 });
    expect(await listed()).toEqual(['2022 draft_unsubmitted 二〇二二年度新项目']);
    // The closed year's draft is still there to read.
    expect((await call('GET', `/api/forms/${tenant.forms[1].id}`, 'filer')).statusCode).toBe(200);

    expect((await call('POST', '/api/years/2021/open', 'admin')).statusCode).toBe(200);
    expect((await inbox()).counts).toEqual({ to_review: 0, to_report: 0, returned: 1, draft_unsubmitted: 3 });
  });

  it("keeps a closed year's submitted form in the reviewer's 待办 (what was handed over still waits on them)", async () => {
    await step(tenant.forms[1].id, 'filer', { action: 'submit', filerName: '王填报', filerPhone: '021-57820101' });
    expect((await call('POST', '/api/years/2021/close', 'admin')).statusCode).toBe(200);
    expect((await inbox('supervisor')).counts.to_review).toBe(1);
  });

  it('keeps the deadlines of a year in the order of the stages, each refusal naming the field, and audited', async () => {
    const wrong = await call('PUT', '/api/deadlines/2030', 'admin', {
      submit: '2030-03-31',
      supervisor_review: '2030-03-15',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      message: '截止日期须按环节先后：主管部门审核截止日期不能早于单位提交截止日期（2030-03-31）',
      fields: [{ field: 'supervisor_review', value: '2030-03-15' }],
    });
    expect((await call('GET', '/api/deadlines?year=2030', 'admin')).json()).toEqual([]);
    expect(
      (await call('PUT', '/api/deadlines/2030', 'admin', { submit: '2030-03-15', finance_review: '2030-04-30' }))
        .statusCode,
    ).toBe(200);
    // Against the stored dates too: a later 单位提交 alone would pass 财政审核.
    const late = await call('PUT', '/api/deadlines/2030', 'admin', { submit: '2030-05-01' });
    expect(late.json()).toMatchObject({ statusCode: 400, fields: [{ field: 'finance_review', value: '2030-04-30' }] });
    // Clearing a date is always allowed.
    expect((await call('PUT', '/api/deadlines/2030', 'admin', { finance_review: null })).statusCode).toBe(200);
    expect((await call('GET', '/api/deadlines?year=2030', 'admin')).json()).toEqual([
      { year: 2030, kind: 'submit', dueDate: '2030-03-15' },
    ]);
    expect((await call('PUT', '/api/deadlines/2030', 'filer', { submit: '2030-03-01' })).statusCode).toBe(403);
    const audited = (
      await call('GET', '/api/audit-events?eventType=deadline.update', 'admin')
    ).json<AuditEventListResponse>();
    expect(audited.items.filter((e) => e.targetId === '2030').map((e) => e.status)).toEqual([403, 200, 400, 200, 400]);
  });
});
