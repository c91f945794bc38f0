declare const scopeBrand: unique symbol;

/**
 * The part of the organisation tree a caller may see (docs/domain.md §1.1): their own subtree, and for a 财政科室 also
 * the subtrees of the 主管部门 assigned to it. Every repository method that reads or writes tenant data takes one,
 * so a service cannot forget the rule; only `scopeOf` makes one.
 */
export interface Scope {
  readonly tenantId: string;
  /** LIKE patterns of organisation paths (`path || '%'`), one per subtree. */
  readonly patterns: readonly string[];
  readonly [scopeBrand]: true;
}

/** The scope of a caller whose session lookup found these subtree paths (`auth_session_lookup`'s scope_paths). */
export function scopeOf(tenantId: string, subtreePaths: readonly string[]): Scope {
  return { tenantId, patterns: subtreePaths.map((path) => `${path}%`) } as unknown as Scope;
}

/**
 * The subtree rule, the one place it is written: SQL that is true when the organisation path `pathColumn`
 * (`o.path`, or a form's denormalised `f.organization_path`) lies inside the scope bound as parameter `$param`.
 */
export function inScope(pathColumn: string, param: number): string {
  return `${pathColumn} LIKE ANY($${param}::text[])`;
}

/**
 * A CTE, `scope_root (root, bound)`: each subtree of the scope bound as parameter `$param` as a range of organisation
 * paths, for `o.path >= r.root AND o.path < r.bound`. That finds a subtree by a range scan of
 * organization_tenant_path_idx (paths sort in C collation, and a subtree's sort from its root's path up to that path
 * followed by the last code point), where `inScope('o.path', …)` tests every organisation of the tenant — thousands
 * in a city. The bounds are columns of the CTE, not expressions in the join: row-level security lets only leakproof
 * conditions into an index scan, and rtrim() on the other side would not be one.
 */
export function scopeRootsCte(param: number): string {
  return `scope_root AS MATERIALIZED (
    SELECT rtrim(mine.pattern, '%') AS root, rtrim(mine.pattern, '%') || chr(1114111) AS bound
    FROM unnest($${param}::text[]) AS mine(pattern))`;
}

/**
 * SQL for the ids of the organisations above the scope or at its roots, bound as parameter `$param`: read off the
 * patterns themselves (`/<root>/<department>/<unit>/%` → those three ids), no scan of the organisation table.
 */
export function scopeRootAncestorIds(param: number): string {
  return `(SELECT unnest(string_to_array(btrim(rtrim(mine.pattern, '%'), '/'), '/'))::uuid
    FROM unnest($${param}::text[]) AS mine(pattern))`;
}

/** The subtree paths a scope was made of (`scopeOf`'s input): what a background job stores to act in the same scope. */
export function subtreePaths(scope: Scope): string[] {
  return scope.patterns.map((pattern) => pattern.slice(0, -1));
}
