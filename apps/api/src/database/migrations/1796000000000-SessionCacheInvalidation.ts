import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: what lets each API process keep the session lookups it made and still refuse a revoked session or
 * a disabled user on the very next request (docs/adr/0013-session-cache-and-request-transaction.md).
 *
 * Every committed change that alters what auth_session_lookup() answers for some token — a session revoked, expired
 * or deleted while live; a user's name, roles, unit or `disabled` changed, or the user deleted; an organisation's
 * name, kind or path, a 财政科室's assigned 主管部门, a tenant's name — bumps one counter, `session_cache_epoch`, and
 * sends NOTIFY jxt_session_cache '<epoch> <kind> <id>' (kind: session, user or tenant). The triggers are deferred to
 * COMMIT, so the counter's row lock is the last lock a transaction takes (no lock-order deadlock with the rows it
 * changed) and commit order equals counter order, the order in which NOTIFY delivers.
 *
 * A process uses a kept lookup only when the counter its request transaction reads is no newer than the last
 * notification it has processed: a change committed before the request began has then been seen, or the request
 * looks the session up again.
 */
export class SessionCacheInvalidation1796000000000 implements MigrationInterface {
  name = 'SessionCacheInvalidation1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE session_cache_epoch (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      epoch bigint NOT NULL DEFAULT 0)`);
    await q.query(`INSERT INTO session_cache_epoch DEFAULT VALUES`);
    // Not tenant data (one counter for the database); the app reads it in each request's first round trip.
    await q.query(`REVOKE ALL ON session_cache_epoch FROM PUBLIC`);
    await q.query(`GRANT SELECT ON session_cache_epoch TO jxt_app`);

    await q.query(`CREATE FUNCTION session_cache_invalidate(p_kind text, p_id uuid) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        next_epoch bigint;
      BEGIN
        UPDATE session_cache_epoch SET epoch = epoch + 1 RETURNING epoch INTO next_epoch;
        PERFORM pg_notify('jxt_session_cache', next_epoch || ' ' || p_kind || ' ' || p_id);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION session_cache_invalidate(text, uuid) FROM PUBLIC`);

    // One trigger function per table; SECURITY DEFINER so that the app role needs no right on the counter.
    const trigger = async (name: string, body: string) => {
      await q.query(`CREATE FUNCTION ${name}() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          ${body}
          RETURN NULL;
        END $$`);
      await q.query(`REVOKE ALL ON FUNCTION ${name}() FROM PUBLIC`);
    };
    await trigger('session_cache_session_changed', `PERFORM session_cache_invalidate('session', OLD.id);`);
    await trigger('session_cache_user_changed', `PERFORM session_cache_invalidate('user', OLD.id);`);
    await trigger('session_cache_tenant_changed', `PERFORM session_cache_invalidate('tenant', OLD.id);`);
    // A row of one of the tenant's tables (its organisations, its 财政科室 assignments); an INSERT has no OLD.
    await trigger(
      'session_cache_tenant_data_changed',
      `PERFORM session_cache_invalidate('tenant', coalesce(OLD.tenant_id, NEW.tenant_id));`,
    );

    const deferred = (name: string, events: string, table: string, when: string, fn: string) =>
      q.query(`CREATE CONSTRAINT TRIGGER ${name} AFTER ${events} ON ${table} DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW ${when ? `WHEN (${when})` : ''} EXECUTE FUNCTION ${fn}()`);

    // The lookup's own last_seen_at touch changes none of these columns, so it bumps nothing.
    await deferred(
      'session_cache_session_update',
      'UPDATE OF revoked_at, expires_at, token_hash, user_id, tenant_id, csrf_token',
      'user_session',
      `OLD.revoked_at IS NULL AND (NEW.revoked_at IS NOT NULL OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
        OR NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.user_id IS DISTINCT FROM OLD.user_id
        OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token)`,
      'session_cache_session_changed',
    );
    // A login clears the user's sessions ended long ago; only a live one matters.
    await deferred(
      'session_cache_session_delete',
      'DELETE',
      'user_session',
      'OLD.revoked_at IS NULL AND OLD.expires_at > now()',
      'session_cache_session_changed',
    );
    await deferred(
      'session_cache_user_update',
      'UPDATE OF username, display_name, roles, disabled, organization_id, tenant_id',
      'app_user',
      `NEW.username IS DISTINCT FROM OLD.username OR NEW.display_name IS DISTINCT FROM OLD.display_name
        OR NEW.roles IS DISTINCT FROM OLD.roles OR NEW.disabled IS DISTINCT FROM OLD.disabled
        OR NEW.organization_id IS DISTINCT FROM OLD.organization_id OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id`,
      'session_cache_user_changed',
    );
    await deferred('session_cache_user_delete', 'DELETE', 'app_user', '', 'session_cache_user_changed');
    await deferred(
      'session_cache_organization_update',
      'UPDATE OF name, kind, path, tenant_id',
      'organization',
      `NEW.name IS DISTINCT FROM OLD.name OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.path IS DISTINCT FROM OLD.path
        OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id`,
      'session_cache_tenant_data_changed',
    );
    await deferred(
      'session_cache_organization_delete',
      'DELETE',
      'organization',
      '',
      'session_cache_tenant_data_changed',
    );
    // A 财政科室's scope is its own path and the paths of the 主管部门 assigned to it.
    await deferred(
      'session_cache_assignment_change',
      'INSERT OR UPDATE OR DELETE',
      'finance_division_assignment',
      '',
      'session_cache_tenant_data_changed',
    );
    await deferred(
      'session_cache_tenant_update',
      'UPDATE OF name',
      'tenant',
      'NEW.name IS DISTINCT FROM OLD.name',
      'session_cache_tenant_changed',
    );
    await deferred('session_cache_tenant_delete', 'DELETE', 'tenant', '', 'session_cache_tenant_changed');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, table] of [
      ['session_cache_session_update', 'user_session'],
      ['session_cache_session_delete', 'user_session'],
      ['session_cache_user_update', 'app_user'],
      ['session_cache_user_delete', 'app_user'],
      ['session_cache_organization_update', 'organization'],
      ['session_cache_organization_delete', 'organization'],
      ['session_cache_assignment_change', 'finance_division_assignment'],
      ['session_cache_tenant_update', 'tenant'],
      ['session_cache_tenant_delete', 'tenant'],
    ])
      await q.query(`DROP TRIGGER ${name} ON ${table}`);
    for (const fn of [
      'session_cache_session_changed',
      'session_cache_user_changed',
      'session_cache_tenant_changed',
      'session_cache_tenant_data_changed',
    ])
      await q.query(`DROP FUNCTION ${fn}()`);
    await q.query(`DROP FUNCTION session_cache_invalidate(text, uuid)`);
    await q.query(`DROP TABLE session_cache_epoch`);
  }
}
