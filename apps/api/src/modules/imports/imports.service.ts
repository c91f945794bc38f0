import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { countIndicators, emptyFunds, findSheetYear, isLocked, readGoalSheet, type SheetGrid } from '@jxt/domain';
import { badRequestForFields } from '../../common/http/validation';
import { tenantScope } from '../../common/tenancy/request-context';
import { CatalogService } from '../catalog/catalog.service';
import type { ImportPreviewDto, ImportPreviewSheetDto, ImportProblemDto } from './dto/import-preview.response';
import { ImportRepository, type ImportMatchRow } from './import.repository';
import { sheetGrid } from './sheet-grid';

/** A 自评表 sheet: its title in the first rows says so. */
const isEvaluationSheet = (grid: SheetGrid) =>
  grid.slice(0, 5).some((row) => row.some((cell) => /自评表/.test(cell.replace(/\s+/g, ''))));

/**
 * 导入 (issue 13 points 2–3, first step): reads every sheet of an .xlsx into the form it would save and finds the
 * project it belongs to, inside the caller's scope. Writes nothing; confirming is a later step.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly imports: ImportRepository,
  ) {}

  async preview(file: unknown): Promise<ImportPreviewDto> {
    if (!Buffer.isBuffer(file) || file.length === 0)
      throw badRequestForFields([{ field: 'file', message: '请上传 .xlsx 文件（Excel 工作簿）' }]);
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
    for (const worksheet of workbook.worksheets)
      forms.push(await this.previewSheet(worksheet.name, sheetGrid(worksheet)));
    const problems: ImportProblemDto[] = forms.length
      ? []
      : [{ sheet: '', row: 1, column: 'A', severity: 'error', message: '工作簿中没有工作表' }];
    return { forms, problems };
  }

  private async previewSheet(sheet: string, grid: SheetGrid): Promise<ImportPreviewSheetDto> {
    const year = findSheetYear(grid);
    if (isEvaluationSheet(grid))
      return {
        sheet,
        kind: 'evaluation',
        name: null,
        code: null,
        year,
        indicatorCount: 0,
        amountUnit: '元',
        funds: emptyFunds(),
        action: 'needs-unit',
        match: null,
        form: null,
        indicatorSources: [],
        problems: [{ sheet, row: 1, column: 'A', severity: 'error', message: '自评表的导入尚未提供，本表未读取' }],
      };

    const [taxonomy, categories, functionClasses] = await Promise.all([
      year === null ? Promise.resolve([]) : this.catalog.taxonomy(year),
      this.catalog.codeLists('project_category', year ?? undefined),
      this.catalog.codeLists('function_class', year ?? undefined),
    ]);
    const read = readGoalSheet(sheet, grid, { taxonomy, categories, functionClasses });
    const { project } = read.form;
    const match = await this.match(project.code.trim(), project.name.trim(), read.year);
    const counts = countIndicators(read.form.indicators);
    return {
      sheet,
      kind: 'goal',
      name: project.name || null,
      code: project.code || null,
      year: read.year,
      indicatorCount: counts.total,
      amountUnit: read.amountUnit,
      funds: read.form.funds,
      action: !match.row
        ? 'needs-unit'
        : !match.row.formId
          ? 'create'
          : match.row.status && isLocked(match.row.status)
            ? 'locked'
            : 'update',
      match: match.row ? { by: match.by, ...match.row } : null,
      form: read.form,
      indicatorSources: read.indicatorSources,
      problems: read.problems,
    };
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
