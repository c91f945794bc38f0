import { ConflictException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { FORM_STATUS_LABELS, type CodeListItem, type FieldError, type TaxonomyNode } from '@jxt/contracts';
import {
  compareWithPrinted,
  countIndicators,
  findSheetYear,
  isEditable,
  isEvaluationSheet,
  readEvaluationSheet,
  readGoalSheet,
  type GoalSheetLookups,
  type SheetGrid,
} from '@jxt/domain';
import { badRequestForFields } from '../../common/http/validation';
import { tenantScope } from '../../common/tenancy/request-context';
import { CatalogService } from '../catalog/catalog.service';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { FormHistoryService } from '../form-history/form-history.service';
import { FormsService } from '../forms/forms.service';
import { ProjectsService } from '../projects/projects.service';
import type { ImportConfirmDto, ImportConfirmResultDto, ImportConfirmSheetDto } from './dto/import-confirm.dto';
import type {
  ImportedFormDto,
  ImportPreviewDto,
  ImportPreviewSheetDto,
  ImportProblemDto,
} from './dto/import-preview.response';
import { ImportRepository, type ImportMatchRow } from './import.repository';
import { keepIndicatorIds } from './keep-indicator-ids';
import { formulaProblems, sheetGrid, storable } from './sheet-grid';
import { checkWorkbookFile } from './workbook-guard';

/** How long a stored preview can be confirmed (ADR 0027). */
export const IMPORT_BATCH_TTL_HOURS = 24;

type StoredPreview = Omit<ImportPreviewDto, 'id'>;
type CatalogsByYear = Map<number | null, Promise<[TaxonomyNode[], CodeListItem[], CodeListItem[]]>>;

/**
 * 导入 (issue 13 points 2–3, first step): reads every sheet of an .xlsx into the form it would save and finds the
 * project it belongs to, inside the caller's scope. Writes nothing; confirming is a later step.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly imports: ImportRepository,
    private readonly forms: FormsService,
    private readonly projects: ProjectsService,
    private readonly evaluations: EvaluationsService,
    private readonly history: FormHistoryService,
  ) {}

  /** POST /api/imports: the preview of the uploaded workbook, stored for its creator's confirm. */
  async upload(file: Buffer | undefined): Promise<ImportPreviewDto> {
    const preview = await this.preview(file);
    const { db, user } = tenantScope();
    const id = await this.imports.insertBatch(db, user.tenantId, user.userId, preview, IMPORT_BATCH_TTL_HOURS);
    return { id, ...preview };
  }

  /** GET /api/imports/:id: the stored preview, to its creator only (anyone else: 404). */
  async get(id: string): Promise<ImportPreviewDto> {
    const { db, user } = tenantScope();
    const batch = await this.imports.batchOfCreator(db, id, user.userId);
    if (!batch) throw new NotFoundException('导入记录不存在或无权访问');
    return { id, ...(batch.preview as StoredPreview) };
  }

  private async preview(file: Buffer | undefined): Promise<StoredPreview> {
    if (!Buffer.isBuffer(file) || file.length === 0)
      throw badRequestForFields([{ field: 'file', message: '请上传 .xlsx 文件（Excel 工作簿）' }]);
    // Encrypted, an old .xls, a zip bomb, too many parts or sheets: refused before exceljs inflates anything.
    await checkWorkbookFile(file);
    const workbook = new ExcelJS.Workbook();
    try {
      // An .xlsx is a zip: anything else (a .xls, a CSV, a PDF) fails here.
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw badRequestForFields([
        { field: 'file', message: '不是有效的 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入' },
      ]);
    }
    const forms: ImportPreviewSheetDto[] = [];
    const catalogs: CatalogsByYear = new Map();
    for (const worksheet of workbook.worksheets) {
      const sheet = storable(worksheet.name);
      const read = await this.previewSheet(sheet, sheetGrid(worksheet), catalogs);
      forms.push({ ...read, problems: [...formulaProblems(worksheet, sheet), ...read.problems] });
    }
    const problems: ImportProblemDto[] = forms.length
      ? []
      : [{ sheet: '', row: 1, column: 'A', severity: 'error', message: '工作簿中没有工作表' }];
    return { forms, problems };
  }

  /** The year's taxonomy and code lists, read in turn: one transaction runs one statement at a time (Db). */
  private async catalogOf(year: number | null): Promise<[TaxonomyNode[], CodeListItem[], CodeListItem[]]> {
    const taxonomy = year === null ? [] : await this.taxonomyOf(year);
    const categories = await this.catalog.codeLists('project_category', year ?? undefined);
    const functionClasses = await this.catalog.codeLists('function_class', year ?? undefined);
    return [taxonomy, categories, functionClasses];
  }

  private async previewSheet(sheet: string, grid: SheetGrid, catalogs: CatalogsByYear): Promise<ImportPreviewSheetDto> {
    const year = findSheetYear(grid);
    // Read once per year for the whole workbook (a 100-sheet workbook is mostly one year).
    let catalog = catalogs.get(year);
    if (!catalog) {
      catalog = this.catalogOf(year);
      catalogs.set(year, catalog);
    }
    const [taxonomy, categories, functionClasses] = await catalog;
    if (isEvaluationSheet(grid)) return this.previewEvaluation(sheet, grid, { taxonomy, categories, functionClasses });
    const read = readGoalSheet(sheet, grid, { taxonomy, categories, functionClasses });
    const { project } = read.form;
    const match = await this.match(project.code.trim(), project.name.trim(), read.year);
    const counts = countIndicators(read.form.indicators);
    const status = match.row?.formId ? match.row.status : null;
    const locked = status !== null && !isEditable(status);
    const problems = locked
      ? [
          {
            sheet,
            row: 1,
            column: 'A',
            severity: 'error' as const,
            message: `该项目 ${read.year} 年度的填报表（第 ${match.row!.revision} 版）${FORM_STATUS_LABELS[status]}，导入不会改动它；如需修改，请在系统中退回或调整后再导入`,
          },
          ...read.problems,
        ]
      : read.problems;
    return {
      sheet,
      kind: 'goal',
      name: project.name || null,
      code: project.code || null,
      year: read.year,
      indicatorCount: counts.total,
      amountUnit: read.amountUnit,
      funds: read.form.funds,
      action: !match.row ? 'needs-unit' : !match.row.formId ? 'create' : locked ? 'locked' : 'update',
      match: match.row ? { by: match.by, ...match.row } : null,
      form: read.form,
      evaluation: null,
      indicatorSources: read.indicatorSources,
      problems,
    };
  }

  /**
   * A past 自评表 (docs/domain.md §4.1): read with its printed scores, checked against the system's arithmetic under
   * the year's 评分规则, matched to its project as a goal sheet is. A project that already has a revision of the year
   * is `locked`: already imported (or filled in the system), and the confirm leaves it as it is.
   */
  private async previewEvaluation(
    sheet: string,
    grid: SheetGrid,
    lookups: GoalSheetLookups,
  ): Promise<ImportPreviewSheetDto> {
    const read = readEvaluationSheet(sheet, grid, lookups);
    const { project } = read.form;
    const match = await this.match(project.code.trim(), project.name.trim(), read.year);
    const policy = read.year === null ? null : await this.evaluations.policyOf(read.year);
    const comparison = policy ? compareWithPrinted(read, policy.policy) : null;
    const existing = match.row?.formId ? match.row : null;
    const problems = existing
      ? [
          {
            sheet,
            row: 1,
            column: 'A',
            severity: 'warning' as const,
            message: `已导入：该项目 ${read.year} 年度已有填报表（第 ${existing.revision} 版，${FORM_STATUS_LABELS[existing.status!]}），本表不会改动它`,
          },
          ...read.problems,
        ]
      : read.problems;
    return {
      sheet,
      kind: 'evaluation',
      name: project.name || null,
      code: project.code || null,
      year: read.year,
      indicatorCount: read.rows.length,
      amountUnit: read.amountUnit,
      funds: read.form.funds,
      action: !match.row ? 'needs-unit' : existing ? 'locked' : 'create',
      match: match.row ? { by: match.by, ...match.row } : null,
      form: read.form,
      evaluation: comparison && {
        funds: read.funds,
        actualGoal: read.actualGoal,
        printedGrade: read.printedGrade,
        budget: { ...comparison.budget, weight: read.printedBudgetWeight },
        total: comparison.total,
        rows: read.rows.map((row, i) => ({
          row: row.row,
          level1Code: row.level1Code,
          level2Code: row.level2Code,
          name: row.name,
          rawTarget: row.rawTarget,
          actualValue: row.actualValue,
          weight: row.weight,
          deviationReason: row.deviationReason,
          qualitative: comparison.rows[i].qualitative,
          printed: comparison.rows[i].printed,
          computed: comparison.rows[i].computed,
          difference: comparison.rows[i].difference,
        })),
        differences: comparison.differences,
      },
      indicatorSources: [],
      problems,
    };
  }

  /**
   * The year's taxonomy; a year without one yet gets the latest earlier year's, as opening the form would copy. A
   * past year before the system was used (a 自评表 imported as its record, docs/domain.md §4.1) has no earlier one:
   * it is read with the first year's.
   */
  private async taxonomyOf(year: number): Promise<TaxonomyNode[]> {
    const own = await this.catalog.taxonomy(year);
    if (own.length) return own;
    const years = await this.catalog.taxonomyYears();
    const nearest = years.find((y) => y < year) ?? years.at(-1);
    return nearest === undefined ? [] : this.catalog.taxonomy(nearest);
  }

  /**
   * POST /api/imports/:id/confirm: writes the stored preview's sheets the user kept, in the request's one transaction
   * (a refusal at any sheet leaves nothing of the others). Each form goes through the forms module's own save (its
   * checks, history and optimistic lock): `update` saves the matched draft at the rowVersion the preview saw (changed
   * since, or submitted: 409); `create` opens the year's form of the matched project first; `needs-unit` creates the
   * project in the chosen unit (inside the caller's scope) with its first draft. Only the creator, once, before it
   * expires.
   */
  async confirm(id: string, dto: ImportConfirmDto): Promise<ImportConfirmResultDto> {
    const { db, user } = tenantScope();
    const batch = await this.imports.lockBatchOfCreator(db, id, user.userId);
    if (!batch) throw new NotFoundException('导入记录不存在或无权访问');
    if (batch.confirmedAt) throw new ConflictException('这次导入已经确认过，不能再次确认；如需再导入，请重新上传文件');
    if (batch.expired)
      throw new ConflictException(`这次导入的预览已超过 ${IMPORT_BATCH_TTL_HOURS} 小时，已失效：请重新上传文件`);
    const { forms: sheets } = batch.preview as StoredPreview;

    const choices = new Map<string, { index: number; include: boolean; organizationId: string | null }>();
    const unknown: FieldError[] = [];
    (dto.sheets ?? []).forEach((choice, index) => {
      if (!sheets.some((s) => s.sheet === choice.sheet) || choices.has(choice.sheet))
        unknown.push({
          field: `sheets.${index}.sheet`,
          message: choices.has(choice.sheet) ? '同一工作表选了两次' : '本次导入没有这个工作表',
          value: choice.sheet,
        });
      else choices.set(choice.sheet, { index, include: choice.include, organizationId: choice.organizationId ?? null });
    });
    if (unknown.length) throw badRequestForFields(unknown);

    const results: ImportConfirmSheetDto[] = [];
    for (const sheet of sheets) {
      const choice = choices.get(sheet.sheet);
      const field = choice ? `sheets.${choice.index}` : 'sheets';
      if (choice && !choice.include) {
        results.push({ sheet: sheet.sheet, outcome: 'skipped', projectId: null, formId: null, evaluationId: null });
        continue;
      }
      const errors = sheet.problems.filter((p) => p.severity === 'error');
      if (!sheet.form || sheet.year === null || errors.length)
        throw badRequestForFields(
          [{ field, message: '该表有错误，不能导入', value: sheet.sheet }],
          `工作表「${sheet.sheet}」有 ${Math.max(errors.length, 1)} 处错误（${errors[0]?.message ?? '未读出填报表'}），不能导入：请改正后重新上传，或选择不导入该表`,
        );
      try {
        results.push(
          sheet.kind === 'evaluation'
            ? await this.writeEvaluation(sheet, sheet.year, choice?.organizationId ?? null, field)
            : await this.writeSheet(sheet, sheet.form, sheet.year, choice?.organizationId ?? null, field),
        );
      } catch (err) {
        throw err instanceof HttpException ? atSheet(err, sheet.sheet) : err;
      }
    }
    const result = { id, forms: results };
    await this.imports.markConfirmed(db, id, result);
    return result;
  }

  private async writeSheet(
    sheet: ImportPreviewSheetDto,
    form: ImportedFormDto,
    year: number,
    organizationId: string | null,
    field: string,
  ): Promise<ImportConfirmSheetDto> {
    const { match } = sheet;
    const done = (outcome: 'created' | 'updated', projectId: string, formId: string) => ({
      sheet: sheet.sheet,
      outcome,
      projectId,
      formId,
      evaluationId: null,
    });
    if (sheet.action === 'update' && match?.formId) {
      // The project's identity stays as it is: a sheet without 项目编码 (the official layout) matched by name.
      const current = await this.forms.get(match.formId);
      const indicators = keepIndicatorIds(form.indicators, current.indicators);
      await this.save(match.formId, { ...form, indicators }, match.code, match.rowVersion ?? 0);
      return done('updated', match.projectId, match.formId);
    }
    if (sheet.action === 'create' && match) {
      const opened = await this.forms.createForYear(match.projectId, year, false);
      await this.save(opened.id, form, match.code, opened.rowVersion);
      return done('created', match.projectId, opened.id);
    }
    if (sheet.action === 'needs-unit') {
      if (!organizationId)
        throw badRequestForFields(
          [{ field: `${field}.organizationId`, message: '请选择新项目所属的预算单位', value: sheet.sheet }],
          '未匹配到项目：请选择新项目所属的预算单位',
        );
      const { project } = form;
      const created = await this.projects.createImported(
        {
          organizationId,
          year,
          name: project.name,
          code: project.code.trim() || null,
          categoryCode: project.categoryCode,
          continuity: project.continuity,
          functionClassCode: project.functionClassCode,
          printedDepartment: project.printedDepartment,
          printedImplementingUnit: project.printedImplementingUnit,
          plannedStart: project.plannedStart,
          plannedEnd: project.plannedEnd,
        },
        { goalPeriodStart: form.goalPeriodStart, goalPeriodEnd: form.goalPeriodEnd },
      );
      await this.save(created.formId, form, created.code, 1);
      return done('created', created.id, created.formId);
    }
    throw new ConflictException('该表不会改动（已提交、审核中或已锁定）');
  }

  /**
   * A past 自评表 (docs/domain.md §4.1): its goal part saved as a goal sheet's would be (a new revision of the
   * matched project, or a new project in the chosen unit), then approved as imported — `finance_approved` and
   * `origin = 'imported'` with one `import` event, no 提交 or 审核 — and its 自评表 stored final on it. A project that
   * already has a revision of the year: nothing is written, the existing record is reported.
   */
  private async writeEvaluation(
    sheet: ImportPreviewSheetDto,
    year: number,
    organizationId: string | null,
    field: string,
  ): Promise<ImportConfirmSheetDto> {
    const { match, form, evaluation } = sheet;
    if (!form || !evaluation) throw new ConflictException('该表未读出自评表');
    if (sheet.action === 'locked' && match?.formId)
      return {
        sheet: sheet.sheet,
        outcome: 'exists',
        projectId: match.projectId,
        formId: match.formId,
        evaluationId: (await this.evaluations.idOfForm(match.projectId, year)) ?? null,
      };
    const written = await this.writeSheet(sheet, form, year, organizationId, field);
    const { db, user } = tenantScope();
    const rowVersion = await this.imports.approveImported(db, written.formId!, user.userId);
    if (rowVersion === undefined) throw new ConflictException('该表不会改动（已提交、审核中或已锁定）');
    await this.history.recordImport(
      written.formId!,
      'finance_approved',
      '导入的历史记录（由往年自评表导入，未经系统审核流程）',
      rowVersion,
    );
    const evaluationId = await this.evaluations.createImported(written.formId!, {
      annualBudget: evaluation.funds.annualBudget,
      executedAmount: evaluation.funds.executedAmount,
      actualGoal: evaluation.actualGoal,
      rows: evaluation.rows.map((r) => ({ ...r, score: r.printed })),
      printed: {
        budgetWeight: evaluation.budget.weight,
        budgetScore: evaluation.budget.printed,
        total: evaluation.total.printed,
        grade: evaluation.printedGrade,
      },
    });
    return { ...written, outcome: 'created', evaluationId };
  }

  /** The forms module's save of the imported content, validated as a PUT /api/forms/:id body is. */
  private async save(formId: string, form: ImportedFormDto, code: string, rowVersion: number): Promise<void> {
    await this.forms.saveImported(formId, { ...form, project: { ...form.project, code }, rowVersion });
  }

  /** By 项目编码 within the caller's scope, else by name among the caller's unit's projects. */
  private async match(
    code: string,
    name: string,
    year: number | null,
  ): Promise<{ by: 'code' | 'name'; row: ImportMatchRow | undefined }> {
    const { db, user } = tenantScope();
    if (code) {
      const row = await this.imports.byCode(db, user.scope, code, year);
      if (row) return { by: 'code', row };
    }
    const row = name ? await this.imports.byNameInUnit(db, user.scope, user.organizationId, name, year) : undefined;
    return { by: 'name', row };
  }
}

/** A refusal while writing a sheet, its message saying which sheet (the fields stay the form's own). */
function atSheet(err: HttpException, sheet: string): HttpException {
  const body = err.getResponse();
  const response = typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
  const message = typeof response.message === 'string' ? response.message : err.message;
  return new HttpException({ ...response, message: `工作表「${sheet}」：${message}` }, err.getStatus());
}
