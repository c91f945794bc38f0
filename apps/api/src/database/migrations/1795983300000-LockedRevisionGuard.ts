import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_ONLY_SQLSTATE, LOCKED_REVISION_SQLSTATE } from '../sqlstate';

const LOCKED_FORM = `('finance_approved', 'rejected')`;

/**
 * Written by hand: the database keeps a locked revision locked (docs/domain.md §5.1). A form is
 * locked once finance approved or rejected it, a 自评表 once it is final. Triggers refuse, for every role, an UPDATE
 * or DELETE of such a row's content and any write to its indicators. What the system itself keeps current passes:
 * the unit path that moving a unit rewrites (organization_path) and the link to the revision a later year was
 * carried from. When a form becomes locked, the trigger copies what it prints from elsewhere (the unit's name, the
 * code-list labels, the taxonomy labels) onto the form, so a later rename leaves it as printed.
 *
 * The append-only refusals move from 42501 (which the API read as "not found") to their own SQLSTATE.
 */
export class LockedRevisionGuard1795983300000 implements MigrationInterface {
  name = 'LockedRevisionGuard1795983300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION goal_form_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
            WHERE c.tenant_id = NEW.tenant_id AND c.list = 'function_class' AND c.code = NEW.function_class_code);
          UPDATE indicator i SET
            level1_label = coalesce((SELECT t.label FROM indicator_taxonomy t WHERE t.tenant_id = i.tenant_id AND t.year = NEW.year AND t.code = i.level1_code), i.level1_code),
            level2_label = coalesce((SELECT t.label FROM indicator_taxonomy t WHERE t.tenant_id = i.tenant_id AND t.year = NEW.year AND t.code = i.level2_code), i.level2_code)
          WHERE i.form_id = NEW.id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER goal_form_locked BEFORE UPDATE OR DELETE ON goal_form FOR EACH ROW EXECUTE FUNCTION goal_form_locked_guard()`,
    );

    // An indicator row belongs to its form: none may be added to, changed on or removed from a locked form.
    await q.query(`CREATE FUNCTION indicator_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM goal_form f WHERE f.id = OLD.form_id AND f.status IN ${LOCKED_FORM}))
           OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM goal_form f WHERE f.id = NEW.form_id AND f.status IN ${LOCKED_FORM})) THEN
          RAISE EXCEPTION 'the indicators of a locked goal_form cannot change: % refused', TG_OP USING ERRCODE = '${LOCKED_REVISION_SQLSTATE}';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$`);
    await q.query(
      `CREATE TRIGGER indicator_locked BEFORE INSERT OR UPDATE OR DELETE ON indicator FOR EACH ROW EXECUTE FUNCTION indicator_locked_guard()`,
    );

    await q.query(`CREATE FUNCTION self_evaluation_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'final' THEN
          RAISE EXCEPTION 'self_evaluation % is final: % refused', OLD.id, TG_OP USING ERRCODE = '${LOCKED_REVISION_SQLSTATE}';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$`);
    await q.query(
      `CREATE TRIGGER self_evaluation_locked BEFORE UPDATE OR DELETE ON self_evaluation FOR EACH ROW EXECUTE FUNCTION self_evaluation_locked_guard()`,
    );
    await q.query(`CREATE FUNCTION evaluation_indicator_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM self_evaluation e WHERE e.id = OLD.evaluation_id AND e.status = 'final'))
           OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM self_evaluation e WHERE e.id = NEW.evaluation_id AND e.status = 'final')) THEN
          RAISE EXCEPTION 'the indicators of a final self_evaluation cannot change: % refused', TG_OP USING ERRCODE = '${LOCKED_REVISION_SQLSTATE}';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$`);
    await q.query(
      `CREATE TRIGGER evaluation_indicator_locked BEFORE INSERT OR UPDATE OR DELETE ON evaluation_indicator FOR EACH ROW EXECUTE FUNCTION evaluation_indicator_locked_guard()`,
    );

    await q.query(`CREATE OR REPLACE FUNCTION form_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'form_event is append-only: % refused', TG_OP USING ERRCODE = '${APPEND_ONLY_SQLSTATE}';
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION append_only_refusal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '${APPEND_ONLY_SQLSTATE}';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION append_only_refusal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION form_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'form_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['evaluation_indicator', 'self_evaluation', 'indicator', 'goal_form']) {
      await q.query(`DROP TRIGGER ${table}_locked ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_locked_guard()`);
    }
  }
}
