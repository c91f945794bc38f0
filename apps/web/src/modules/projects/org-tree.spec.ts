import type { Organization } from '@jxt/contracts';
import { buildOrgTree, type OrgTreeNode } from './org-tree';

const org = (
  id: string,
  parentId: string | null,
  name: string,
  kind: Organization['kind'],
  sortOrder = 0,
): Organization => ({
  id,
  parentId,
  kind,
  name,
  unitTypeCode: null,
  sortOrder,
  disabled: false,
});

/** The tree as nested [name, children] for readable assertions. */
const shape = (nodes: OrgTreeNode[]): unknown[] =>
  nodes.map((node) => (node.children ? [node.title, shape(node.children)] : node.title));

describe('buildOrgTree', () => {
  it('nests the flat list under the caller’s organisation, siblings by sortOrder', () => {
    const tree = buildOrgTree([
      org('u2', 'd1', '乙单位', 'unit', 2),
      org('fb', null, '松江区财政局', 'finance_bureau'),
      org('u1', 'd1', '甲单位', 'unit', 1),
      org('d2', 'fb', '松江区教育局', 'department', 2),
      org('d1', 'fb', '松江区科学技术委员会', 'department', 1),
      org('i1', 'u1', '办公室', 'internal'),
    ]);
    expect(shape(tree)).toEqual([
      ['松江区财政局', [['松江区科学技术委员会', [['甲单位', ['办公室']], '乙单位']], '松江区教育局']],
    ]);
    expect(tree[0].value).toBe('fb');
    expect(tree[0].kindLabel).toBe('财政局');
    expect(tree[0].children![0].children![0].kindLabel).toBe('预算单位');
  });

  it('roots a subtree whose parent the caller cannot see (a unit user sees only the unit)', () => {
    const tree = buildOrgTree([org('u1', 'd1', '科技创新服务中心', 'unit'), org('i1', 'u1', '综合科', 'internal')]);
    expect(shape(tree)).toEqual([['科技创新服务中心', ['综合科']]]);
  });

  it('orders siblings with the same sortOrder by name', () => {
    const tree = buildOrgTree([
      org('fb', null, '财政局', 'finance_bureau'),
      org('b', 'fb', '乙', 'department'),
      org('a', 'fb', '甲', 'department'),
    ]);
    const names = tree[0].children!.map((node) => node.title);
    expect([...names].sort((x, y) => x.localeCompare(y, 'zh-CN'))).toEqual(names);
    expect(names).toHaveLength(2);
  });

  it('gives no children array to leaves (TreeSelect shows no expander)', () => {
    const [leaf] = buildOrgTree([org('u1', null, '单位', 'unit')]);
    expect(leaf).not.toHaveProperty('children');
  });

  it('shows every row once even when parent links loop', () => {
    const tree = buildOrgTree([
      org('a', 'b', 'A', 'department'),
      org('b', 'a', 'B', 'department'),
      org('r', null, 'R', 'finance_bureau'),
    ]);
    const all: string[] = [];
    const walk = (nodes: OrgTreeNode[]) => nodes.forEach((node) => (all.push(node.value), walk(node.children ?? [])));
    walk(tree);
    expect(all.sort()).toEqual(['a', 'b', 'r']);
  });

  it('is empty for no organisations', () => {
    expect(buildOrgTree([])).toEqual([]);
  });
});
