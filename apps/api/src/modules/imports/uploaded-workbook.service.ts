import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { SheetGrid } from '@jxt/domain';
import { badRequestForFields } from '../../common/http/validation';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { sheetGrid, storable } from './sheet-grid';
import { readUploadedFile } from './upload';
import { checkWorkbookFile } from './workbook-guard';

/** One worksheet of an uploaded workbook as the readers take it: its name and its cells' text. */
export interface UploadedSheet {
  name: string;
  grid: SheetGrid;
}

/**
 * An uploaded .xlsx read the way 导入 reads it (the same multipart field, size limit IMPORT_MAX_MB, the same guard
 * against encrypted files, zip bombs and too many sheets, the same cell text), for other modules that take a workbook
 * (批量导入 of organisations and users).
 */
@Injectable()
export class UploadedWorkbookService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async read(request: FastifyRequest): Promise<UploadedSheet[]> {
    const file = await readUploadedFile(request, this.config.importMaxBytes);
    await checkWorkbookFile(file);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw badRequestForFields([
        { field: 'file', message: '不是有效的 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入' },
      ]);
    }
    return workbook.worksheets.map((sheet) => ({ name: storable(sheet.name), grid: sheetGrid(sheet) }));
  }
}
