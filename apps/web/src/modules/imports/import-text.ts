import type { ImportPreviewSheet, ImportProblem } from '@jxt/contracts';
import { ApiRequestError } from '../../api/http';

/** What each action means to the user, as the preview names it. */
export const ACTION_LABELS: Record<ImportPreviewSheet['action'], string> = {
  create: '新建',
  update: '更新',
  locked: '已锁定',
  'needs-unit': '新建项目',
};

export const ACTION_COLORS: Record<ImportPreviewSheet['action'], string> = {
  create: 'green',
  update: 'blue',
  locked: 'default',
  'needs-unit': 'gold',
};

export const KIND_LABELS: Record<ImportPreviewSheet['kind'], string> = {
  goal: '填报表',
  evaluation: '自评表',
};

export const SEVERITY_LABELS: Record<ImportProblem['severity'], string> = {
  error: '错误',
  warning: '提醒',
};

/** The cell as Excel names it: column letters, then the row (`C12`). */
export const cellName = (problem: Pick<ImportProblem, 'row' | 'column'>) => `${problem.column}${problem.row}`;

/** Which files the page takes: the workbook format the importer reads (.xlsx); a .xls must be saved again first. */
export function refuseFile(file: Pick<File, 'name' | 'size'>, maxBytes?: number): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) {
    if (file.size === 0) return `文件“${file.name}”是空的，请重新选择`;
    if (maxBytes !== undefined && file.size > maxBytes)
      return `文件“${file.name}”超过 ${megabytes(maxBytes)}，未上传：请拆分工作簿后分次导入`;
    return null;
  }
  if (name.endsWith('.xls') || name.endsWith('.et'))
    return `“${file.name}”是旧版 Excel/WPS 格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`;
  return `“${file.name}”不是 .xlsx 文件：只能导入 Excel 工作簿（.xlsx）`;
}

/**
 * An upload's refusal in the user's words: the server's messages at `file` (not an xlsx, empty, broken), its 413
 * (too large), or, when a proxy answered without the API's body, what the status means.
 */
export function uploadErrorMessages(error: Error): string[] {
  if (!(error instanceof ApiRequestError)) return ['无法连接服务器，文件未上传，请稍后重试'];
  const fields = (error.body.fields ?? []).map((field) => field.message).filter(Boolean);
  if (fields.length) return fields;
  const generic = !error.body.message || /^请求失败（\d+）$/.test(error.body.message);
  if (error.status === 413)
    return [generic ? '文件超过上传大小上限，未读取：请拆分工作簿后分次导入' : error.body.message];
  if (error.status === 403) return [generic ? '无权导入' : error.body.message];
  return [generic ? `上传失败（${error.status}），请稍后重试` : error.body.message];
}

/** A confirm's refusal: the message names the sheet (400), or says the batch is expired, used or changed (409). */
export function confirmErrorMessage(error: Error): string {
  if (!(error instanceof ApiRequestError)) return '无法连接服务器，未导入任何内容，请稍后重试';
  const fields = (error.body.fields ?? []).map((field) => field.message);
  return [error.body.message, ...fields.filter((message) => message && message !== error.body.message)].join('；');
}

/** A size limit as the pages say it: whole MB as the setting IMPORT_MAX_MB gives it. */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
