import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: goal_form.organization_path is a copy of its project's organisation path, so scope filters
 * on forms need no joins. Triggers keep it true whatever writes the rows (API, seeds, operators): a new form takes
 * its project's path; an organisation whose path changes (a move re-roots its subtree) carries its forms along.
 * The triggers run as the caller, so row-level security applies inside them too.
 */
export class FormOrganizationPathSync1795781400000 implements MigrationInterface {
  name = 'FormOrganizationPathSync1795781400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE goal_form f SET organization_path = o.path FROM project p JOIN organization o ON o.id = p.organization_id
      WHERE p.id = f.project_id`);
    await q.query(`CREATE FUNCTION goal_form_set_organization_path() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT o.path INTO NEW.organization_path FROM project p JOIN organization o ON o.id = p.organization_id WHERE p.id = NEW.project_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER goal_form_organization_path BEFORE INSERT OR UPDATE OF project_id ON goal_form
      FOR EACH ROW EXECUTE FUNCTION goal_form_set_organization_path()`);
    await q.query(`CREATE FUNCTION organization_carry_form_paths() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE goal_form f SET organization_path = NEW.path FROM project p WHERE p.organization_id = NEW.id AND f.project_id = p.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organization_form_paths AFTER UPDATE OF path ON organization
      FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION organization_carry_form_paths()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organization_form_paths ON organization`);
    await q.query(`DROP FUNCTION organization_carry_form_paths()`);
    await q.query(`DROP TRIGGER goal_form_organization_path ON goal_form`);
    await q.query(`DROP FUNCTION goal_form_set_organization_path()`);
  }
}
