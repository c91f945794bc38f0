import { Client } from 'pg';
import type { GoalForm, Organization } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { readSongjiangSeed } from '../../../src/seeds/seed-files';
import { login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';

interface Entry {
  id: string;
  name: string;
  tier: 'common' | 'department' | 'unit';
  shared: boolean;
  organizationName: string;
  level1Code: string;
  level2Code: string;
  valueForm: string | null;
  unit: string | null;
  usageCount: number;
  editable: boolean;
  retiredAt: string | null;
}
interface Listing {
  items: Entry[];
  total: number;
}

const UNIT = '上海市松江区科技创新服务中心（上海市松江区大数据中心）';

/**
 * 指标库 scoping (issue 14 point 1 and 5): 共性 entries are seen by the whole tenant; a 主管部门's 行业/部门 entries and a
 * unit's 个性 entries by the owner's subtree (and those above it), never by a sibling unit or another 主管部门; only the
 * owner of a tier curates it (403 otherwise); another tenant sees nothing; search matches Chinese words and pinyin
 * initials.
 */
describe('指标库: three tiers, each seen by its subtree and curated by its owner', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const list = async (who: string, query = '') => {
    const response = await call('GET', `/api/indicator-library?pageSize=200${query}`, who);
    expect(response.statusCode).toBe(200);
    return response.json<Listing>();
  };
  const names = async (who: string, query = '') => (await list(who, query)).items.map((e) => e.name);
  const entry = (overrides: object = {}) => ({
    name: '科普活动参与人次',
    level1Code: 'output',
    level2Code: 'quantity',
    valueForm: '>=500人次',
    measureUnit: '人次',
    nature: '定量',
    definition: '全年科普活动的参与人次。',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'lib');
    await seedSongjiang(t.ownerUrl, 'lib2');
    for (const name of ['filer', 'supervisor', 'finance', 'admin'])
      auth[name] = (await login(t.app, `lib-${name}`)).authorization;
    auth.otherTenant = (await login(t.app, 'lib2-admin')).authorization;

    // A sibling unit under the same 主管部门, another 主管部门 with its unit, and a filer at one of the unit's 内设机构.
    const organizations = (await call('GET', '/api/organizations', 'admin')).json<Organization[]>();
    const byName = (name: string) => organizations.find((o) => o.name === name)!;
    const make = async (body: object) => {
      const response = await call('POST', '/api/organizations', 'admin', body);
      expect(response.statusCode).toBe(201);
      return response.json<Organization>();
    };
    const sibling = await make({ parentId: byName('松江区科学技术委员会').id, kind: 'unit', name: '松江区科技情报所' });
    const otherDepartment = await make({
      parentId: byName('松江区财政局').id,
      kind: 'department',
      name: '松江区教育局',
    });
    const people = {
      sibling: { organizationId: sibling.id, roles: ['filer', 'admin'] },
      otherDepartment: { organizationId: otherDepartment.id, roles: ['supervisor', 'admin'] },
      internal: { organizationId: byName('信息化发展部').id, roles: ['filer'] },
    };
    for (const [name, person] of Object.entries(people)) {
      const response = await call('POST', '/api/users', 'admin', {
        username: `lib-${name.toLowerCase()}`,
        displayName: name,
        password: TEST_PASSWORD,
        ...person,
      });
      expect(response.statusCode).toBe(201);
    }
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    await owner
      .query(
        `UPDATE app_user SET password_change_required = false, demo_account = true WHERE username = ANY($1::text[])`,
        [Object.keys(people).map((name) => `lib-${name.toLowerCase()}`)],
      )
      .finally(() => owner.end());
    for (const name of Object.keys(people))
      auth[name] = (await login(t.app, `lib-${name.toLowerCase()}`)).authorization;
  }, 240_000); // two seeded tenants and ten logins (argon2): slow on a busy machine
  afterAll(() => t.close());

  it('loads the seed: the forms’ indicators once each, and three 共性指标 or more for every 二级指标', async () => {
    const seed = readSongjiangSeed();
    const { items, total } = await list('admin');
    expect(total).toBe(seed.library.length);
    expect(new Set(items.map((e) => e.name)).size).toBe(items.length);
    const formNames = seed.forms.flatMap((f) =>
      f.indicators.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators.map((i) => i.name))),
    );
    for (const name of formNames) expect(items.map((e) => e.name)).toContain(name);
    expect(items.filter((e) => e.name === '公众满意度')).toEqual([
      expect.objectContaining({ tier: 'common', shared: true, level2Code: 'service_satisfaction', valueForm: '>=90%' }),
    ]);
    for (const node of seed.taxonomy[0].nodes.filter((n) => n.level === 2))
      expect(items.filter((e) => e.tier === 'common' && e.level2Code === node.code).length).toBeGreaterThanOrEqual(3);
  });

  it('finds 公众满意度 by its pinyin initials (gzmyd) and by Chinese words, counting the year’s projects using it', async () => {
    const byInitials = await list('filer', '&q=gzmyd&year=2021');
    expect(byInitials.items.map((e) => e.name)).toEqual(['公众满意度']);
    // All three seed projects print 公众满意度 in 2021; none in 2022.
    expect(byInitials.items[0].usageCount).toBe(3);
    expect((await list('filer', '&q=gzmyd&year=2022')).items[0].usageCount).toBe(0);
    // Upper case and part of the initials; Chinese words in the name.
    expect(await names('filer', '&q=GZM')).toContain('公众满意度');
    const bySatisfaction = await names('filer', `&q=${encodeURIComponent('满意度')}`);
    expect(bySatisfaction).toEqual(expect.arrayContaining(['公众满意度', '机关工作人员满意度', '企业满意度']));
    expect(bySatisfaction.every((name) => name.includes('满意'))).toBe(true);
    // The 二级 filter, and LIKE characters taken literally.
    const timeliness = await list('filer', '&level2=timeliness');
    expect(timeliness.items.every((e) => e.level2Code === 'timeliness')).toBe(true);
    expect(timeliness.total).toBeGreaterThanOrEqual(3);
    expect((await list('filer', '&q=%25')).items.every((e) => e.name.includes('%'))).toBe(true);
  });

  it('matches the words in the name or its initials, not in the 指标解释 (ADR 0035)', async () => {
    const created = await call('POST', '/api/indicator-library', 'filer', {
      ...entry({
        name: '科普讲座场次',
        valueForm: '>=12场',
        measureUnit: '场',
        definition: '全年举办面向青少年的讲座场次。',
      }),
      tier: 'unit',
    });
    expect(created.statusCode).toBe(201);
    expect(await names('filer', `&q=${encodeURIComponent('讲座场次')}`)).toEqual(['科普讲座场次']);
    expect(await names('filer', '&q=kpjzcc')).toEqual(['科普讲座场次']);
    // 青少年 is only in its 指标解释.
    expect(await names('filer', `&q=${encodeURIComponent('青少年')}`)).not.toContain('科普讲座场次');
  });

  it('saves an entry of the longest name, initials and most 功能分类科目 the request allows (the search indexes hold them)', async () => {
    // 200 characters outside the basic plane (4 bytes each in UTF-8), their initials kept as they are, 50 codes of 7
    // digits: the widest entry indicator_library_slot_idx and indicator_library_tagged_idx must carry.
    const name = '𠀀'.repeat(199) + '率';
    const codes = Array.from({ length: 50 }, (_, n) => String(2010101 + n));
    const created = await call('POST', '/api/indicator-library', 'filer', {
      ...entry({ name, valueForm: '>=90%', measureUnit: '%' }),
      functionClassCodes: codes,
      tier: 'unit',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Entry>()).toMatchObject({ name, functionClassCodes: codes });
    expect(await names('filer', `&q=${encodeURIComponent('𠀀𠀀率')}`)).toEqual([name]);
  });

  it('shows a unit’s 个性指标 to its subtree and those above it, never to a sibling unit or another 主管部门', async () => {
    const own = '是否完成专家库的模块开发'; // a 个性 entry of the unit, from seed form 3
    for (const who of ['filer', 'internal', 'supervisor', 'finance', 'admin']) expect(await names(who)).toContain(own);
    for (const who of ['sibling', 'otherDepartment']) {
      const seen = await list(who);
      expect(seen.items.map((e) => e.name)).not.toContain(own);
      expect(seen.items.every((e) => e.tier === 'common')).toBe(true);
      // …while the 共性指标 are everyone's.
      expect(seen.items.map((e) => e.name)).toContain('公众满意度');
    }
  });

  it('shows a 主管部门’s 行业指标 to its units, not to another 主管部门; only the owner tiers may write', async () => {
    // A filer may not add to the 共性 or 行业 tiers; a supervisor may add to its own 主管部门's.
    expect((await call('POST', '/api/indicator-library', 'filer', { ...entry(), tier: 'common' })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/indicator-library', 'filer', { ...entry(), tier: 'department' })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/indicator-library', 'supervisor', { ...entry(), tier: 'unit' })).statusCode).toBe(
      403,
    );
    const created = await call('POST', '/api/indicator-library', 'supervisor', { ...entry(), tier: 'department' });
    expect(created.statusCode).toBe(201);
    expect(created.json<Entry>()).toMatchObject({
      tier: 'department',
      shared: true,
      organizationName: '松江区科学技术委员会',
      unit: '人次',
      editable: true,
    });
    for (const who of ['supervisor', 'filer', 'internal', 'sibling', 'finance'])
      expect(await names(who)).toContain('科普活动参与人次');
    expect(await names('otherDepartment')).not.toContain('科普活动参与人次');
    // Found by its initials at once (computed on write).
    expect(await names('filer', '&q=kphdcyrc')).toEqual(['科普活动参与人次']);
  });

  it('lets each tier be curated only by its owner: 403 for one who sees but does not own, 404 for one who does not see', async () => {
    const all = (await list('admin')).items;
    const common = all.find((e) => e.name === '公众满意度')!;
    const own = all.find((e) => e.name === '是否完成专家库的模块开发')!;
    const change = entry({
      name: '公众满意度',
      level1Code: 'satisfaction',
      level2Code: 'service_satisfaction',
      valueForm: '>=95%',
    });
    // A unit's filer sees the 共性 entry but may not change or retire it.
    expect((await list('filer')).items.find((e) => e.id === common.id)?.editable).toBe(false);
    expect((await call('PUT', `/api/indicator-library/${common.id}`, 'filer', change)).statusCode).toBe(403);
    expect((await call('POST', `/api/indicator-library/${common.id}/retire`, 'filer')).statusCode).toBe(403);
    // The 主管部门 sees its unit's 个性 entry but does not own it; a sibling unit does not even see it.
    expect((await call('POST', `/api/indicator-library/${own.id}/retire`, 'supervisor')).statusCode).toBe(403);
    expect((await call('POST', `/api/indicator-library/${own.id}/retire`, 'sibling')).statusCode).toBe(404);
    expect((await call('PUT', `/api/indicator-library/${own.id}`, 'sibling', entry())).statusCode).toBe(404);
    // The 财政局's finance reviewer owns the 共性 tier.
    const changed = await call('PUT', `/api/indicator-library/${common.id}`, 'finance', change);
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Entry>()).toMatchObject({ name: '公众满意度', valueForm: '>=95%', editable: true });
    // The unit's filer owns its 个性 entries: 停用 hides it from search, the page asks with includeRetired.
    const retired = await call('POST', `/api/indicator-library/${own.id}/retire`, 'filer');
    expect(retired.statusCode).toBe(200);
    expect(retired.json<Entry>().retiredAt).not.toBeNull();
    expect(await names('filer')).not.toContain(own.name);
    expect(await names('filer', '&includeRetired=true')).toContain(own.name);
    expect(
      (await call('POST', `/api/indicator-library/${own.id}/restore`, 'filer')).json<Entry>().retiredAt,
    ).toBeNull();
  });

  it('refuses bad content with the field named: a 二级 not under its 一级, a value form the grammar cannot read, a repeated name', async () => {
    const wrongPair = await call('POST', '/api/indicator-library', 'filer', {
      ...entry({ name: '新指标甲', level1Code: 'benefit', level2Code: 'quantity' }),
      tier: 'unit',
    });
    expect(wrongPair.statusCode).toBe(400);
    expect(wrongPair.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['level2Code']);
    const badValue = await call('POST', '/api/indicator-library', 'filer', {
      ...entry({ name: '新指标乙', valueForm: '>=abc%' }),
      tier: 'unit',
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['valueForm']);
    const tooLong = await call('POST', '/api/indicator-library', 'filer', {
      ...entry({ name: '长'.repeat(201) }),
      tier: 'unit',
    });
    expect(tooLong.statusCode).toBe(400);
    const repeated = await call('POST', '/api/indicator-library', 'filer', {
      ...entry({ name: '是否完成等保复测工作' }),
      tier: 'unit',
    });
    expect(repeated.statusCode).toBe(409);
    expect(repeated.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['name']);
  });

  it('adds an indicator of a form to the unit’s 个性指标 in one action, with its name, category and value copied', async () => {
    // The filer adds a new indicator to a draft, saves, then adds it to the library.
    const before = (await call('GET', `/api/forms/${tenant.forms[0].id}`, 'filer')).json<GoalForm>();
    const request = toSaveRequest(before);
    const quantity = request.indicators.year
      .find((l1) => l1.code === 'output')!
      .children.find((l2) => l2.code === 'quantity')!;
    quantity.indicators.push({
      name: '企业人事专办员覆盖率',
      rawValue: '>=80%',
      explanation: '已培训的专办员占企业数的比例。',
    });
    expect((await call('PUT', `/api/forms/${before.id}`, 'filer', request)).statusCode).toBe(200);
    const form = (await call('GET', `/api/forms/${before.id}`, 'filer')).json<GoalForm>();
    const indicator = form.indicators.year
      .flatMap((l1) => l1.children.flatMap((l2) => l2.indicators))
      .find((i) => i.name === '企业人事专办员覆盖率')!;

    const added = await call('POST', '/api/indicator-library/from-form', 'filer', {
      formId: form.id,
      indicatorId: indicator.id,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json<Entry & { definition: string }>()).toMatchObject({
      name: '企业人事专办员覆盖率',
      tier: 'unit',
      shared: false,
      organizationName: UNIT,
      level1Code: 'output',
      level2Code: 'quantity',
      valueForm: '>=80%',
      definition: '已培训的专办员占企业数的比例。',
      usageCount: 1,
      editable: true,
    });
    expect(await names('filer', '&q=qyrszbyfgl')).toEqual(['企业人事专办员覆盖率']);
    expect(await names('sibling')).not.toContain('企业人事专办员覆盖率');
    // Twice: 409 at the name.
    const again = await call('POST', '/api/indicator-library/from-form', 'filer', {
      formId: form.id,
      indicatorId: indicator.id,
    });
    expect(again.statusCode).toBe(409);
    // A form outside the caller's scope is 404 (the sibling unit; the 内设机构, which does not see its unit's forms).
    for (const who of ['sibling', 'internal'])
      expect(
        (await call('POST', '/api/indicator-library/from-form', who, { formId: form.id, indicatorId: indicator.id }))
          .statusCode,
      ).toBe(404);
    // The 主管部门 sees the form but has no 个性 tier of its own: 403.
    expect(
      (
        await call('POST', '/api/indicator-library/from-form', 'supervisor', {
          formId: form.id,
          indicatorId: indicator.id,
        })
      ).statusCode,
    ).toBe(403);
    // An id that is not one of the form's indicators: 400 at indicatorId.
    const unknown = await call('POST', '/api/indicator-library/from-form', 'filer', {
      formId: form.id,
      indicatorId: tenant.forms[1].id,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('shows another tenant nothing of this tenant’s library', async () => {
    const ours = await list('admin');
    const ownEntry = ours.items.find((e) => e.tier === 'unit')!;
    const theirs = await list('otherTenant');
    // Their own seed has the same names; none of our ids.
    expect(theirs.items.map((e) => e.id).filter((id) => ours.items.some((e) => e.id === id))).toEqual([]);
    expect(theirs.items.map((e) => e.name)).not.toContain('科普活动参与人次');
    expect((await call('PUT', `/api/indicator-library/${ownEntry.id}`, 'otherTenant', entry())).statusCode).toBe(404);
    expect((await call('POST', `/api/indicator-library/${ownEntry.id}/retire`, 'otherTenant')).statusCode).toBe(404);
  });

  it('names the unit as the owner of its 个性 entries', async () => {
    const own = (await list('filer')).items.filter((e) => e.tier === 'unit');
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((e) => e.organizationName))).toEqual(new Set([UNIT]));
  });
});
