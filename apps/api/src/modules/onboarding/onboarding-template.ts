import ExcelJS from 'exceljs';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  ROLE_LABELS,
  ROLES,
  type CodeListItem,
  type Role,
} from '@jxt/contracts';
import { ROLES_AT, ROLES_GRANTED_BELOW_FINANCE } from '@jxt/domain';

/** The sheets and columns of the 批量导入 workbook: the template writes them, the reader finds them by these labels. */
export const ORGANIZATION_SHEET = '组织';
export const USER_SHEET = '用户';
export const GUIDE_SHEET = '说明';

export const ORGANIZATION_COLUMNS = {
  name: '组织名称',
  kind: '组织类型',
  parent: '上级组织',
  unitType: '单位类型',
  division: '归口财政科室',
  sortOrder: '排序',
} as const;

export const USER_COLUMNS = {
  username: '用户名',
  displayName: '姓名',
  organization: '所属组织',
  roles: '角色',
  phone: '手机',
} as const;

/** The kinds a workbook may create: the 财政局 is the tenant's root and exists already. */
export const IMPORTABLE_KINDS = ['finance_division', 'department', 'unit', 'internal'] as const;

const ROWS_WITH_LISTS = 2000;

/** Where a role may be held (libs/domain's ROLES_AT) and who may grant it. */
function roleNote(role: Role): string {
  const kinds = ORGANIZATION_KINDS.filter((kind) => ROLES_AT[kind].includes(role));
  const where = kinds.map((kind) => ORGANIZATION_KIND_LABELS[kind]).join('、');
  return ROLES_GRANTED_BELOW_FINANCE.includes(role) ? where : `${where}（只有财政局、财政科室的管理员可授予）`;
}

function headings(sheet: ExcelJS.Worksheet, labels: readonly string[], widths: readonly number[]): void {
  sheet.columns = labels.map((header, i) => ({ header, width: widths[i] }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** exceljs keeps a sheet's validations by address; a range as one key writes one rule (and adds no rows). */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** A drop-down on rows 2…: `strict` false still lets the cell take other text (several roles joined by 、). */
function listValidation(sheet: ExcelJS.Worksheet, column: string, formula: string, strict: boolean, prompt: string) {
  (sheet as WithValidations).dataValidations.add(`${column}2:${column}${ROWS_WITH_LISTS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    promptTitle: sheet.getCell(`${column}1`).text,
    prompt,
    showErrorMessage: strict,
    errorStyle: 'stop',
    errorTitle: '不在可选范围内',
    error: '请从下拉列表中选择',
  });
}

/**
 * GET /api/onboarding/template.xlsx: 组织 and 用户 with bold headings and drop-downs, and 说明 with how to fill them
 * and the lists they draw on (单位类型 from the tenant's code list, the role labels).
 */
export function onboardingTemplate(unitTypes: readonly CodeListItem[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效通';
  workbook.created = new Date();

  const organizations = workbook.addWorksheet(ORGANIZATION_SHEET);
  headings(organizations, Object.values(ORGANIZATION_COLUMNS), [30, 14, 30, 22, 22, 8]);
  const users = workbook.addWorksheet(USER_SHEET);
  headings(users, Object.values(USER_COLUMNS), [20, 14, 30, 30, 16]);

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 26 }, { width: 90 }];
  const lines: [string, string][] = [
    ['如何填写', ''],
    [
      '组织表',
      '每行一个组织。上级组织填组织名称：可以是系统中已有的组织（本人管理范围内），也可以是本表中的另一行（顺序不限）。',
    ],
    ['', '上级组织留空表示本人所在的组织。同一上级下同名的组织已存在时不会重复新建（同一文件可以再次导入）。'],
    [
      '',
      `组织类型：${IMPORTABLE_KINDS.map((k) => ORGANIZATION_KIND_LABELS[k]).join('、')}。财政局之下设财政科室或主管部门，主管部门之下设预算单位，预算单位之下设内设机构。`,
    ],
    [
      '',
      '单位类型只填预算单位，取下方“单位类型”列表中的名称或代码。归口财政科室只填主管部门：审核该部门的财政科室名称。',
    ],
    ['', '排序为非负整数，可留空。'],
    ['用户表', '每行一个用户。用户名 2–64 个字母、数字或 . _ @ -，不区分大小写，全系统唯一；已存在的用户不会修改。'],
    ['', '所属组织填组织名称（已有的组织或组织表中的一行）。角色可填多个，用“、”或“，”分隔。'],
    ['', '手机可留空。系统为每个新用户生成初始密码，导入完成后只显示一次，用户首次登录须修改。'],
    [
      '导入',
      '上传后先预览：列出将新建的组织和用户及每个问题所在的工作表、行、列；确认后一次写入，有错误时不写入任何内容。',
    ],
    ['', ''],
    ['角色', '可授予的组织'],
    ...ROLES.map((role): [string, string] => [ROLE_LABELS[role], '']),
    ['', ''],
    ['单位类型', '代码'],
  ];
  guide.addRows(lines);
  const roleStart = lines.findIndex(([label]) => label === '角色') + 2;
  ROLES.forEach((role, i) => (guide.getCell(`B${roleStart + i}`).value = roleNote(role)));
  const unitTypeStart = guide.rowCount + 1;
  for (const item of unitTypes) guide.addRow([item.label, item.code]);
  for (const r of [1, roleStart - 1, unitTypeStart - 1]) guide.getRow(r).font = { bold: true };
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const kinds = IMPORTABLE_KINDS.map((k) => ORGANIZATION_KIND_LABELS[k]).join(',');
  listValidation(organizations, 'B', `"${kinds}"`, true, '从列表中选择组织类型');
  if (unitTypes.length)
    listValidation(
      organizations,
      'D',
      `${GUIDE_SHEET}!$A$${unitTypeStart}:$A$${unitTypeStart + unitTypes.length - 1}`,
      false,
      '仅预算单位填写：从列表中选择（或填代码）',
    );
  listValidation(
    users,
    'D',
    `${GUIDE_SHEET}!$A$${roleStart}:$A$${roleStart + ROLES.length - 1}`,
    false,
    '从列表中选择；多个角色用“、”分隔',
  );
  return workbook;
}
