import type { QueryRunner } from 'typeorm';
import { RevisionOwnsHeader1795983212995 } from '../../../src/database/migrations/1795983212995-RevisionOwnsHeader';
import { migratedUpTo, type MigrationScratch } from '../../support/migration-scratch';

/**
 * The migration that gives each form revision its own header moves today's data without loss: every revision
 * gets the header it showed before (its project's), and a revision that is already locked keeps the unit name,
 * the code-list labels and the taxonomy labels it prints today.
 */
describe('migration RevisionOwnsHeader: data as it was before', () => {
  let scratch: MigrationScratch;
  let q: QueryRunner;
  beforeAll(async () => {
    scratch = await migratedUpTo(RevisionOwnsHeader1795983212995);
    q = scratch.q;
  });
  afterAll(() => scratch.close());

  it('copies the project header onto every revision, and what a locked one prints from elsewhere', async () => {
    const [{ id: tenant }] = await q.query(`INSERT INTO tenant (code, name) VALUES ('m', '迁移区') RETURNING id`);
    const [{ id: unit }] = await q.query(
      `INSERT INTO organization (tenant_id, kind, name, path, sort_order) VALUES ($1, 'unit', '旧单位名', '/u/', 1) RETURNING id`,
      [tenant],
    );
    await q.query(
      `INSERT INTO code_list_item (tenant_id, list, code, label, sort_order) VALUES ($1, 'project_category', 'recurring', '经常性项目', 1),
      ($1, 'function_class', '2060103', '机关服务', 1)`,
      [tenant],
    );
    await q.query(
      `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order)
      VALUES ($1, 2021, 'output', '产出指标', 1, NULL, 1), ($1, 2021, 'quantity', '数量指标', 2, 'output', 1)`,
      [tenant],
    );
    const [{ id: project }] = await q.query(
      `INSERT INTO project (tenant_id, organization_id, code, name, category_code, continuity, function_class_code, printed_department,
         printed_implementing_unit, planned_start, planned_end)
       VALUES ($1, $2, 'M-1', '市民服务', 'recurring', 'continuing', '2060103', '松江区科委', NULL, '2021-01-01', '2021-12-31') RETURNING id`,
      [tenant, unit],
    );
    const forms: Record<string, string> = {};
    for (const [key, revision, status] of [
      ['approved', 1, 'finance_approved'],
      ['adjusting', 2, 'draft'],
    ] as const) {
      const [{ id }] = await q.query(
        `INSERT INTO goal_form (tenant_id, project_id, year, revision, status, annual_amount) VALUES ($1, $2, 2021, $3, $4, 213500.00) RETURNING id`,
        [tenant, project, revision, status],
      );
      forms[key] = id;
      await q.query(
        `INSERT INTO indicator (tenant_id, form_id, level1_code, level2_code, sort_order, name, raw_value, target_kind)
         VALUES ($1, $2, 'output', 'quantity', 1, '培训次数', '=2次', 'quantitative')`,
        [tenant, id],
      );
    }

    await scratch.migrateRest();

    const rows = await q.query(
      `SELECT id, project_name, category_code, continuity, function_class_code, printed_department, printed_implementing_unit,
              to_char(planned_start, 'YYYY-MM-DD') AS planned_start, to_char(planned_end, 'YYYY-MM-DD') AS planned_end,
              locked_organization_name, locked_category_label, locked_function_class_label, annual_amount::text AS annual_amount
       FROM goal_form ORDER BY revision`,
    );
    const header = {
      project_name: '市民服务',
      category_code: 'recurring',
      continuity: 'continuing',
      function_class_code: '2060103',
      printed_department: '松江区科委',
      printed_implementing_unit: null,
      planned_start: '2021-01-01',
      planned_end: '2021-12-31',
      annual_amount: '213500.00',
    };
    expect(rows).toEqual([
      {
        id: forms.approved,
        ...header,
        locked_organization_name: '旧单位名',
        locked_category_label: '经常性项目',
        locked_function_class_label: '机关服务',
      },
      {
        id: forms.adjusting,
        ...header,
        locked_organization_name: null,
        locked_category_label: null,
        locked_function_class_label: null,
      },
    ]);
    const labels = await q.query(
      `SELECT form_id, level1_label, level2_label FROM indicator ORDER BY form_id = $1 DESC`,
      [forms.approved],
    );
    expect(labels).toEqual([
      { form_id: forms.approved, level1_label: '产出指标', level2_label: '数量指标' },
      { form_id: forms.adjusting, level1_label: null, level2_label: null },
    ]);
    const columns = await q.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'project' ORDER BY ordinal_position`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'id',
      'tenant_id',
      'organization_id',
      'code',
      'created_at',
      'updated_at',
    ]);
  });
});
