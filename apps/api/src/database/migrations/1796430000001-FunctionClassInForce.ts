import type { MigrationInterface, QueryRunner } from 'typeorm';
import { lockedGuard } from './1796430000000-FiscalYears';

/**
 * The 功能分类科目 a form prints is the version in force for its year: the year's own, else the newest before it (a
 * year opened without a new classification keeps the last one). The lock trigger read only the year's own version,
 * so a form of a year without one locked with no label (docs/domain.md §2).
 */
export const FUNCTION_CLASS_IN_FORCE =
  ' AND (c.year IS NULL OR c.year <= NEW.year) ORDER BY c.year DESC NULLS LAST LIMIT 1';

export class FunctionClassInForce1796430000001 implements MigrationInterface {
  name = 'FunctionClassInForce1796430000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(lockedGuard(FUNCTION_CLASS_IN_FORCE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(lockedGuard(' AND c.year = NEW.year'));
  }
}
