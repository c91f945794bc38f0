import { ConflictException, Injectable } from '@nestjs/common';
import {
  ORGANIZATION_CHILD_KINDS,
  ORGANIZATION_KIND_LABELS,
  ROLE_LABELS,
  ROLES,
  type CodeListItem,
  type Organization,
  type OrganizationKind,
  type Role,
} from '@jxt/contracts';
import { checkFilerPhone, decideRoleGrant } from '@jxt/domain';
import { badRequestForFields } from '../../common/http/validation';
import { tenantScope } from '../../common/tenancy/request-context';
import { CatalogService } from '../catalog/catalog.service';
import type { UploadedSheet } from '../imports/uploaded-workbook.service';
import { FinanceDivisionsService } from '../organizations/finance-divisions.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import type {
  OnboardingOrganizationRowDto,
  OnboardingPreviewDto,
  OnboardingProblemDto,
  OnboardingResultDto,
  OnboardingUserRowDto,
} from './dto/onboarding.response';
import {
  IMPORTABLE_KINDS,
  ORGANIZATION_COLUMNS,
  ORGANIZATION_SHEET,
  USER_COLUMNS,
  USER_SHEET,
  onboardingTemplate,
} from './onboarding-template';
import { OnboardingRepository } from './onboarding.repository';
import type ExcelJS from 'exceljs';

/** Same rule as 用户管理's CreateUserDto (kept in step by the integration test of a bad name). */
const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{2,64}$/;
const MAX_ROWS = 2000;

const columnLetter = (index: number) => String.fromCharCode(65 + index);
const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const compact = (text: string) => text.replace(/\s+/g, '');

/** A node of the tree the workbook builds: an organisation that exists, or a row of the 组织 sheet. */
type NodeRef = { existing: Organization } | { row: OrganizationRow };

interface OrganizationRow {
  row: number;
  name: string;
  kind: OrganizationKind | null;
  parentName: string;
  unitTypeCode: string | null;
  divisionId: string | null;
  divisionName: string | null;
  sortOrder: number;
  /** Resolved below: the parent, the organisation it already is, whether it has an error. */
  parent?: NodeRef | null;
  existing?: Organization | null;
  failed: boolean;
  /** The same name under the same parent as an earlier row: reported, and never what a name refers to. */
  duplicate?: boolean;
  resolving?: boolean;
}

interface UserRow {
  row: number;
  /** Where its 用户名 is (`用户!A3`): a name taken in another tenant is refused there at the insert. */
  usernameCell: string;
  username: string;
  displayName: string;
  organizationName: string;
  organization: NodeRef | null;
  roles: Role[];
  phone: string | null;
  action: 'create' | 'exists' | 'error';
}

/** The whole reading of one workbook: what it would create, and every problem. */
interface Plan {
  organizations: OrganizationRow[];
  users: UserRow[];
  problems: OnboardingProblemDto[];
}

/** The names a workbook may use, looked up once each (a district has thousands of organisations and rows). */
interface Known {
  all: Organization[];
  byName: Map<string, Organization[]>;
  /** `parentId NUL name`: the organisation a row already is. */
  child: Map<string, Organization>;
  rowsByName: Map<string, OrganizationRow[]>;
}

function known(existing: Organization[], rows: OrganizationRow[]): Known {
  const group = <T>(items: T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  return {
    all: existing,
    byName: group(existing, (o) => compact(o.name)),
    child: new Map(existing.map((o) => [`${o.parentId}\u0000${compact(o.name)}`, o])),
    rowsByName: group(rows, (r) => compact(r.name)),
  };
}

const nodeKind = (node: NodeRef): OrganizationKind | null => ('existing' in node ? node.existing.kind : node.row.kind);
const nodeName = (node: NodeRef) => ('existing' in node ? node.existing.name : node.row.name);

/**
 * 批量导入 (issue 13 point 7): a district's organisation tree and users from one workbook. The preview writes
 * nothing; the confirm reads the same file again and creates everything through OrganizationsService,
 * FinanceDivisionsService and UsersService (their rules and scope) in the request's one transaction.
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly organizations: OrganizationsService,
    private readonly divisions: FinanceDivisionsService,
    private readonly users: UsersService,
    private readonly repository: OnboardingRepository,
  ) {}

  async template(): Promise<ExcelJS.Workbook> {
    return onboardingTemplate(await this.catalog.codeLists('unit_type'));
  }

  async preview(sheets: UploadedSheet[]): Promise<OnboardingPreviewDto> {
    const plan = await this.plan(sheets);
    return {
      organizations: plan.organizations.map((o): OnboardingOrganizationRowDto => ({
        row: o.row,
        name: o.name,
        kind: o.kind,
        parentName: o.parentName || null,
        unitTypeCode: o.unitTypeCode,
        divisionName: o.divisionName,
        action: o.failed ? 'error' : o.existing ? 'exists' : 'create',
        existingId: o.existing?.id ?? null,
      })),
      users: plan.users.map((u): OnboardingUserRowDto => ({
        row: u.row,
        username: u.username,
        displayName: u.displayName,
        organizationName: u.organizationName,
        roles: u.roles,
        phone: u.phone,
        action: u.action,
      })),
      problems: plan.problems,
    };
  }

  /** Everything or nothing: any error refuses the whole file (400 naming each cell), before anything is written. */
  async confirm(sheets: UploadedSheet[]): Promise<OnboardingResultDto> {
    const plan = await this.plan(sheets);
    const errors = plan.problems.filter((p) => p.severity === 'error');
    if (errors.length)
      throw badRequestForFields(
        errors.map((p) => ({ field: `${p.sheet}!${p.column}${p.row}`, message: p.message })),
        `工作簿有 ${errors.length} 处错误，未导入任何内容：` +
          errors
            .slice(0, 5)
            .map((p) => `${p.sheet}!${p.column}${p.row} ${p.message}`)
            .join('；'),
      );

    const result: OnboardingResultDto = { organizations: [], users: [] };
    const created = new Map<OrganizationRow, Organization>();
    const idOf = (node: NodeRef) =>
      'existing' in node ? node.existing.id : (node.row.existing ?? created.get(node.row))!.id;
    // Parents first: a row waits until the row it hangs under is created.
    const pending = plan.organizations.filter((o) => !o.existing);
    while (pending.length) {
      const next = pending.findIndex(
        (o) => 'existing' in o.parent! || o.parent!.row.existing || created.has(o.parent!.row),
      );
      // The plan has no error, so every parent is an organisation or an earlier row: never reached.
      if (next < 0) throw new Error('onboarding: a row whose parent is never created');
      const [row] = pending.splice(next, 1);
      const organization = await this.organizations.create({
        parentId: idOf(row.parent!),
        kind: row.kind!,
        name: row.name,
        unitTypeCode: row.unitTypeCode,
        sortOrder: row.sortOrder,
      });
      created.set(row, organization);
      result.organizations.push({
        row: row.row,
        id: organization.id,
        name: organization.name,
        kind: organization.kind,
        parentId: organization.parentId!,
      });
    }

    // 归口财政科室: each division keeps the 主管部门 it reviews and gains the new ones.
    const byDivision = new Map<string, string[]>();
    for (const row of plan.organizations)
      if (row.divisionId) {
        const id = (row.existing ?? created.get(row))!.id;
        byDivision.set(row.divisionId, [...(byDivision.get(row.divisionId) ?? []), id]);
      }
    if (byDivision.size) {
      const current = await this.divisions.list();
      for (const [divisionId, departmentIds] of byDivision) {
        const had = current.find((d) => d.divisionId === divisionId)?.departmentIds ?? [];
        if (departmentIds.some((id) => !had.includes(id)))
          await this.divisions.assign(divisionId, [...had, ...departmentIds]);
      }
    }

    for (const user of plan.users.filter((u) => u.action === 'create')) {
      const organizationId = idOf(user.organization!);
      const made = await this.users
        .create({
          username: user.username,
          displayName: user.displayName,
          organizationId,
          roles: user.roles,
          ...(user.phone && { phone: user.phone }),
        })
        .catch((err: unknown) => {
          // User names are unique across tenants: one of another tenant is only found here (409 at its cell).
          const fields =
            err instanceof ConflictException && (err.getResponse() as { fields?: { field: string }[] }).fields;
          if (!fields || fields[0]?.field !== 'username') throw err;
          const message = '用户名已被占用';
          throw new ConflictException({
            message: `${user.usernameCell} ${message}：未导入任何内容`,
            fields: [{ field: user.usernameCell, message, value: user.username }],
          });
        });
      result.users.push({
        row: user.row,
        id: made.id,
        username: made.username,
        displayName: made.displayName,
        organizationId,
        organizationName: nodeName(user.organization!),
        roles: made.roles,
        initialPassword: made.initialPassword!,
      });
    }
    return result;
  }

  private async plan(sheets: UploadedSheet[]): Promise<Plan> {
    const problems: OnboardingProblemDto[] = [];
    const problem = (
      sheet: string,
      row: number,
      column: number,
      message: string,
      severity: 'error' | 'warning' = 'error',
    ) => problems.push({ sheet, row, column: columnLetter(column), severity, message });

    const organizationSheet = sheets.find((s) => compact(s.name) === ORGANIZATION_SHEET);
    const userSheet = sheets.find((s) => compact(s.name) === USER_SHEET);
    if (!organizationSheet && !userSheet)
      problem(
        sheets[0]?.name ?? ORGANIZATION_SHEET,
        1,
        0,
        `工作簿中没有“${ORGANIZATION_SHEET}”或“${USER_SHEET}”工作表：请使用下载的模板`,
      );

    // In turn: one transaction runs one statement at a time (database/access/db.ts).
    const existing = await this.organizations.list();
    const unitTypes = await this.catalog.codeLists('unit_type');
    const divisions = await this.divisions.list();
    const read = organizationSheet ? this.readOrganizations(organizationSheet, unitTypes, divisions, problem) : null;
    const organizations = read?.rows ?? [];
    const names = known(existing, organizations);
    if (read) this.resolveTree(organizationSheet!.name, read.at, organizations, names, problem);
    const users = userSheet ? await this.readUsers(userSheet, names, problem) : [];
    problems.sort((a, b) =>
      a.sheet === b.sheet ? a.row - b.row || a.column.localeCompare(b.column) : a.sheet === ORGANIZATION_SHEET ? -1 : 1,
    );
    return { organizations, users, problems };
  }

  /** The heading row (one of the first five) and the column of each label; a missing heading is a problem. */
  private columns<L extends Record<string, string>>(
    sheet: UploadedSheet,
    labels: L,
    required: (keyof L)[],
    problem: (sheet: string, row: number, column: number, message: string) => void,
  ): { headingRow: number; at: Record<keyof L, number> } | null {
    const first = labels[required[0]];
    const headingRow = sheet.grid.slice(0, 5).findIndex((cells) => cells.some((c) => compact(c) === first));
    if (headingRow < 0) {
      problem(sheet.name, 1, 0, `找不到表头“${first}”：请使用下载的模板`);
      return null;
    }
    const heading = sheet.grid[headingRow].map(compact);
    const at = {} as Record<keyof L, number>;
    for (const key of Object.keys(labels) as (keyof L)[]) {
      at[key] = heading.indexOf(labels[key]);
      if (at[key] < 0 && required.includes(key)) problem(sheet.name, headingRow + 1, 0, `缺少“${labels[key]}”列`);
    }
    return required.every((key) => at[key] >= 0) ? { headingRow, at } : null;
  }

  /** The data rows after the heading: blank rows are skipped; more than MAX_ROWS is refused. */
  private dataRows(
    sheet: UploadedSheet,
    headingRow: number,
    problem: (sheet: string, row: number, column: number, message: string) => void,
  ): { row: number; cells: readonly string[] }[] {
    const rows = sheet.grid
      .map((cells, index) => ({ row: index + 1, cells }))
      .slice(headingRow + 1)
      .filter(({ cells }) => cells.some((c) => clean(c) !== ''));
    if (rows.length > MAX_ROWS) {
      problem(sheet.name, rows[MAX_ROWS].row, 0, `一次最多导入 ${MAX_ROWS} 行，请分批导入`);
      return rows.slice(0, MAX_ROWS);
    }
    return rows;
  }

  private readOrganizations(
    sheet: UploadedSheet,
    unitTypes: CodeListItem[],
    divisions: { divisionId: string; name: string }[],
    problem: (sheet: string, row: number, column: number, message: string) => void,
  ): { rows: OrganizationRow[]; at: Record<keyof typeof ORGANIZATION_COLUMNS, number> } | null {
    const found = this.columns(sheet, ORGANIZATION_COLUMNS, ['name', 'kind', 'parent'], problem);
    if (!found) return null;
    const { at } = found;
    const kindByLabel = new Map(IMPORTABLE_KINDS.map((kind) => [ORGANIZATION_KIND_LABELS[kind], kind]));
    const rows: OrganizationRow[] = [];
    for (const { row, cells } of this.dataRows(sheet, found.headingRow, problem)) {
      const cell = (column: number) => (column >= 0 ? clean(cells[column]) : '');
      const say = (column: number, message: string) => {
        problem(sheet.name, row, column, message);
        entry.failed = true;
      };
      const entry: OrganizationRow = {
        row,
        name: cell(at.name),
        kind: null,
        parentName: cell(at.parent),
        unitTypeCode: null,
        divisionId: null,
        divisionName: cell(at.division) || null,
        sortOrder: 0,
        failed: false,
      };
      rows.push(entry);
      if (!entry.name) say(at.name, '请填写组织名称');
      else if (entry.name.length > 200) say(at.name, '组织名称最多 200 个字符');
      const kindText = compact(cell(at.kind));
      entry.kind = kindByLabel.get(kindText) ?? null;
      if (!kindText) say(at.kind, '请填写组织类型');
      else if (!entry.kind) say(at.kind, `组织类型“${kindText}”不对：应为${[...kindByLabel.keys()].join('、')}之一`);

      const unitType = cell(at.unitType);
      if (unitType) {
        const item = unitTypes.find((t) => t.code === unitType || compact(t.label) === compact(unitType));
        if (entry.kind && entry.kind !== 'unit') say(at.unitType, '只有预算单位有单位类型');
        else if (!item) say(at.unitType, `单位类型“${unitType}”不在代码表中`);
        else entry.unitTypeCode = item.code;
      }
      if (entry.divisionName) {
        const matches = divisions.filter((d) => compact(d.name) === compact(entry.divisionName!));
        if (entry.kind && entry.kind !== 'department') say(at.division, '只有主管部门填写归口财政科室');
        else if (matches.length === 0) say(at.division, `财政科室“${entry.divisionName}”不存在或不在本人管理范围内`);
        else if (matches.length > 1) say(at.division, `有 ${matches.length} 个财政科室名为“${entry.divisionName}”`);
        else entry.divisionId = matches[0].divisionId;
      }
      const sort = cell(at.sortOrder);
      if (sort) {
        if (/^\d{1,9}$/.test(sort)) entry.sortOrder = Number(sort);
        else say(at.sortOrder, '排序应为非负整数');
      }
    }
    // The same name under the same parent twice in the sheet: the second would be created as well.
    const seen = new Map<string, number>();
    for (const entry of rows) {
      const key = `${compact(entry.parentName)}\u0000${compact(entry.name)}`;
      const first = seen.get(key);
      if (first !== undefined && entry.name) {
        problem(sheet.name, entry.row, at.name, `与第 ${first} 行重复：同一上级下的组织名称不能相同`);
        entry.failed = true;
        entry.duplicate = true;
      } else seen.set(key, entry.row);
    }
    return { rows, at };
  }

  /**
   * Each row's parent: an organisation in the caller's scope or another row, found by name (in any order); then
   * whether the row already exists (the same name under the same parent), and whether its kind may sit there.
   */
  private resolveTree(
    sheet: string,
    at: Record<keyof typeof ORGANIZATION_COLUMNS, number>,
    rows: OrganizationRow[],
    names: Known,
    problem: (sheet: string, row: number, column: number, message: string) => void,
  ): void {
    const { user } = tenantScope();
    const own = names.all.find((o) => o.id === user.organizationId);
    const say = (row: OrganizationRow, column: keyof typeof ORGANIZATION_COLUMNS, message: string) => {
      problem(sheet, row.row, at[column], message);
      row.failed = true;
    };
    const resolve = (row: OrganizationRow): void => {
      if (row.parent !== undefined || row.resolving) return;
      row.resolving = true;
      const found = row.parentName
        ? this.findNode(row.parentName, names, resolve, row)
        : own
          ? { existing: own }
          : null;
      row.resolving = false;
      row.parent = typeof found === 'string' || !found ? null : found;
      if (typeof found === 'string') say(row, 'parent', found);
      const parent = row.parent;
      if (!parent) {
        if (!found) say(row, 'parent', '找不到上级组织');
        return;
      }
      if (!row.name || !row.kind) return;
      const parentKind = nodeKind(parent);
      // The row exists when its parent exists and has a child of that name.
      const parentId = 'existing' in parent ? parent.existing.id : parent.row.existing?.id;
      row.existing = parentId ? (names.child.get(`${parentId}\u0000${compact(row.name)}`) ?? null) : null;
      if (row.existing && row.existing.kind !== row.kind)
        say(
          row,
          'kind',
          `“${nodeName(parent)}”下已有“${row.name}”，其类型为${ORGANIZATION_KIND_LABELS[row.existing.kind]}`,
        );
      else if (parentKind && !ORGANIZATION_CHILD_KINDS[parentKind].includes(row.kind)) {
        const allowed = ORGANIZATION_CHILD_KINDS[parentKind];
        say(
          row,
          'kind',
          allowed.length
            ? `${ORGANIZATION_KIND_LABELS[parentKind]}“${nodeName(parent)}”之下只能设${allowed.map((k) => ORGANIZATION_KIND_LABELS[k]).join('或')}`
            : `${ORGANIZATION_KIND_LABELS[parentKind]}“${nodeName(parent)}”之下不能再设组织`,
        );
      } else if ('existing' in parent && parent.existing.disabled && !row.existing)
        say(row, 'parent', `“${parent.existing.name}”已停用，不能在其下新增组织`);
      else if (!('existing' in parent) && parent.row.failed && !row.existing)
        say(row, 'parent', `上级组织“${parent.row.name}”（第 ${parent.row.row} 行）有错误`);
    };
    for (const row of rows) resolve(row);
  }

  /**
   * The one node a name means: an existing organisation in scope or a row of the 组织 sheet (a row that already
   * exists counts once). A message when there is none or more than one.
   */
  private findNode(
    name: string,
    names: Known,
    resolve: (row: OrganizationRow) => void,
    asking?: OrganizationRow,
  ): NodeRef | string {
    const key = compact(name);
    const matches: NodeRef[] = (names.byName.get(key) ?? []).map((o) => ({ existing: o }));
    let cycle = false;
    for (const row of names.rowsByName.get(key) ?? []) {
      if (row === asking || row.duplicate) continue;
      // A row still looking for its own parent names this one's: the two are each other's ancestors.
      if (row.resolving) {
        cycle = true;
        continue;
      }
      resolve(row);
      if (row.existing) {
        if (!matches.some((m) => 'existing' in m && m.existing.id === row.existing!.id))
          matches.push({ existing: row.existing });
      } else matches.push({ row });
    }
    if (matches.length === 1) return matches[0];
    if (matches.length === 0 && cycle) return `上级组织形成循环（“${name}”是本行的下级）`;
    if (matches.length === 0) return `找不到组织“${name}”（本人管理范围内，或组织表中）`;
    return `有 ${matches.length} 个组织名为“${name}”，无法确定是哪一个：请先在组织管理中改名`;
  }

  private async readUsers(
    sheet: UploadedSheet,
    names: Known,
    problem: (sheet: string, row: number, column: number, message: string, severity?: 'error' | 'warning') => void,
  ): Promise<UserRow[]> {
    const found = this.columns(sheet, USER_COLUMNS, ['username', 'displayName', 'organization', 'roles'], problem);
    if (!found) return [];
    const { at } = found;
    const { user: admin, db } = tenantScope();
    const roleByLabel = new Map(ROLES.map((role) => [ROLE_LABELS[role], role]));
    const noResolve = () => undefined;
    const rows: UserRow[] = [];
    for (const { row, cells } of this.dataRows(sheet, found.headingRow, problem)) {
      const cell = (column: number) => (column >= 0 ? clean(cells[column]) : '');
      const entry: UserRow = {
        row,
        usernameCell: `${sheet.name}!${columnLetter(at.username)}${row}`,
        username: cell(at.username).toLowerCase(),
        displayName: cell(at.displayName),
        organizationName: cell(at.organization),
        organization: null,
        roles: [],
        phone: cell(at.phone) || null,
        action: 'create',
      };
      rows.push(entry);
      const say = (column: number, message: string) => {
        problem(sheet.name, row, column, message);
        entry.action = 'error';
      };
      if (!entry.username) say(at.username, '请填写用户名');
      else if (!USERNAME_PATTERN.test(entry.username)) say(at.username, '用户名只能用 2–64 个字母、数字或 . _ @ -');
      if (!entry.displayName) say(at.displayName, '请填写姓名');
      else if (entry.displayName.length > 100) say(at.displayName, '姓名最多 100 个字符');
      if (entry.phone) {
        const bad = checkFilerPhone(entry.phone);
        if (bad) say(at.phone, bad);
      }
      const labels = cell(at.roles)
        .split(/[、，,;；\s]+/)
        .filter(Boolean);
      for (const label of labels) {
        const role = roleByLabel.get(label);
        if (!role) say(at.roles, `角色“${label}”不对：应为${[...roleByLabel.keys()].join('、')}之一`);
        else if (!entry.roles.includes(role)) entry.roles.push(role);
      }
      if (!labels.length) say(at.roles, '请至少填写一个角色');

      if (!entry.organizationName) say(at.organization, '请填写所属组织');
      else {
        const node = this.findNode(entry.organizationName, names, noResolve);
        if (typeof node === 'string') say(at.organization, node);
        else {
          entry.organization = node;
          if ('existing' in node && node.existing.disabled)
            say(at.organization, `“${node.existing.name}”已停用，不能新增用户`);
          else if (!('existing' in node) && node.row.failed)
            say(at.organization, `所属组织“${node.row.name}”（组织表第 ${node.row.row} 行）有错误`);
          const kind = nodeKind(node);
          if (kind && entry.roles.length) {
            // The same rule as 用户管理's 新增用户 (libs/domain, docs/domain.md §1).
            const decision = decideRoleGrant({
              granter: { userId: admin.userId, organizationKind: admin.organizationKind },
              target: { userId: null, currentRoles: null, organizationKind: kind },
              roles: entry.roles,
            });
            if (!decision.ok) say(at.roles, decision.message);
          }
        }
      }
    }
    // The same user name twice in the file, or one the tenant already has.
    const first = new Map<string, number>();
    for (const entry of rows) {
      if (!entry.username) continue;
      const seen = first.get(entry.username);
      if (seen !== undefined) {
        problem(sheet.name, entry.row, at.username, `用户名与第 ${seen} 行重复`);
        entry.action = 'error';
      } else first.set(entry.username, entry.row);
    }
    const taken = new Map(
      (await this.repository.takenUsernames(db, admin.scope, [...first.keys()])).map((t) => [t.username, t]),
    );
    for (const entry of rows) {
      const hit = taken.get(entry.username);
      if (!hit || first.get(entry.username) !== entry.row) continue;
      if (!hit.inScope) {
        problem(sheet.name, entry.row, at.username, '用户名已被占用');
        entry.action = 'error';
      } else if (entry.action !== 'error') {
        entry.action = 'exists';
        problem(sheet.name, entry.row, at.username, '用户已存在，不会修改', 'warning');
      }
    }
    return rows;
  }
}
