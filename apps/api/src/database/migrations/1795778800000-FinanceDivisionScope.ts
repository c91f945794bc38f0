import type { MigrationInterface, QueryRunner } from 'typeorm';

const LOOKUP_COLUMNS = `session_id uuid, tenant_id uuid, tenant_name text, user_id uuid, username text, display_name text,
  roles text[], organization_id uuid, organization_name text, organization_kind text,
  organization_path text, csrf_token text, expires_at timestamptz`;

const TOUCH_AND_SELECT = (scope: string) => `
  -- last_seen_at moves at most once a minute and never waits on a lock another request holds.
  WITH touched AS (
    UPDATE user_session SET last_seen_at = now()
    WHERE id IN (SELECT id FROM user_session
                 WHERE token_hash = p_token_hash AND revoked_at IS NULL AND expires_at > now()
                   AND last_seen_at < now() - interval '1 minute'
                 FOR UPDATE SKIP LOCKED)
    RETURNING id
  )
  SELECT s.id, s.tenant_id, t.name::text, u.id, u.username::text, u.display_name::text, u.roles,
         o.id, o.name::text, o.kind::text, o.path, s.csrf_token::text, s.expires_at${scope}
  FROM user_session s
  JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
  JOIN organization o ON o.id = u.organization_id
  JOIN tenant t ON t.id = s.tenant_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`;

/**
 * Written by hand: row-level security and grants for 财政科室分工, and the session lookup now also returns the
 * caller's scope: the path prefixes whose forms they see. A user in a 财政科室 sees the 主管部门 assigned to it;
 * everyone else sees their own organisation's subtree.
 */
export class FinanceDivisionScope1795778800000 implements MigrationInterface {
  name = 'FinanceDivisionScope1795778800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finance_division_assignment ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON finance_division_assignment USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON finance_division_assignment FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON finance_division_assignment TO jxt_app`);

    await q.query(`DROP FUNCTION auth_session_lookup(text)`);
    await q.query(`CREATE FUNCTION auth_session_lookup(p_token_hash text)
      RETURNS TABLE (${LOOKUP_COLUMNS}, scope_paths text[])
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$ ${TOUCH_AND_SELECT(`,
         CASE WHEN o.kind = 'finance_division'
              THEN ARRAY[o.path] || coalesce((SELECT array_agg(d.path ORDER BY d.path) FROM finance_division_assignment a
                                              JOIN organization d ON d.id = a.department_id WHERE a.division_id = o.id), '{}')
              ELSE ARRAY[o.path] END`)} $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_session_lookup(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_session_lookup(text) TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_session_lookup(text)`);
    await q.query(`CREATE FUNCTION auth_session_lookup(p_token_hash text) RETURNS TABLE (${LOOKUP_COLUMNS})
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$ ${TOUCH_AND_SELECT('')} $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_session_lookup(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_session_lookup(text) TO jxt_app`);
    await q.query(`REVOKE ALL ON finance_division_assignment FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON finance_division_assignment`);
    await q.query(`ALTER TABLE finance_division_assignment DISABLE ROW LEVEL SECURITY`);
  }
}
