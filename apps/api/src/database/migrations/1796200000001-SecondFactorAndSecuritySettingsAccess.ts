import type { MigrationInterface, QueryRunner } from 'typeorm';

const LOOKUP_COLUMNS = `session_id uuid, tenant_id uuid, tenant_name text, user_id uuid, username text, display_name text,
  roles text[], organization_id uuid, organization_name text, organization_kind text,
  organization_path text, csrf_token text, expires_at timestamptz, scope_paths text[]`;

const SCOPE = `CASE WHEN o.kind = 'finance_division'
  THEN ARRAY[o.path] || coalesce((SELECT array_agg(d.path ORDER BY d.path) FROM finance_division_assignment a
                                  JOIN organization d ON d.id = a.department_id WHERE a.division_id = o.id), '{}')
  ELSE ARRAY[o.path] END`;

/** The idle time-out of the session's tenant; 30 minutes without a row (SECURITY_SETTING_DEFAULTS). */
const IDLE = `make_interval(mins => coalesce((SELECT ss.idle_timeout_minutes FROM security_setting ss
                                            WHERE ss.tenant_id = s.tenant_id), 30))`;

/**
 * Written by hand: row-level security, grants and cache invalidation for security_setting; the session lookup now
 * also ends a session idle for longer than its tenant's idle time-out and returns the session's restriction, when it
 * was last seen and the time-out (the session cache keeps a lookup no longer than the session may stay idle); and
 * auth_login_limits(), the per-user login limits of a user name's tenant, read before any tenant is known.
 */
export class SecondFactorAndSecuritySettingsAccess1796200000001 implements MigrationInterface {
  name = 'SecondFactorAndSecuritySettingsAccess1796200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_setting ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON security_setting USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON security_setting FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON security_setting TO jxt_app`);
    // A new idle time-out must reach the sessions every process keeps.
    await q.query(`CREATE CONSTRAINT TRIGGER session_cache_security_setting_change
      AFTER INSERT OR UPDATE OR DELETE ON security_setting DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION session_cache_tenant_data_changed()`);

    // Lifting a session's restriction changes what the lookup answers.
    await q.query(`DROP TRIGGER session_cache_session_update ON user_session`);
    await q.query(`CREATE CONSTRAINT TRIGGER session_cache_session_update
      AFTER UPDATE OF revoked_at, expires_at, token_hash, user_id, tenant_id, csrf_token, restriction ON user_session
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.revoked_at IS NULL AND (NEW.revoked_at IS NOT NULL OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
        OR NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.user_id IS DISTINCT FROM OLD.user_id
        OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token
        OR NEW.restriction IS DISTINCT FROM OLD.restriction))
      EXECUTE FUNCTION session_cache_session_changed()`);

    await q.query(`DROP FUNCTION auth_session_lookup(text)`);
    await q.query(`CREATE FUNCTION auth_session_lookup(p_token_hash text)
      RETURNS TABLE (${LOOKUP_COLUMNS}, restriction text, seen_at timestamptz, idle_timeout_minutes integer)
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        -- last_seen_at moves at most once a minute and never waits on a lock another request holds; a session idle
        -- for longer than its tenant allows is not touched (nor found below): it has ended.
        WITH touched AS (
          UPDATE user_session SET last_seen_at = now()
          WHERE id IN (SELECT s.id FROM user_session s
                       WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
                         AND s.last_seen_at < now() - interval '1 minute' AND s.last_seen_at > now() - ${IDLE}
                       FOR UPDATE SKIP LOCKED)
          RETURNING id
        )
        SELECT s.id, s.tenant_id, t.name::text, u.id, u.username::text, u.display_name::text, u.roles,
               o.id, o.name::text, o.kind::text, o.path, s.csrf_token::text, s.expires_at, ${SCOPE},
               s.restriction::text, coalesce((SELECT now() FROM touched), s.last_seen_at),
               coalesce(ss.idle_timeout_minutes, 30)
        FROM user_session s
        JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
        JOIN organization o ON o.id = u.organization_id
        JOIN tenant t ON t.id = s.tenant_id
        LEFT JOIN security_setting ss ON ss.tenant_id = s.tenant_id
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled
          AND s.last_seen_at > now() - make_interval(mins => coalesce(ss.idle_timeout_minutes, 30))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_session_lookup(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_session_lookup(text) TO jxt_app`);

    // The per-user login limits of the name's tenant (no row: none, the process's settings apply). Only numbers.
    await q.query(`CREATE FUNCTION auth_login_limits(p_username text)
      RETURNS TABLE (max_failures_per_user integer, user_delay_seconds integer, user_delay_max_seconds integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ss.max_failures_per_user, ss.user_delay_seconds, ss.user_delay_max_seconds
        FROM app_user u JOIN security_setting ss ON ss.tenant_id = u.tenant_id
        WHERE u.username = lower(p_username)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_login_limits(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_login_limits(text) TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_login_limits(text)`);
    await q.query(`DROP FUNCTION auth_session_lookup(text)`);
    await q.query(`CREATE FUNCTION auth_session_lookup(p_token_hash text) RETURNS TABLE (${LOOKUP_COLUMNS})
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH touched AS (
          UPDATE user_session SET last_seen_at = now()
          WHERE id IN (SELECT id FROM user_session
                       WHERE token_hash = p_token_hash AND revoked_at IS NULL AND expires_at > now()
                         AND last_seen_at < now() - interval '1 minute'
                       FOR UPDATE SKIP LOCKED)
          RETURNING id
        )
        SELECT s.id, s.tenant_id, t.name::text, u.id, u.username::text, u.display_name::text, u.roles,
               o.id, o.name::text, o.kind::text, o.path, s.csrf_token::text, s.expires_at, ${SCOPE}
        FROM user_session s
        JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
        JOIN organization o ON o.id = u.organization_id
        JOIN tenant t ON t.id = s.tenant_id
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_session_lookup(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_session_lookup(text) TO jxt_app`);
    await q.query(`DROP TRIGGER session_cache_session_update ON user_session`);
    await q.query(`CREATE CONSTRAINT TRIGGER session_cache_session_update
      AFTER UPDATE OF revoked_at, expires_at, token_hash, user_id, tenant_id, csrf_token ON user_session
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.revoked_at IS NULL AND (NEW.revoked_at IS NOT NULL OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
        OR NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.user_id IS DISTINCT FROM OLD.user_id
        OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token))
      EXECUTE FUNCTION session_cache_session_changed()`);
    await q.query(`DROP TRIGGER session_cache_security_setting_change ON security_setting`);
    await q.query(`REVOKE ALL ON security_setting FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON security_setting`);
    await q.query(`ALTER TABLE security_setting DISABLE ROW LEVEL SECURITY`);
  }
}
