import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Evaluation, ExportJob, GoalForm, Organization } from '@jxt/contracts';
import { JobRunner } from '../../../src/database/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../../../src/config/app-config';
import { BulkExportsService } from '../../../src/modules/exports/bulk-exports.service';
import { approveThroughFinance, formsOfYear } from '../../support/form-steps';
import { asOwner } from '../../support/owner';
import {
  login,
  seedSongjiang,
  startSecondApp,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 批量导出 as a background job (issue 13 point 5; docs/adr/0028-bulk-export.md): a supervisor or finance user asks for
 * a year's forms (or 自评表) of their scope; the job writes one workbook (汇总 + one sheet per form) or a .zip, counts
 * its progress, and only the user who asked downloads it until it expires.
 */
describe('bulk export: a background job writing the year’s forms of the caller’s scope', () => {
  let t: TestApp;
  let second: NestFastifyApplication | null = null;
  const auth: Record<string, string> = {};
  let forms: GoalForm[];
  let educationForm: { id: string; name: string };

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, app = t.app) =>
    app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });

  async function ok<T>(method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object): Promise<T> {
    const response = await call(method, url, who, payload);
    if (response.statusCode !== 200 && response.statusCode !== 201)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  }

  const owner = <T>(work: (client: Client) => Promise<T>) => asOwner(t.ownerUrl, work);

  /** Polls the job (as its owner) until it has finished; the progress it saw on the way. */
  async function finished(id: string, who: string, app = t.app) {
    const seen: ExportJob[] = [];
    for (let i = 0; i < 600; i++) {
      const job = (await call('GET', `/api/exports/${id}`, who, undefined, app)).json<ExportJob>();
      seen.push(job);
      if (['done', 'failed'].includes(job.status)) return { job, seen };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`export ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
  }

  async function exportAndRead(who: string, body: object) {
    const started = await call('POST', '/api/exports', who, body);
    expect(started.statusCode).toBe(200);
    const job = started.json<ExportJob>();
    const { job: done, seen } = await finished(job.id, who);
    expect(done.status).toBe('done');
    const file = await call('GET', `/api/exports/${job.id}/file`, who);
    expect(file.statusCode).toBe(200);
    return { started: job, done, seen, file };
  }

  async function workbookOf(payload: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    return workbook;
  }

  /** The 汇总's data rows (after the title, the count and the heading; before 合计), as cell values. */
  function summaryRows(workbook: ExcelJS.Workbook) {
    const sheet = workbook.getWorksheet('汇总')!;
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 4; r <= sheet.rowCount; r++) {
      const values = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1);
      if (values[0] === '合计') break;
      rows.push(values);
    }
    return { sheet, rows };
  }

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'b');
    await seedSongjiang(t.ownerUrl, 'z'); // another tenant, the same seed: none of its forms may show
    for (const who of ['filer', 'supervisor', 'finance', 'division', 'admin'])
      auth[who] = (await login(t.app, `b-${who}`)).authorization;
    forms = await formsOfYear(t.app, auth.filer);

    // Another 主管部门 with a unit, its filer and its supervisor, and one project of 2021 there.
    const organizations = await ok<Organization[]>('GET', '/api/organizations', 'admin');
    const bureau = organizations.find((o) => o.name === '松江区财政局')!;
    const department = await ok<Organization>('POST', '/api/organizations', 'admin', {
      parentId: bureau.id,
      kind: 'department',
      name: '松江区教育局',
    });
    const unit = await ok<Organization>('POST', '/api/organizations', 'admin', {
      parentId: department.id,
      kind: 'unit',
      name: '松江区教育技术装备中心',
    });
    for (const [username, organizationId, roles] of [
      ['b-edu-filer', unit.id, ['filer']],
      ['b-edu-supervisor', department.id, ['supervisor']],
    ] as const)
      await ok('POST', '/api/users', 'admin', {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        organizationId,
        roles,
      });
    await owner((c) =>
      c.query(
        `UPDATE app_user SET password_change_required = false, demo_account = true WHERE username LIKE 'b-edu-%'`,
      ),
    );
    auth.eduFiler = (await login(t.app, 'b-edu-filer')).authorization;
    auth.eduSupervisor = (await login(t.app, 'b-edu-supervisor')).authorization;
    const created = await ok<{ formId: string }>('POST', '/api/projects', 'eduFiler', {
      organizationId: unit.id,
      code: 'EDU-2021-001',
      name: '教育信息化设备更新',
      year: 2021,
    });
    educationForm = { id: created.formId, name: '教育信息化设备更新' };
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('refuses a filer (403): only 主管部门 and 财政 export in bulk', async () => {
    const response = await call('POST', '/api/exports', 'filer', { kind: 'goal', year: 2021, format: 'xlsx' });
    expect(response.statusCode).toBe(403);
  });

  it('counts the forms when asked, records the request in the audit log, and a refused one too', async () => {
    const started = await call('POST', '/api/exports', 'supervisor', { kind: 'goal', year: 2021, format: 'zip' });
    const job = started.json<ExportJob>();
    // The count is the row's from the start: the list polled before the worker begins shows it too.
    const listed = (await call('GET', '/api/exports', 'supervisor')).json<ExportJob[]>().find((j) => j.id === job.id);
    expect(listed?.total).toBe(forms.length);
    await finished(job.id, 'supervisor');
    const events = (await call('GET', '/api/audit-events?eventType=export.create&pageSize=100', 'admin')).json<{
      items: { targetId: string | null; username: string; status: number }[];
    }>().items;
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetId: job.id, username: 'b-supervisor', status: 200 }),
        expect.objectContaining({ username: 'b-filer', status: 403 }),
      ]),
    );
  });

  it('names the field of a bad request', async () => {
    const response = await call('POST', '/api/exports', 'supervisor', { kind: 'all', year: 2021, format: 'pdf' });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ fields: { field: string }[] }>().fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'format']));
  });

  it('writes one workbook: the 汇总 lists exactly the supervisor’s forms, then one sheet per form in its layout', async () => {
    const { started, done, seen, file } = await exportAndRead('supervisor', {
      kind: 'goal',
      year: 2021,
      format: 'xlsx',
    });
    expect(started).toMatchObject({ status: 'queued', done: 0, total: forms.length, kind: 'goal', format: 'xlsx' });
    expect(done).toMatchObject({ done: forms.length, total: forms.length, error: null });
    expect(seen.every((job) => job.done <= job.total)).toBe(true);
    expect(file.headers['content-type']).toBe(XLSX);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`松江区科学技术委员会-2021年度绩效目标填报表（共${forms.length}张）.xlsx`)}`,
    );

    const workbook = await workbookOf(file.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)[0]).toBe('汇总');
    expect(workbook.worksheets).toHaveLength(1 + forms.length);
    const { sheet, rows } = summaryRows(workbook);
    expect(sheet.getCell('A1').text).toBe('2021年度绩效目标填报表汇总');
    expect((sheet.getRow(3).values as string[]).slice(1)).toEqual([
      '序号',
      '项目名称',
      '项目编码',
      '预算单位',
      '状态',
      '资金总额（元）',
      '本年度资金（元）',
      '工作表',
    ]);
    // One row per form of the scope, in the 项目列表's order, amounts as numbers with thousands separators.
    expect(rows.map((r) => r[2])).toEqual(forms.map((f) => f.project.code));
    expect(rows.map((r) => r[1])).not.toContain(educationForm.name);
    for (const [i, form] of forms.entries()) {
      expect(rows[i][5]).toBe(Number(form.funds.totalAmount));
      expect(rows[i][6]).toBe(Number(form.funds.annualAmount));
      expect(sheet.getRow(4 + i).getCell(6).numFmt).toBe('#,##0.00');
    }
    const totalRow = sheet.getRow(4 + forms.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    const sum = forms.reduce((s, f) => s + Math.round(Number(f.funds.totalAmount) * 100), 0) / 100;
    expect(totalRow.getCell(6).value).toBeCloseTo(sum, 2);

    // Each form's sheet is the official layout, named after its code and name (≤ 31 characters, unique).
    const names = workbook.worksheets.slice(1).map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(rows.map((r) => r[7])).toEqual(names);
    for (const [i, form] of forms.entries()) {
      const formSheet = workbook.worksheets[i + 1];
      expect(formSheet.name.startsWith(form.project.code)).toBe(true);
      expect(formSheet.getCell('A1').text).toBe('财政项目支出绩效目标填报表');
      expect(formSheet.getCell('B3').text).toBe(form.project.name);
      expect(formSheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      const amounts: number[] = [];
      formSheet.eachRow((row) =>
        row.eachCell((cell) => cell.numFmt === '#,##0.00' && amounts.push(cell.value as number)),
      );
      expect(amounts).toContain(Number(form.funds.totalAmount));
    }
  });

  it('keeps to the one scope rule: another 主管部门 gets only its own form, the 财政局 the whole tenant', async () => {
    const edu = await exportAndRead('eduSupervisor', { kind: 'goal', year: 2021, format: 'xlsx' });
    expect(edu.done.total).toBe(1);
    const eduRows = summaryRows(await workbookOf(edu.file.rawPayload)).rows;
    expect(eduRows.map((r) => r[1])).toEqual([educationForm.name]);

    const bureau = await exportAndRead('finance', { kind: 'goal', year: 2021, format: 'xlsx' });
    const bureauBook = await workbookOf(bureau.file.rawPayload);
    expect(bureau.done.total).toBe(forms.length + 1);
    expect(bureauBook.worksheets).toHaveLength(forms.length + 2);
    expect(summaryRows(bureauBook).rows.map((r) => r[1])).toEqual(
      expect.arrayContaining([educationForm.name, ...forms.map((f) => f.project.name)]),
    );
  });

  it('shows a job and its file only to the user who asked: anyone else of the tenant gets 404', async () => {
    const { started } = await exportAndRead('supervisor', { kind: 'goal', year: 2021, format: 'xlsx' });
    for (const who of ['finance', 'eduSupervisor', 'division', 'admin']) {
      expect((await call('GET', `/api/exports/${started.id}`, who)).statusCode).toBe(404);
      expect((await call('GET', `/api/exports/${started.id}/file`, who)).statusCode).toBe(404);
      const list = (await call('GET', '/api/exports', who)).json<ExportJob[]>();
      expect(list.map((j) => j.id)).not.toContain(started.id);
    }
    const own = (await call('GET', '/api/exports', 'supervisor')).json<ExportJob[]>();
    expect(own[0].id).toBe(started.id);
  });

  it('writes a .zip of single-form workbooks with the 汇总', async () => {
    const { file, done } = await exportAndRead('supervisor', { kind: 'goal', year: 2021, format: 'zip' });
    expect(file.headers['content-type']).toBe('application/zip');
    expect(done.fileName).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(file.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['汇总.xlsx', ...forms.map((f) => `${f.project.code} ${f.project.name}.xlsx`)].sort());
    for (const form of forms) {
      const book = await workbookOf(
        await zip.file(`${form.project.code} ${form.project.name}.xlsx`)!.async('nodebuffer'),
      );
      expect(book.worksheets).toHaveLength(1);
      expect(book.worksheets[0].getCell('B3').text).toBe(form.project.name);
    }
    expect(summaryRows(await workbookOf(await zip.file('汇总.xlsx')!.async('nodebuffer'))).rows).toHaveLength(
      forms.length,
    );
  });

  it('exports 自评表 with their stored scores', async () => {
    const chain = { filer: auth.filer, supervisor: auth.supervisor, finance: auth.finance };
    await approveThroughFinance(t.app, forms[0].id, chain);
    const evaluation = await ok<Evaluation>('POST', `/api/forms/${forms[0].id}/evaluation`, 'filer', {});
    const { file, done } = await exportAndRead('supervisor', { kind: 'evaluation', year: 2021, format: 'xlsx' });
    expect(done.total).toBe(1);
    const workbook = await workbookOf(file.rawPayload);
    expect(workbook.worksheets).toHaveLength(2);
    const { rows } = summaryRows(workbook);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1, 5)).toEqual([evaluation.projectName, evaluation.projectCode, expect.any(String), '草稿']);
    expect(rows[0][7]).toBe(evaluation.score.total === null ? null : Number(evaluation.score.total));
    expect(workbook.worksheets[1].getCell('A1').text).toBe('财政项目支出绩效自评表');
  });

  it('expires the file: after its time the job reads expired, the download is 410 and the file is gone', async () => {
    const { started } = await exportAndRead('supervisor', { kind: 'goal', year: 2021, format: 'xlsx' });
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const tenantId = await owner(
      async (c) =>
        (await c.query<{ t: string }>(`SELECT tenant_id AS t FROM export_job WHERE id = $1`, [started.id])).rows[0].t,
    );
    const path = join(config.dataDir, 'exports', tenantId, `${started.id}.xlsx`);
    expect(existsSync(path)).toBe(true);
    await owner((c) =>
      c.query(`UPDATE export_job SET expires_at = now() - interval '1 second' WHERE id = $1`, [started.id]),
    );
    expect((await call('GET', `/api/exports/${started.id}`, 'supervisor')).json<ExportJob>().status).toBe('expired');
    expect((await call('GET', `/api/exports/${started.id}/file`, 'supervisor')).statusCode).toBe(410);
    expect(existsSync(path)).toBe(false);

    // The hourly sweep deletes a file older than EXPORT_TTL_HOURS (its mtime is when it was written) and no newer one.
    const old = await exportAndRead('supervisor', { kind: 'goal', year: 2021, format: 'zip' });
    const fresh = await exportAndRead('supervisor', { kind: 'goal', year: 2021, format: 'xlsx' });
    const oldPath = join(config.dataDir, 'exports', tenantId, `${old.started.id}.zip`);
    const freshPath = join(config.dataDir, 'exports', tenantId, `${fresh.started.id}.xlsx`);
    const past = new Date(Date.now() - (config.exportTtlHours * 3600 + 60) * 1000);
    utimesSync(oldPath, past, past);
    expect(await t.app.get(BulkExportsService).deleteExpiredFiles()).toBe(1);
    expect(existsSync(oldPath)).toBe(false);
    expect(existsSync(freshPath)).toBe(true);
  });

  it('keeps a job queued while no process works, and a process started later writes the file', async () => {
    await t.app.get(JobRunner).stop();
    const started = await call('POST', '/api/exports', 'supervisor', { kind: 'goal', year: 2021, format: 'xlsx' });
    expect(started.statusCode).toBe(200);
    const { id } = started.json<ExportJob>();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await call('GET', `/api/exports/${id}`, 'supervisor')).json<ExportJob>().status).toBe('queued');
    const payload = await owner(
      async (c) =>
        (
          await c.query<{ data: object }>(
            `SELECT data FROM pgboss.job WHERE name = 'bulk-export' AND data->>'jobId' = $1`,
            [id],
          )
        ).rows,
    );
    expect(payload.map((p) => Object.keys(p.data).sort())).toEqual([['jobId', 'tenantId', 'userId']]);

    second = await startSecondApp(t);
    const { job } = await finished(id, 'supervisor', second);
    expect(job).toMatchObject({ status: 'done', done: forms.length });
  });
});
