import { Client } from 'pg';
import type { CodeListItem, GoalForm, Organization } from '@jxt/contracts';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * 功能分类科目 per year (ADR 0023): a year opened without a classification of its own keeps the one in force before
 * it, on the page and in the label a locked revision keeps.
 */
describe('功能分类科目 of a year without its own version: the newest before it is in force', () => {
  let t: TestApp;
  let authorization: string;
  let formId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'k');
    ({ authorization } = await login(t.app, 'k-filer'));
    const organizations = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization } })
    ).json<Organization[]>();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization },
      payload: {
        organizationId: organizations.find((o) => o.kind === 'unit')!.id,
        year: 2022,
        code: null,
        name: '二〇二二年新项目',
        categoryCode: 'recurring',
        continuity: 'new',
        functionClassCode: '2060103',
        printedDepartment: null,
        printedImplementingUnit: null,
        plannedStart: '2022-01-01',
        plannedEnd: '2022-12-31',
      },
    });
    expect(created.statusCode).toBe(201);
    formId = created.json<{ formId: string }>().formId;
  });
  afterAll(() => t.close());

  it('prints the 2021 label on a 2022 form while it is open', async () => {
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization } })
    ).json<GoalForm>();
    expect(form.project).toMatchObject({ functionClassCode: '2060103', functionClassLabel: '机关服务' });
  });

  it('answers the 2021 version to the pickers of a 2022 form, and each version to its own year', async () => {
    const read = async (year: number) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/code-lists?list=function_class&year=${year}`,
          headers: { authorization },
        })
      ).json<CodeListItem[]>();
    const in2022 = await read(2022);
    expect(in2022.find((item) => item.code === '2060103')).toMatchObject({ label: '机关服务', year: 2021 });
    expect((await read(2021)).map((item) => item.code)).toEqual(in2022.map((item) => item.code));
  });

  it('keeps that label when the revision locks', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await owner.query(`UPDATE goal_form SET status = 'finance_approved' WHERE id = $1`, [formId]);
      const { rows } = await owner.query<{ label: string | null }>(
        'SELECT locked_function_class_label AS label FROM goal_form WHERE id = $1',
        [formId],
      );
      expect(rows[0].label).toBe('机关服务');
    } finally {
      await owner.end();
    }
  });
});
