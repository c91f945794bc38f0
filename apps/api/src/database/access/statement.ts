/**
 * A named SQL statement of a repository. Repositories are the only code that holds SQL (lint enforces it);
 * each statement is a module-level constant made by `sql()`, so the statement test can run every one of them
 * against the migrated schema (a renamed column fails CI, not a user).
 *
 * `Row` is the shape of one result row and `Params` the parameter list; both are types only. Row types are
 * picked from the TypeORM entities (which `db:check` holds equal to the migrated schema), with the SQL aliasing
 * columns to the entities' property names (`f.row_version AS "rowVersion"`): see docs/adr/0011-repositories.md.
 */
export interface Statement<Row extends object = object, Params extends readonly unknown[] = readonly unknown[]> {
  readonly name: string;
  readonly text: string;
  /**
   * Hot path: a named prepared statement, parsed and planned once per pooled connection, then only bound and
   * executed. Planning a query with several joins and the row-level-security predicates costs more than
   * running it. Every distinct name stays prepared on every connection, so only constant hot queries are.
   */
  readonly prepared: boolean;
  /** Phantom field carrying the row and parameter types; never set. */
  readonly types?: { row: Row; params: Params };
}

/** A statement whose text depends on its input (a multi-row INSERT, a PATCH's column list), from a tested builder. */
export interface BuiltStatement<Row extends object = object> {
  readonly name: string;
  readonly text: string;
  readonly values: readonly unknown[];
  readonly types?: { row: Row };
}

const registry = new Map<string, Statement>();

/**
 * Declares a statement. Names are unique across the API (`<repository>.<method>`); a duplicate is a bug caught
 * when the module loads.
 */
export function sql<Row extends object = object, Params extends readonly unknown[] = readonly unknown[]>(
  name: string,
  text: string,
  options: { prepared?: boolean } = {},
): Statement<Row, Params> {
  if (registry.has(name)) throw new Error(`SQL statement ${name} is declared twice`);
  const statement: Statement<Row, Params> = { name, text, prepared: options.prepared ?? false };
  registry.set(name, statement);
  return statement;
}

/** Every statement declared so far (the statement test imports all repositories first). */
export function declaredStatements(): Statement[] {
  return [...registry.values()];
}
