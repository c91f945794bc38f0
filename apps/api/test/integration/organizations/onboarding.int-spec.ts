import ExcelJS from 'exceljs';
import type { ApiError, CreatedUser, FinanceDivision, Organization, User } from '@jxt/contracts';
import { firstLogin, login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

interface Problem {
  sheet: string;
  row: number;
  column: string;
  severity: 'error' | 'warning';
  message: string;
}
interface Preview {
  organizations: { row: number; name: string; kind: string | null; action: string; unitTypeCode: string | null }[];
  users: { row: number; username: string; roles: string[]; action: string }[];
  problems: Problem[];
}
interface Result {
  organizations: { row: number; id: string; name: string; kind: string; parentId: string }[];
  users: {
    row: number;
    id: string;
    username: string;
    organizationId: string;
    roles: string[];
    initialPassword: string;
  }[];
}

const BUREAU = '松江区财政局';
const DEPARTMENT = '松江区科学技术委员会';
const DIVISION = '科教文卫科';

type OrganizationLine = [
  name: string,
  kind: string,
  parent: string,
  unitType?: string,
  division?: string,
  sort?: number,
];
type UserLine = [username: string, name: string, organization: string, roles: string, phone?: string];

/** The downloaded template with these rows typed into it, as an admin would fill it. */
async function filled(template: Buffer, organizations: OrganizationLine[], users: UserLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  workbook.getWorksheet('组织')!.addRows(organizations);
  workbook.getWorksheet('用户')!.addRows(users);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A district: a new 主管部门 reviewed by 科教文卫科, two units under it (listed before it), an 内设机构, three users. */
const DISTRICT_ORGANIZATIONS: OrganizationLine[] = [
  ['松江区教育局直属第一中学', '预算单位', '松江区教育局', '公益一类事业单位', '', 2],
  ['松江区教育局直属第二中学', '预算单位', '松江区教育局', 'public_welfare_1', '', 1],
  ['松江区教育局', '主管部门', BUREAU, '', DIVISION, 5],
  ['教务处', '内设机构', '松江区教育局直属第一中学'],
];
const DISTRICT_USERS: UserLine[] = [
  ['ob-teacher', '王老师', '教务处', '填报人', '13812345678'],
  ['OB-Head', '李主任', '松江区教育局', '主管部门审核人、管理员'],
  ['ob-school2', '赵会计', '松江区教育局直属第二中学', '填报人'],
];

describe('批量导入 of organisations and users (issue 13 point 7)', () => {
  let t: TestApp;
  let admin: string;
  let template: Buffer;

  const get = (url: string, authorization = admin) => t.app.inject({ method: 'GET', url, headers: { authorization } });
  const upload = async (step: 'preview' | 'confirm', file: Buffer, authorization = admin) => {
    const { payload, headers } = await multipartUpload(file);
    return t.app.inject({
      method: 'POST',
      url: `/api/onboarding/${step}`,
      headers: { ...headers, authorization },
      payload,
    });
  };
  /** Everything the admin sees of the tree and the users: what a refused or repeated import must leave as it was. */
  const snapshot = async () => ({
    organizations: (await get('/api/organizations')).json<Organization[]>(),
    users: (await get('/api/users')).json<User[]>(),
  });

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'ob');
    await seedSongjiang(t.ownerUrl, 'oc');
    admin = (await login(t.app, 'ob-admin')).authorization;
    const response = await get('/api/onboarding/template.xlsx');
    expect(response.statusCode).toBe(200);
    template = response.rawPayload;
  });
  afterAll(() => t.close());

  it('gives a template that reads back: 组织, 用户 and 说明, bold headings, drop-downs for 组织类型 and 角色', async () => {
    const response = await get('/api/onboarding/template.xlsx');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('批量导入模板.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['组织', '用户', '说明']);
    const organizations = workbook.getWorksheet('组织')!;
    expect((organizations.getRow(1).values as string[]).slice(1)).toEqual([
      '组织名称',
      '组织类型',
      '上级组织',
      '单位类型',
      '归口财政科室',
      '排序',
    ]);
    expect(organizations.getCell('A1').font?.bold).toBe(true);
    expect(organizations.getCell('B2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"财政科室,主管部门,预算单位,内设机构"'],
    });
    const users = workbook.getWorksheet('用户')!;
    expect((users.getRow(1).values as string[]).slice(1)).toEqual(['用户名', '姓名', '所属组织', '角色', '手机']);
    expect(users.getCell('D2').dataValidation.type).toBe('list');
    const guide = workbook.getWorksheet('说明')!;
    const guideText = guide.getSheetValues().flat().join('\n');
    expect(guideText).toContain('填报人');
    expect(guideText).toContain('公益一类事业单位');
    // Only an admin gets it.
    const filer = (await login(t.app, 'ob-filer')).authorization;
    expect((await get('/api/onboarding/template.xlsx', filer)).statusCode).toBe(403);
  });

  it('previews a filled template without writing, confirms it in one go, and the new user must change the initial password', async () => {
    const file = await filled(template, DISTRICT_ORGANIZATIONS, DISTRICT_USERS);
    const before = await snapshot();
    const preview = await upload('preview', file);
    expect(preview.statusCode).toBe(200);
    const body = preview.json<Preview>();
    expect(body.problems).toEqual([]);
    expect(body.organizations.map((o) => [o.row, o.name, o.kind, o.action])).toEqual([
      [2, '松江区教育局直属第一中学', 'unit', 'create'],
      [3, '松江区教育局直属第二中学', 'unit', 'create'],
      [4, '松江区教育局', 'department', 'create'],
      [5, '教务处', 'internal', 'create'],
    ]);
    expect(body.organizations[0].unitTypeCode).toBe('public_welfare_1');
    expect(body.users.map((u) => [u.username, u.roles, u.action])).toEqual([
      ['ob-teacher', ['filer'], 'create'],
      ['ob-head', ['supervisor', 'admin'], 'create'],
      ['ob-school2', ['filer'], 'create'],
    ]);
    expect(await snapshot()).toEqual(before);

    const confirm = await upload('confirm', file);
    expect(confirm.statusCode).toBe(200);
    const result = confirm.json<Result>();
    expect(result.organizations).toHaveLength(4);
    expect(result.users.map((u) => u.username)).toEqual(['ob-teacher', 'ob-head', 'ob-school2']);

    const organizations = (await get('/api/organizations')).json<Organization[]>();
    const named = (name: string) => organizations.find((o) => o.name === name)!;
    const bureau = named(BUREAU);
    const department = named('松江区教育局');
    expect(department).toMatchObject({ kind: 'department', parentId: bureau.id, sortOrder: 5 });
    expect(named('松江区教育局直属第一中学')).toMatchObject({
      kind: 'unit',
      parentId: department.id,
      unitTypeCode: 'public_welfare_1',
      sortOrder: 2,
    });
    expect(named('教务处')).toMatchObject({ kind: 'internal', parentId: named('松江区教育局直属第一中学').id });
    const divisions = (await get('/api/finance-divisions')).json<FinanceDivision[]>();
    const division = divisions.find((d) => d.name === DIVISION)!;
    expect(division.departmentIds).toContain(department.id);
    expect(division.departmentIds).toContain(named(DEPARTMENT).id);

    const users = (await get('/api/users')).json<User[]>();
    expect(users.find((u) => u.username === 'ob-head')).toMatchObject({
      organizationId: department.id,
      roles: ['supervisor', 'admin'],
      passwordChangeRequired: true,
    });
    expect(users.find((u) => u.username === 'ob-teacher')).toMatchObject({
      organizationId: named('教务处').id,
      phone: '13812345678',
    });

    // The teacher logs in with the password shown once and may do nothing before changing it.
    const teacher = result.users.find((u) => u.username === 'ob-teacher')!;
    const first = await login(t.app, 'ob-teacher', teacher.initialPassword);
    expect(first.session.user.restriction).toBe('password_change');
    expect((await get('/api/organizations', first.authorization)).statusCode).toBe(403);
    const { authorization } = await firstLogin(t.app, 'ob-teacher', teacher.initialPassword);
    expect((await get('/api/organizations', authorization)).statusCode).toBe(200);

    // The same file again creates nothing new.
    const again = (await upload('preview', file)).json<Preview>();
    expect(again.organizations.every((o) => o.action === 'exists')).toBe(true);
    expect(again.users.every((u) => u.action === 'exists')).toBe(true);
    expect(again.problems.every((p) => p.severity === 'warning')).toBe(true);
    const between = await snapshot();
    const second = await upload('confirm', file);
    expect(second.statusCode).toBe(200);
    expect(second.json<Result>()).toEqual({ organizations: [], users: [] });
    expect(await snapshot()).toEqual(between);
  });

  it('names every problem by sheet, row and column, and a problem in the last row leaves nothing written', async () => {
    const file = await filled(
      template,
      [
        ['松江区卫健委', '主管部门', BUREAU],
        ['第一医院', '预算单位', '松江区卫健委', '行政单位'],
        ['孤儿单位', '预算单位', '不存在的上级'],
        ['错层单位', '预算单位', BUREAU],
        ['错类型', '处室', '松江区卫健委'],
        ['乱填类型', '预算单位', '松江区卫健委', '不存在的类型'],
        ['科室下级', '主管部门', BUREAU, '', '不存在的科室'],
        ['第一医院', '预算单位', '松江区卫健委'],
      ],
      [
        ['ob-doc', '医生甲', '第一医院', '填报人', '12345'],
        ['ob-doc2', '医生乙', '第一医院', '财政审核人'],
        ['ob-doc3', '医生丙', '第一医院', '院长'],
        ['ob-filer', '重名', '第一医院', '填报人'],
        ['oc-filer', '别的租户同名', '第一医院', '填报人'],
        ['ob-dup', '甲', '第一医院', '填报人'],
        ['ob-dup', '乙', '第一医院', '填报人'],
      ],
    );
    const before = await snapshot();
    const body = (await upload('preview', file)).json<Preview>();
    const at = (sheet: string, row: number) =>
      body.problems.filter((p) => p.sheet === sheet && p.row === row).map((p) => `${p.column} ${p.message}`);
    expect(at('组织', 2)).toEqual([]);
    expect(at('组织', 4)).toEqual([expect.stringMatching(/^C 找不到组织“不存在的上级”/)]);
    expect(at('组织', 5)).toEqual([expect.stringMatching(/^B 财政局“松江区财政局”之下只能设主管部门或财政科室/)]);
    expect(at('组织', 6)).toEqual([expect.stringMatching(/^B 组织类型“处室”不对/)]);
    expect(at('组织', 7)).toEqual(['D 单位类型“不存在的类型”不在代码表中']);
    expect(at('组织', 8)).toEqual([expect.stringMatching(/^E 财政科室“不存在的科室”不存在/)]);
    expect(at('组织', 9)).toEqual(['A 与第 3 行重复：同一上级下的组织名称不能相同']);
    expect(at('用户', 2)).toEqual([expect.stringMatching(/^E /)]);
    expect(at('用户', 3)).toEqual([expect.stringMatching(/^D 预算单位的用户不能担任「财政审核人」/)]);
    expect(at('用户', 4)).toEqual([expect.stringMatching(/^D 角色“院长”不对/)]);
    // In this tenant but outside nothing: ob-filer is in scope, so it exists (left alone); a name of another tenant
    // is not visible here and is refused at the insert.
    expect(at('用户', 5)).toEqual(['A 用户已存在，不会修改']);
    expect(at('用户', 8)).toEqual(['A 用户名与第 7 行重复']);
    expect(await snapshot()).toEqual(before);

    const confirm = await upload('confirm', file);
    expect(confirm.statusCode).toBe(400);
    const refusal = confirm.json<ApiError>();
    expect(refusal.fields!.map((f) => f.field)).toEqual(expect.arrayContaining(['组织!C4', '用户!A8']));
    expect(await snapshot()).toEqual(before);

    // Everything right but the last user row: still nothing written, not even the rows before it.
    const lastRowBad = await filled(
      template,
      [['松江区卫健委', '主管部门', BUREAU]],
      [
        ['ob-nurse', '护士', '松江区卫健委', '主管部门审核人'],
        ['ob-nurse2', '护士二', '松江区卫健委', '主管部门审核人', '不是电话'],
      ],
    );
    const refused = await upload('confirm', lastRowBad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fields!.map((f) => f.field)).toEqual(['用户!E3']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the whole file when a user name belongs to another tenant (found at the insert)', async () => {
    const before = await snapshot();
    const file = await filled(
      template,
      [['松江区体育局', '主管部门', BUREAU]],
      [
        ['ob-coach', '教练', '松江区体育局', '主管部门审核人'],
        ['oc-filer', '别的租户的名字', '松江区体育局', '主管部门审核人'],
      ],
    );
    const response = await upload('confirm', file);
    expect(response.statusCode).toBe(409);
    expect(response.json<ApiError>().fields).toEqual([
      { field: '用户!A3', message: '用户名已被占用', value: 'oc-filer' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a 主管部门 admin inside its subtree and away from finance roles', async () => {
    const department = (await get('/api/organizations')).json<Organization[]>().find((o) => o.name === DEPARTMENT)!;
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { authorization: admin },
        payload: {
          username: 'ob-dept-admin',
          displayName: '部门管理员',
          organizationId: department.id,
          roles: ['admin'],
        },
      })
    ).json<CreatedUser>();
    const { authorization } = await firstLogin(t.app, 'ob-dept-admin', created.initialPassword!);
    const before = await snapshot();
    const file = await filled(
      template,
      [
        ['部门下的新单位', '预算单位', ''],
        ['越权的部门', '主管部门', BUREAU],
        ['越权的科室下', '主管部门', DIVISION],
      ],
      [
        ['ob-unit-filer', '新单位填报人', '部门下的新单位', '填报人'],
        ['ob-dept-finance', '越权财政', DEPARTMENT, '主管部门审核人、财政审核人'],
        ['ob-dept-auditor', '越权审计', DEPARTMENT, '审计管理员'],
        ['ob-bureau-user', '越权用户', BUREAU, '财政审核人'],
      ],
    );
    const body = (await upload('preview', file, authorization)).json<Preview>();
    const messages = body.problems.map((p) => `${p.sheet}!${p.column}${p.row} ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^组织!C3 找不到组织“松江区财政局”/),
      expect.stringMatching(/^组织!C4 找不到组织“科教文卫科”/),
      expect.stringMatching(/^用户!D3 主管部门的用户不能担任「财政审核人」/),
      expect.stringMatching(/^用户!D4 主管部门的管理员不能授予「审计管理员」/),
      expect.stringMatching(/^用户!C5 找不到组织“松江区财政局”/),
    ]);
    expect(body.organizations[0]).toMatchObject({ name: '部门下的新单位', action: 'create' });
    expect((await upload('confirm', file, authorization)).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);

    // Its own subtree alone goes through; it grants what a 主管部门 admin may.
    const own = await filled(
      template,
      [['部门下的新单位', '预算单位', '']],
      [['ob-unit-filer', '新单位填报人', '部门下的新单位', '填报人']],
    );
    const confirmed = await upload('confirm', own, authorization);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<Result>().organizations[0]).toMatchObject({ parentId: department.id, kind: 'unit' });
  });

  it('reads a file that is not a workbook of the template as a 400 or a problem, never a 500', async () => {
    expect((await upload('preview', Buffer.from('not a zip'))).statusCode).toBe(400);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['随便什么']);
    const body = (await upload('preview', Buffer.from(await other.xlsx.writeBuffer()))).json<Preview>();
    expect(body.problems).toEqual([expect.objectContaining({ sheet: 'Sheet1', severity: 'error' })]);
    const filer = (await login(t.app, 'ob-filer')).authorization;
    expect((await upload('preview', template, filer)).statusCode).toBe(403);
  });
});
