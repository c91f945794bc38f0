import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (cannot be generated): the app's role, row-level security on every tenant-owned table,
 * grants, and the two narrow SECURITY DEFINER functions that run before a tenant is known
 * (finding a user at login, looking up a session token).
 *
 * Each request's transaction sets `app.tenant_id` (and `app.user_id`) with set_config(..., true);
 * with none set, or the wrong one, the policies return no rows and refuse writes.
 */
const TENANT_TABLES = [
  'organization',
  'app_user',
  'user_session',
  'code_list_item',
  'indicator_taxonomy',
  'project',
  'goal_form',
  'indicator',
  'login_audit',
];

export class TenantIsolation1795776500000 implements MigrationInterface {
  name = 'TenantIsolation1795776500000';

  async up(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: create once, keep on later databases of the same server.
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jxt_app') THEN
        CREATE ROLE jxt_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);

    await q.query(`CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);

    await q.query(`ALTER TABLE tenant ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON tenant USING (id = app_current_tenant())`);
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
      );
    }

    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA public TO jxt_app`);
    await q.query(`GRANT SELECT ON tenant TO jxt_app`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON organization, app_user, user_session, code_list_item, indicator_taxonomy, project, goal_form, indicator TO jxt_app`,
    );
    await q.query(`GRANT SELECT ON login_audit TO jxt_app`);
    // Rate-limit counters are not tenant data: keyed by user name and address, shared by every API process.
    await q.query(`GRANT SELECT, INSERT, DELETE ON login_attempt TO jxt_app`);
    await q.query(`GRANT USAGE ON SEQUENCE login_attempt_id_seq TO jxt_app`);

    // The one path that reads a user before the tenant is known. Every call leaves an audit row.
    await q.query(`CREATE FUNCTION auth_find_login(p_username text, p_ip text)
      RETURNS TABLE (out_user_id uuid, out_tenant_id uuid, out_password_hash text, out_disabled boolean)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        found_user app_user%ROWTYPE;
      BEGIN
        SELECT * INTO found_user FROM app_user u WHERE u.username = lower(p_username);
        INSERT INTO login_audit (tenant_id, user_id, username, outcome, ip)
        VALUES (found_user.tenant_id, found_user.id, left(p_username, 200),
                CASE WHEN found_user.id IS NULL THEN 'unknown' WHEN found_user.disabled THEN 'disabled' ELSE 'found' END,
                left(p_ip, 64));
        IF found_user.id IS NOT NULL THEN
          out_user_id := found_user.id;
          out_tenant_id := found_user.tenant_id;
          out_password_hash := found_user.password_hash;
          out_disabled := found_user.disabled;
          RETURN NEXT;
        END IF;
      END $$`);

    // Resolves a token hash to its live session and everything a request needs to scope itself.
    await q.query(`CREATE FUNCTION auth_session_lookup(p_token_hash text)
      RETURNS TABLE (session_id uuid, tenant_id uuid, tenant_name text, user_id uuid, username text, display_name text,
                     roles text[], organization_id uuid, organization_name text, organization_kind text,
                     organization_path text, csrf_token text, expires_at timestamptz)
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
               o.id, o.name::text, o.kind::text, o.path, s.csrf_token::text, s.expires_at
        FROM user_session s
        JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
        JOIN organization o ON o.id = u.organization_id
        JOIN tenant t ON t.id = s.tenant_id
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled
      $$`);

    for (const fn of ['auth_find_login(text, text)', 'auth_session_lookup(text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO jxt_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_session_lookup(text)`);
    await q.query(`DROP FUNCTION auth_find_login(text, text)`);
    for (const table of [...TENANT_TABLES, 'tenant']) {
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM jxt_app`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM jxt_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM jxt_app`);
    await q.query(`DROP FUNCTION app_current_user()`);
    await q.query(`DROP FUNCTION app_current_tenant()`);
  }
}
