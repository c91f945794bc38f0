import type { Organization } from '@jxt/contracts';
import {
  allKeys,
  buildAdminTree,
  filterAdminTree,
  moveTargets,
  subtreeIds,
  type AdminTreeNode,
} from './org-admin-tree';

const org = (
  id: string,
  parentId: string | null,
  kind: Organization['kind'],
  name: string,
  extra: Partial<Organization> = {},
): Organization => ({
  id,
  parentId,
  kind,
  name,
  unitTypeCode: null,
  sortOrder: 0,
  disabled: false,
  ...extra,
});

const ORGS = [
  org('u2', 'd1', 'unit', '乙单位', { sortOrder: 2 }),
  org('b', null, 'finance_bureau', '财政局'),
  org('d1', 'b', 'department', '科委'),
  org('u1', 'd1', 'unit', '甲单位', { sortOrder: 1 }),
  org('i1', 'u1', 'internal', '科室'),
  org('d2', 'b', 'department', '教育局'),
  org('d3', 'b', 'department', '已撤销部门', { disabled: true }),
  org('f', 'b', 'finance_division', '科教文卫科'),
];

const shape = (nodes: AdminTreeNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.organization.name, shape(n.children)] : n.organization.name));

describe('the admin organisation tree', () => {
  it('nests the flat list under its parents, siblings by 排序 then name', () => {
    // Names in pinyin order: 教育局 (jiào), 科教文卫科 (kē jiào), 科委 (kē wěi), 已撤销部门 (yǐ).
    expect(shape(buildAdminTree(ORGS))).toEqual([
      ['财政局', ['教育局', '科教文卫科', ['科委', [['甲单位', ['科室']], '乙单位']], '已撤销部门']],
    ]);
  });

  it('keeps a node caught in a parent loop as an extra root instead of losing it', () => {
    const loop = [org('x', 'y', 'unit', 'X'), org('y', 'x', 'unit', 'Y')];
    expect(allKeys(buildAdminTree(loop)).sort()).toEqual(['x', 'y']);
  });

  it('offers as move targets only enabled parents of the right kind, never the node, its subtree or its parent', () => {
    const unit = ORGS.find((o) => o.id === 'u1')!;
    expect(moveTargets(ORGS, unit).map((o) => o.name)).toEqual(['教育局']);
    const department = ORGS.find((o) => o.id === 'd1')!;
    expect(moveTargets(ORGS, department)).toEqual([]);
    expect([...subtreeIds(ORGS, 'd1')].sort()).toEqual(['d1', 'i1', 'u1', 'u2']);
  });

  it('filters to the matching nodes with their ancestors', () => {
    expect(shape(filterAdminTree(buildAdminTree(ORGS), '科室'))).toEqual([
      ['财政局', [['科委', [['甲单位', ['科室']]]]]],
    ]);
    expect(filterAdminTree(buildAdminTree(ORGS), '  ')).toHaveLength(1);
    expect(filterAdminTree(buildAdminTree(ORGS), '无此名')).toEqual([]);
  });
});
