import { ORGANIZATION_CHILD_KINDS, type Organization } from '@jxt/contracts';

/** A node of the admin's organisation tree (antd Tree data: `key`, `children`). */
export interface AdminTreeNode {
  key: string;
  organization: Organization;
  children: AdminTreeNode[];
}

const order = (a: Organization, b: Organization) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/**
 * The tree from GET /api/organizations (the caller's subtree, flat). Roots are the rows whose parent is not in the
 * list; siblings by 排序, then name. A row caught in a parent loop (bad data) becomes an extra root, never lost.
 */
export function buildAdminTree(organizations: readonly Organization[]): AdminTreeNode[] {
  const ids = new Set(organizations.map((o) => o.id));
  const childrenOf = new Map<string, Organization[]>();
  for (const o of organizations) {
    if (o.parentId !== null && ids.has(o.parentId))
      childrenOf.set(o.parentId, [...(childrenOf.get(o.parentId) ?? []), o]);
  }
  const placed = new Set<string>();
  const node = (o: Organization): AdminTreeNode => {
    placed.add(o.id);
    const children = (childrenOf.get(o.id) ?? [])
      .filter((c) => !placed.has(c.id))
      .sort(order)
      .map(node);
    return { key: o.id, organization: o, children };
  };
  const roots = organizations
    .filter((o) => o.parentId === null || !ids.has(o.parentId))
    .sort(order)
    .map(node);
  for (const o of [...organizations].sort(order)) if (!placed.has(o.id)) roots.push(node(o));
  return roots;
}

/** The ids of the organisation and everything below it. */
export function subtreeIds(organizations: readonly Organization[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of organizations) {
      if (o.parentId && found.has(o.parentId) && !found.has(o.id)) {
        found.add(o.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * Where 移动 may put the organisation: an enabled organisation whose kind takes it as a child (a 预算单位 under a
 * 主管部门 …), never the organisation itself, its own subtree (that would make a cycle) or its current parent.
 */
export function moveTargets(organizations: readonly Organization[], moving: Organization): Organization[] {
  const below = subtreeIds(organizations, moving.id);
  return organizations.filter(
    (o) =>
      !o.disabled &&
      !below.has(o.id) &&
      o.id !== moving.parentId &&
      ORGANIZATION_CHILD_KINDS[o.kind].includes(moving.kind),
  );
}

/** The tree cut to the nodes whose name contains `query` and their ancestors (all of it for a blank query). */
export function filterAdminTree(nodes: AdminTreeNode[], query: string): AdminTreeNode[] {
  const q = query.trim();
  if (!q) return nodes;
  return nodes.flatMap((n) => {
    const children = filterAdminTree(n.children, q);
    return n.organization.name.includes(q) || children.length ? [{ ...n, children }] : [];
  });
}

/** Every key of the tree, for expanding all of it. */
export const allKeys = (nodes: AdminTreeNode[]): string[] => nodes.flatMap((n) => [n.key, ...allKeys(n.children)]);
