import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LOCKED_REVISION_SQLSTATE } from '../sqlstate';

const LOCKED_FORM = `('finance_approved', 'rejected')`;

/** The lock trigger of LockedRevisionGuard1795983300000; `functionClassYear` narrows the 功能分类科目 label lookup. */
export const lockedGuard = (
  functionClassYear: string,
) => `CREATE OR REPLACE FUNCTION goal_form_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kept goal_form;
      BEGIN
        IF OLD.status IN ${LOCKED_FORM} THEN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'goal_form % revision % is locked: DELETE refused', OLD.id, OLD.revision USING ERRCODE = '${LOCKED_REVISION_SQLSTATE}';
          END IF;
          kept := NEW;
          kept.organization_path := OLD.organization_path;
          kept.carried_from_form_id := OLD.carried_from_form_id;
          IF kept IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'goal_form % revision % is locked: UPDATE refused', OLD.id, OLD.revision USING ERRCODE = '${LOCKED_REVISION_SQLSTATE}';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        IF NEW.status IN ${LOCKED_FORM} THEN
          -- Locking now: keep what the form prints from elsewhere, as it reads at this moment.
          SELECT o.name INTO NEW.locked_organization_name FROM project p JOIN organization o ON o.id = p.organization_id WHERE p.id = NEW.project_id;
          NEW.locked_category_label := (SELECT c.label FROM code_list_item c
            WHERE c.tenant_id = NEW.tenant_id AND c.list = 'project_category' AND c.code = NEW.category_code);
          NEW.locked_function_class_label := (SELECT c.label FROM code_list_item c
            WHERE c.tenant_id = NEW.tenant_id AND c.list = 'function_class' AND c.code = NEW.function_class_code${functionClassYear});
          UPDATE indicator i SET
            level1_label = coalesce((SELECT t.label FROM indicator_taxonomy t WHERE t.tenant_id = i.tenant_id AND t.year = NEW.year AND t.code = i.level1_code), i.level1_code),
            level2_label = coalesce((SELECT t.label FROM indicator_taxonomy t WHERE t.tenant_id = i.tenant_id AND t.year = NEW.year AND t.code = i.level2_code), i.level2_code)
          WHERE i.form_id = NEW.id;
        END IF;
        RETURN NEW;
      END $$`;

/**
 * 年度 (ADR 0023): fiscal_year, a tenant's open and closed budget years, and 功能分类科目 versioned per year.
 *
 * Every year that already has forms or a taxonomy starts open (as every draft was listed in 待办 before). The
 * tenant-wide 功能分类科目 rows become one version per such year (a tenant with no year keeps its rows tenant-wide
 * until a year is opened), so each existing form still finds its label; the lock trigger then reads the label of the
 * form's year.
 */
export class FiscalYears1796430000000 implements MigrationInterface {
  name = 'FiscalYears1796430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "fiscal_year" ("tenant_id" uuid NOT NULL, "year" integer NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'open', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "opened_by_name" character varying(100), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_name" character varying(100), "copied" jsonb, CONSTRAINT "fiscal_year_pkey" PRIMARY KEY ("tenant_id", "year"))`,
    );
    await q.query(
      `ALTER TABLE "fiscal_year" ADD CONSTRAINT "fiscal_year_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE fiscal_year ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON fiscal_year USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON fiscal_year FROM PUBLIC`);
    // No DELETE: a year is closed, never removed.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON fiscal_year TO jxt_app`);
    await q.query(
      `INSERT INTO fiscal_year (tenant_id, year) SELECT tenant_id, year FROM indicator_taxonomy UNION SELECT tenant_id, year FROM goal_form`,
    );

    await q.query(`ALTER TABLE "code_list_item" ADD "year" integer`);
    await q.query(`ALTER TABLE "code_list_item" DROP CONSTRAINT "code_list_item_tenant_list_code_key"`);
    await q.query(
      `CREATE UNIQUE INDEX "code_list_item_tenant_list_code_key" ON "code_list_item" ("tenant_id", "list", "code") WHERE year IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "code_list_item_tenant_list_year_code_key" ON "code_list_item" ("tenant_id", "list", "year", "code") WHERE year IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "code_list_item_tenant_list_year_idx" ON "code_list_item" ("tenant_id", "list", "year")`,
    );
    await q.query(`INSERT INTO code_list_item (tenant_id, list, year, code, label, sort_order)
      SELECT c.tenant_id, c.list, y.year, c.code, c.label, c.sort_order
      FROM code_list_item c JOIN fiscal_year y ON y.tenant_id = c.tenant_id
      WHERE c.list = 'function_class' AND c.year IS NULL`);
    await q.query(`DELETE FROM code_list_item c WHERE c.list = 'function_class' AND c.year IS NULL
      AND EXISTS (SELECT 1 FROM fiscal_year y WHERE y.tenant_id = c.tenant_id)`);
    await q.query(lockedGuard(' AND c.year = NEW.year'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(lockedGuard(''));
    // The newest version of each 功能分类科目 code becomes tenant-wide again.
    await q.query(`DELETE FROM code_list_item c WHERE c.list = 'function_class' AND c.year IS NOT NULL
      AND EXISTS (SELECT 1 FROM code_list_item n WHERE n.tenant_id = c.tenant_id AND n.list = c.list AND n.code = c.code
                  AND coalesce(n.year, 9999) > c.year)`);
    await q.query(`UPDATE code_list_item SET year = NULL WHERE list = 'function_class'`);
    await q.query(`DROP INDEX "code_list_item_tenant_list_year_idx"`);
    await q.query(`DROP INDEX "code_list_item_tenant_list_year_code_key"`);
    await q.query(`DROP INDEX "code_list_item_tenant_list_code_key"`);
    await q.query(
      `ALTER TABLE "code_list_item" ADD CONSTRAINT "code_list_item_tenant_list_code_key" UNIQUE ("tenant_id", "list", "code")`,
    );
    await q.query(`ALTER TABLE "code_list_item" DROP COLUMN "year"`);
    await q.query(`DROP TABLE "fiscal_year"`);
  }
}
