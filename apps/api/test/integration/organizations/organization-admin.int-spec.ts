import type { ApiError, AuditEventListResponse, Organization, User } from '@jxt/contracts';
import { login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';

/** 组织机构 (admin): add, rename, move, 单位类型, 停用/启用, and each refusal with the field or the reason it names. */
describe('organisation administration', () => {
  let t: TestApp;
  let admin: string;
  let orgs: Organization[];
  const byName = (name: string) => orgs.find((o) => o.name === name)!;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, authorization: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });
  const listOrgs = async (authorization = admin) =>
    (await call('GET', '/api/organizations', authorization)).json<Organization[]>();
  const create = async (parentId: string, kind: Organization['kind'], name: string, extra: object = {}) => {
    const response = await call('POST', '/api/organizations', admin, { parentId, kind, name, ...extra });
    expect(response.statusCode).toBe(201);
    return response.json<Organization>();
  };
  const auditOf = async (eventType: string) =>
    (await call('GET', `/api/audit-events?eventType=${eventType}`, admin)).json<AuditEventListResponse>().items;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'oa');
    admin = (await login(t.app, 'oa-admin')).authorization;
    orgs = await listOrgs();
  });
  afterAll(() => t.close());

  it('adds a 主管部门 and a 预算单位 under it with its 单位类型, renames it, and lists both as enabled', async () => {
    const bureau = byName('松江区财政局');
    const department = await create(bureau.id, 'department', '松江区教育局');
    const unit = await create(department.id, 'unit', '松江区第一中学', { unitTypeCode: 'public_welfare_2' });
    expect(unit).toMatchObject({
      parentId: department.id,
      kind: 'unit',
      unitTypeCode: 'public_welfare_2',
      disabled: false,
    });
    const renamed = await call('PATCH', `/api/organizations/${unit.id}`, admin, {
      name: '  上海市松江区第一中学 ',
      unitTypeCode: 'public_welfare_1',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<Organization>()).toMatchObject({
      name: '上海市松江区第一中学',
      unitTypeCode: 'public_welfare_1',
    });
    expect((await listOrgs()).find((o) => o.id === unit.id)).toMatchObject({
      parentId: department.id,
      disabled: false,
    });
  });

  it('refuses a 单位类型 that is not in the code list, and one on anything but a 预算单位, naming the field', async () => {
    const unknown = await call('PATCH', `/api/organizations/${byName('松江区科学技术委员会').id}`, admin, {
      unitTypeCode: 'admin',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiError>().fields).toEqual([
      { field: 'unitTypeCode', message: '只有预算单位有单位类型', value: 'admin' },
    ]);
    const unit = orgs.find((o) => o.kind === 'unit')!;
    const missing = await call('PATCH', `/api/organizations/${unit.id}`, admin, { unitTypeCode: 'no_such_type' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ApiError>().fields?.[0]).toMatchObject({
      field: 'unitTypeCode',
      message: '单位类型不在代码表中',
    });
    // Clearing it is allowed.
    const cleared = await call('PATCH', `/api/organizations/${unit.id}`, admin, { unitTypeCode: null });
    expect(cleared.json<Organization>().unitTypeCode).toBeNull();
  });

  it('moves a unit with its subtree under another 主管部门: the new 主管部门 sees it, the old one no longer', async () => {
    const bureau = byName('松江区财政局');
    const from = await create(bureau.id, 'department', '迁出部门');
    const to = await create(bureau.id, 'department', '迁入部门');
    const unit = await create(from.id, 'unit', '搬家的单位');
    const office = await create(unit.id, 'internal', '搬家的科室');
    const supervisorOf = async (departmentId: string, username: string) => {
      const made = await call('POST', '/api/users', admin, {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        organizationId: departmentId,
        roles: ['supervisor'],
      });
      expect(made.statusCode).toBe(201);
      // Skip the forced change: this test is about the scope, not the first login.
      const change = await call('POST', '/api/auth/password', (await login(t.app, username)).authorization, {
        currentPassword: TEST_PASSWORD,
        newPassword: `${TEST_PASSWORD}-Own`,
      });
      expect(change.statusCode).toBe(204);
      return (await login(t.app, username, `${TEST_PASSWORD}-Own`)).authorization;
    };
    const oldSupervisor = await supervisorOf(from.id, 'oa-sup-from');
    const newSupervisor = await supervisorOf(to.id, 'oa-sup-to');

    const moved = await call('PATCH', `/api/organizations/${unit.id}`, admin, { parentId: to.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Organization>().parentId).toBe(to.id);
    expect((await listOrgs(newSupervisor)).map((o) => o.name)).toEqual(['迁入部门', '搬家的单位', '搬家的科室']);
    expect((await listOrgs(oldSupervisor)).map((o) => o.name)).toEqual(['迁出部门']);
    expect((await listOrgs()).find((o) => o.id === office.id)?.parentId).toBe(unit.id);
  });

  it('refuses a move under the node itself or its own subtree (no cycle), under the wrong kind, and of its own organisation', async () => {
    const unit = orgs.find((o) => o.kind === 'unit')!;
    const internal = orgs.find((o) => o.parentId === unit.id)!;
    const intoOwnChild = await call('PATCH', `/api/organizations/${unit.id}`, admin, { parentId: internal.id });
    expect(intoOwnChild.statusCode).toBe(400);
    expect(intoOwnChild.json<ApiError>().fields?.[0]).toMatchObject({ field: 'parentId', value: internal.id });
    const intoItself = await call('PATCH', `/api/organizations/${unit.id}`, admin, { parentId: unit.id });
    expect(intoItself.statusCode).toBe(400);
    expect(intoItself.json<ApiError>().fields?.[0].field).toBe('parentId');
    const wrongKind = await call('PATCH', `/api/organizations/${unit.id}`, admin, {
      parentId: byName('松江区财政局').id,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json<ApiError>()).toMatchObject({
      message: '财政局之下只能设主管部门或财政科室',
      fields: [{ field: 'kind' }],
    });
    const department = byName('松江区科学技术委员会');
    const own = await call('PATCH', `/api/organizations/${byName('松江区财政局').id}`, admin, {
      parentId: department.id,
    });
    expect(own.statusCode).toBe(400);
    // Nothing moved.
    expect((await listOrgs()).find((o) => o.id === unit.id)?.parentId).toBe(department.id);
  });

  it('refuses to delete a unit with members or projects with the code organization_in_use and offers 停用', async () => {
    const unit = orgs.find((o) => o.kind === 'unit')!;
    const response = await call('DELETE', `/api/organizations/${unit.id}`, admin);
    expect(response.statusCode).toBe(409);
    const body = response.json<ApiError>();
    expect(body.code).toBe('organization_in_use');
    expect(body.message).toMatch(/仍有 \d+ 个下级组织、1 个用户、3 个项目，不能删除；可以停用/);
    expect((await listOrgs()).some((o) => o.id === unit.id)).toBe(true);
  });

  it('停用 disables the subtree and its users, who are logged out at once; nothing new may be added there; 启用 brings the organisations back', async () => {
    const bureau = byName('松江区财政局');
    const department = await create(bureau.id, 'department', '将停用的部门');
    const unit = await create(department.id, 'unit', '将停用的单位');
    const created = await call('POST', '/api/users', admin, {
      username: 'oa-doomed',
      displayName: '将停用的填报人',
      password: TEST_PASSWORD,
      organizationId: unit.id,
      roles: ['filer'],
    });
    const doomed = created.json<User>();
    const session = (await login(t.app, 'oa-doomed')).authorization;
    expect((await call('GET', '/api/auth/me', session)).statusCode).toBe(200);

    const disabled = await call('PATCH', `/api/organizations/${department.id}`, admin, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<Organization>().disabled).toBe(true);
    const after = await listOrgs();
    expect(after.filter((o) => [department.id, unit.id].includes(o.id)).map((o) => o.disabled)).toEqual([true, true]);
    // Logged out at once, and no new login.
    expect((await call('GET', '/api/auth/me', session)).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'oa-doomed', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    expect((await call('GET', '/api/users', admin)).json<User[]>().find((u) => u.id === doomed.id)?.disabled).toBe(
      true,
    );

    // Nothing new under a disabled organisation, each refusal naming its field.
    const child = await call('POST', '/api/organizations', admin, {
      parentId: unit.id,
      kind: 'internal',
      name: '新科室',
    });
    expect(child.statusCode).toBe(409);
    expect(child.json<ApiError>().fields?.[0]).toMatchObject({ field: 'parentId', value: unit.id });
    const newUser = await call('POST', '/api/users', admin, {
      username: 'oa-late',
      displayName: '迟来的人',
      organizationId: unit.id,
      roles: ['filer'],
    });
    expect(newUser.statusCode).toBe(409);
    expect(newUser.json<ApiError>().fields?.[0].field).toBe('organizationId');
    const intoDisabled = await call('PATCH', `/api/organizations/${orgs.find((o) => o.kind === 'unit')!.id}`, admin, {
      parentId: department.id,
    });
    expect(intoDisabled.statusCode).toBe(409);
    expect(intoDisabled.json<ApiError>().fields?.[0].field).toBe('parentId');
    const enableUser = await call('PATCH', `/api/users/${doomed.id}`, admin, { disabled: false });
    expect(enableUser.statusCode).toBe(409);
    expect(enableUser.json<ApiError>().fields?.[0].field).toBe('disabled');

    // A child cannot be enabled under a disabled parent; the parent brings the subtree back, not its users.
    const childFirst = await call('PATCH', `/api/organizations/${unit.id}`, admin, { disabled: false });
    expect(childFirst.statusCode).toBe(409);
    expect(childFirst.json<ApiError>().message).toContain('请先启用上级');
    const enabled = await call('PATCH', `/api/organizations/${department.id}`, admin, { disabled: false });
    expect(enabled.json<Organization>().disabled).toBe(false);
    expect((await listOrgs()).find((o) => o.id === unit.id)?.disabled).toBe(false);
    expect((await call('GET', '/api/users', admin)).json<User[]>().find((u) => u.id === doomed.id)?.disabled).toBe(
      true,
    );
    expect((await call('PATCH', `/api/users/${doomed.id}`, admin, { disabled: false })).statusCode).toBe(200);
    expect((await login(t.app, 'oa-doomed')).session.user.username).toBe('oa-doomed');
  });

  it('refuses a new project in a disabled 内设机构 while the unit above works on', async () => {
    const filer = (await login(t.app, 'oa-filer')).authorization;
    const unit = orgs.find((o) => o.kind === 'unit')!;
    const office = await create(unit.id, 'internal', '将停用的科室');
    const newProject = (organizationId: string, name: string) =>
      call('POST', '/api/projects', filer, { organizationId, year: 2023, name });
    expect((await call('PATCH', `/api/organizations/${office.id}`, admin, { disabled: true })).statusCode).toBe(200);
    const refused = await newProject(office.id, '停用科室的项目');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiError>().fields?.[0]).toMatchObject({ field: 'organizationId', value: office.id });
    expect((await newProject(unit.id, '单位自己的项目')).statusCode).toBe(201);
  });

  it("refuses to disable the admin's own organisation, naming the field", async () => {
    const response = await call('PATCH', `/api/organizations/${byName('松江区财政局').id}`, admin, { disabled: true });
    expect(response.statusCode).toBe(403);
    expect(response.json<ApiError>().fields?.[0]).toMatchObject({
      field: 'disabled',
      message: '不能停用自己所在的组织',
    });
    expect((await listOrgs()).every((o) => o.name !== '松江区财政局' || !o.disabled)).toBe(true);
  });

  it('keeps every organisation change and refusal in the audit log, with what was asked', async () => {
    const bureau = byName('松江区财政局');
    const department = await create(bureau.id, 'department', '记日志的部门');
    await call('PATCH', `/api/organizations/${department.id}`, admin, { disabled: true });
    await call('DELETE', `/api/organizations/${orgs.find((o) => o.kind === 'unit')!.id}`, admin);
    const creates = await auditOf('organization.create');
    expect(creates.find((e) => e.targetId === department.id)).toMatchObject({
      status: 201,
      username: 'oa-admin',
      detail: { parentId: bureau.id, kind: 'department', name: '记日志的部门' },
    });
    const updates = await auditOf('organization.update');
    expect(updates.find((e) => e.targetId === department.id)).toMatchObject({
      status: 200,
      detail: { disabled: true },
    });
    const deletes = await auditOf('organization.delete');
    expect(deletes.some((e) => e.status === 409)).toBe(true);
  });

  it('refuses every organisation write to a non-admin', async () => {
    const filer = (await login(t.app, 'oa-filer')).authorization;
    const unit = orgs.find((o) => o.kind === 'unit')!;
    expect((await call('PATCH', `/api/organizations/${unit.id}`, filer, { disabled: true })).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/organizations', filer, { parentId: unit.id, kind: 'internal', name: 'x' })).statusCode,
    ).toBe(403);
  });
});
