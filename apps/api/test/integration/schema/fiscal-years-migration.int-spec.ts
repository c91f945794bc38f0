import type { QueryRunner } from 'typeorm';
import { FiscalYears1796430000000 } from '../../../src/database/migrations/1796430000000-FiscalYears';
import { migratedUpTo, type MigrationScratch } from '../../support/migration-scratch';

/**
 * The migration that brings years (ADR 0023) keeps existing data valid: every year with forms or a taxonomy is open,
 * the tenant-wide 功能分类科目 becomes one version per such year (a tenant without years keeps its rows), the other
 * lists stay tenant-wide, and a form locked afterwards prints the label of its year's version.
 */
describe('migration FiscalYears: data as it was before', () => {
  let scratch: MigrationScratch;
  let q: QueryRunner;
  beforeAll(async () => {
    scratch = await migratedUpTo(FiscalYears1796430000000);
    q = scratch.q;
  });
  afterAll(() => scratch.close());

  it('opens the years in use and gives each its own 功能分类科目; a form locked later prints its year’s label', async () => {
    const [{ id: tenant }] = await q.query(`INSERT INTO tenant (code, name) VALUES ('m', '迁移区') RETURNING id`);
    const [{ id: empty }] = await q.query(`INSERT INTO tenant (code, name) VALUES ('n', '空区') RETURNING id`);
    const [{ id: unit }] = await q.query(
      `INSERT INTO organization (tenant_id, kind, name, path, sort_order) VALUES ($1, 'unit', '单位', '/u/', 1) RETURNING id`,
      [tenant],
    );
    for (const t of [tenant, empty])
      await q.query(
        `INSERT INTO code_list_item (tenant_id, list, code, label, sort_order) VALUES ($1, 'project_category', 'recurring', '经常性项目', 1),
         ($1, 'function_class', '2060103', '机关服务', 1), ($1, 'function_class', '2069999', '其他科学技术支出', 2)`,
        [t],
      );
    await q.query(
      `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order)
       VALUES ($1, 2021, 'output', '产出指标', 1, NULL, 1)`,
      [tenant],
    );
    const [{ id: project }] = await q.query(
      `INSERT INTO project (tenant_id, organization_id, code) VALUES ($1, $2, 'M-1') RETURNING id`,
      [tenant, unit],
    );
    const forms: string[] = [];
    for (const year of [2021, 2022]) {
      const [{ id }] = await q.query(
        `INSERT INTO goal_form (tenant_id, project_id, year, revision, status, project_name, function_class_code)
         VALUES ($1, $2, $3, 1, 'draft', '市民服务', '2060103') RETURNING id`,
        [tenant, project, year],
      );
      forms.push(id);
    }

    await scratch.migrateRest();

    expect(await q.query(`SELECT tenant_id, year, status FROM fiscal_year ORDER BY year`)).toEqual([
      { tenant_id: tenant, year: 2021, status: 'open' },
      { tenant_id: tenant, year: 2022, status: 'open' },
    ]);
    const lists = await q.query(
      `SELECT tenant_id, list, year, code FROM code_list_item ORDER BY tenant_id = $1 DESC, list, year NULLS FIRST, code`,
      [tenant],
    );
    expect(lists).toEqual([
      { tenant_id: tenant, list: 'function_class', year: 2021, code: '2060103' },
      { tenant_id: tenant, list: 'function_class', year: 2021, code: '2069999' },
      { tenant_id: tenant, list: 'function_class', year: 2022, code: '2060103' },
      { tenant_id: tenant, list: 'function_class', year: 2022, code: '2069999' },
      { tenant_id: tenant, list: 'project_category', year: null, code: 'recurring' },
      { tenant_id: empty, list: 'function_class', year: null, code: '2060103' },
      { tenant_id: empty, list: 'function_class', year: null, code: '2069999' },
      { tenant_id: empty, list: 'project_category', year: null, code: 'recurring' },
    ]);

    // 2022 renames the class; locking each form keeps the label of its own year.
    await q.query(`UPDATE code_list_item SET label = '机关服务（2022）' WHERE year = 2022 AND code = '2060103'`);
    await q.query(`UPDATE goal_form SET status = 'finance_approved' WHERE project_id = $1`, [project]);
    expect(await q.query(`SELECT year, locked_function_class_label AS label FROM goal_form ORDER BY year`)).toEqual([
      { year: 2021, label: '机关服务' },
      { year: 2022, label: '机关服务（2022）' },
    ]);
  });
});
