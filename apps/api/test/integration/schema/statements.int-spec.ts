import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { declaredStatements } from '../../../src/database/access/statement';
import { createTestDatabase } from '../../support/test-app';

const SRC = join(__dirname, '../../../src');

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return repositoryFiles(path);
    return entry.name.endsWith('.repository.ts') ? [path] : [];
  });
}

/**
 * Every SQL statement of every repository is parsed, resolved and planned by PostgreSQL against the migrated
 * schema (PREPARE), so a renamed or dropped column fails here instead of in front of a user. Statements from
 * builders are covered by their own tests, which prepare what the builders produce.
 */
describe('every repository statement against the migrated schema', () => {
  const files = repositoryFiles(SRC);
  // Loading the modules declares their statements (sql() registers each one).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads every repository found on disk, by design
  for (const file of files) require(file);
  const statements = declaredStatements();
  let client: Client;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await drop?.();
  });

  it('finds the repositories and their statements', () => {
    expect(files.map((f) => relative(SRC, f))).toEqual(expect.arrayContaining(['modules/forms/form.repository.ts']));
    expect(statements.length).toBeGreaterThan(files.length);
  });

  const prepare = async (name: string, text: string) => {
    const prepared = `stmt_${name.replace(/[^a-z0-9]+/gi, '_')}`;
    await client.query(`PREPARE ${prepared} AS ${text}`);
    await client.query(`DEALLOCATE ${prepared}`);
  };

  it.each(statements.map((s) => [s.name, s.text] as const))('%s', prepare);
});
