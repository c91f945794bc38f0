import { ORGANIZATION_KIND_LABELS, type Organization } from '@jxt/contracts';

export interface OrgTreeNode {
  value: string;
  title: string;
  /** 主管部门, 预算单位 …: shown beside the name. */
  kindLabel: string;
  children?: OrgTreeNode[];
}

/**
 * The TreeSelect data from GET /api/organizations (a flat list of the caller's subtree). The roots are the
 * rows whose parent is not in the list (the caller's own organisation); siblings are ordered by
 * sortOrder, then name. Every row appears exactly once: rows caught in a parent loop (bad data) are
 * shown as extra roots rather than lost or repeated forever.
 */
export function buildOrgTree(organizations: Organization[]): OrgTreeNode[] {
  const ids = new Set(organizations.map((org) => org.id));
  const order = (a: Organization, b: Organization) =>
    a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
  const childrenOf = new Map<string, Organization[]>();
  for (const org of organizations) {
    if (org.parentId !== null && ids.has(org.parentId)) {
      const list = childrenOf.get(org.parentId) ?? [];
      list.push(org);
      childrenOf.set(org.parentId, list);
    }
  }
  const placed = new Set<string>();
  const node = (org: Organization): OrgTreeNode => {
    placed.add(org.id);
    const children = (childrenOf.get(org.id) ?? [])
      .filter((child) => !placed.has(child.id))
      .sort(order)
      .map(node);
    return {
      value: org.id,
      title: org.name,
      kindLabel: ORGANIZATION_KIND_LABELS[org.kind],
      ...(children.length ? { children } : {}),
    };
  };
  const roots = organizations
    .filter((org) => org.parentId === null || !ids.has(org.parentId))
    .sort(order)
    .map(node);
  for (const org of [...organizations].sort(order)) if (!placed.has(org.id)) roots.push(node(org));
  return roots;
}

/** The organisation kinds that own projects: 预算单位 and 内设机构. */
export const OWNER_KINDS: ReadonlySet<string> = new Set(['unit', 'internal']);

/** Only 预算单位 and 内设机构 own projects: the other nodes stay in the tree (for its shape) but cannot be picked. */
export function ownerTree(nodes: OrgTreeNode[], kinds: Map<string, string>): (OrgTreeNode & { disabled?: boolean })[] {
  return nodes.map((node) => ({
    ...node,
    disabled: !OWNER_KINDS.has(kinds.get(node.value) ?? ''),
    ...(node.children ? { children: ownerTree(node.children, kinds) } : {}),
  }));
}
