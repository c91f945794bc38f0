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

/** The subtree paths a scope was made of (`scopeOf`'s input): what a background job stores to act in the same scope. */
export function subtreePaths(scope: Scope): string[] {
  return scope.patterns.map((pattern) => pattern.slice(0, -1));
}
