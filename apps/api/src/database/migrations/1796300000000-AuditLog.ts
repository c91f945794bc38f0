import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_ONLY_SQLSTATE } from '../sqlstate';

/** Below this age no audit record may be deleted, whatever the retention setting says (等保 2.0: at least six months). */
const AUDIT_MIN_RETENTION_DAYS = 180;

/**
 * The audit log (docs/adr/0020-audit-log.md), partly by hand: the table (as the entity says), row-level security
 * like every tenant table, and its integrity. The app role may read its tenant's rows and insert rows of its own
 * tenant; it has no UPDATE or DELETE grant, and a trigger refuses UPDATE and TRUNCATE for every role and DELETE
 * except the owner's purge (`audit:purge`, which sets `jxt.audit_purge`) of rows older than 180 days.
 * `audit_record_login` records a login before any tenant is known (SECURITY DEFINER, like auth_find_login); for a
 * throttled attempt (429) it also leaves the login_audit row that auth_find_login would have written.
 */
export class AuditLog1796300000000 implements MigrationInterface {
  name = 'AuditLog1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid, "user_id" uuid, "username" character varying(200), "display_name" character varying(100), "organization_id" uuid, "organization_path" text COLLATE "C", "event_type" character varying(40) NOT NULL, "method" character varying(10), "route" character varying(200), "target_type" character varying(40), "target_id" character varying(100), "status" smallint NOT NULL, "request_id" character varying(64), "ip" character varying(64), "user_agent" character varying(300), "detail" jsonb, CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "audit_event_tenant_at_idx" ON "audit_event" ("tenant_id", "at") `);
    await q.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at") `);

    await q.query(`ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON audit_event USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON audit_event FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO jxt_app`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_event_id_seq TO jxt_app`);

    await q.query(`CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('jxt.audit_purge', true) = 'on' AND current_user <> 'jxt_app'
           AND OLD.at < now() - interval '${AUDIT_MIN_RETENTION_DAYS} days' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = '${APPEND_ONLY_SQLSTATE}';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_guard()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_guard()`);

    await q.query(`CREATE FUNCTION audit_record_login(p_event_type text, p_username text, p_status integer,
        p_ip text, p_user_agent text, p_request_id text, p_route text)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        found_user app_user%ROWTYPE;
        found_path text;
      BEGIN
        IF p_event_type NOT IN ('login', 'login.failed', 'login.throttled') THEN
          RAISE EXCEPTION 'audit_record_login records logins only, not %', p_event_type USING ERRCODE = '22023';
        END IF;
        IF p_username IS NOT NULL THEN
          SELECT * INTO found_user FROM app_user u WHERE u.username = lower(btrim(p_username));
          SELECT o.path INTO found_path FROM organization o WHERE o.id = found_user.organization_id;
        END IF;
        INSERT INTO audit_event (tenant_id, user_id, username, display_name, organization_id, organization_path,
                                 event_type, method, route, status, request_id, ip, user_agent)
        VALUES (found_user.tenant_id, found_user.id, left(p_username, 200), found_user.display_name,
                found_user.organization_id, found_path, p_event_type, 'POST', left(p_route, 200), p_status,
                left(p_request_id, 64), left(p_ip, 64), left(p_user_agent, 300));
        -- A throttled attempt never reaches auth_find_login: it leaves its login_audit row here.
        IF p_event_type = 'login.throttled' THEN
          INSERT INTO login_audit (tenant_id, user_id, username, outcome, ip)
          VALUES (found_user.tenant_id, found_user.id, left(coalesce(p_username, ''), 200), 'throttled', left(p_ip, 64));
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_record_login(text, text, integer, text, text, text, text) FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION audit_record_login(text, text, integer, text, text, text, text) TO jxt_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_record_login(text, text, integer, text, text, text, text)`);
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_guard()`);
  }
}
