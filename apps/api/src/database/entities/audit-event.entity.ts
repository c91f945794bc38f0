import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 日志 (audit log, docs/adr/0020-audit-log.md): logins and failed logins, logouts and revoked sessions, every write
 * of a user holding the admin role and every change of users, organisations and settings, refused ones included.
 * Append-only: the app role may only read (row-level security) and insert; a trigger refuses UPDATE for everyone
 * and DELETE except the owner's purge of rows older than the retention (never younger than 180 days).
 * No foreign keys on purpose: a record outlives the user, organisation or tenant it names, and its who and where
 * are copied as they were at the time.
 */
@Entity({ name: 'audit_event' })
// The log's list: one tenant, newest first; the purge: every tenant, oldest first.
@Index('audit_event_tenant_at_idx', ['tenantId', 'at'])
@Index('audit_event_at_idx', ['at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'audit_event_pkey' })
  id!: string;

  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** Null only for a failed login of a user name nobody holds (no tenant is known): seen by the operator alone. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  /** The user name as given (a failed login's, even when nobody holds it). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  username!: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true })
  displayName!: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  /** The actor's organisation path at the time: readers see the events of their subtree ("C": LIKE uses indexes). */
  @Column({ name: 'organization_path', type: 'text', collation: 'C', nullable: true })
  organizationPath!: string | null;

  /** AUDIT_EVENT_TYPES of libs/contracts. */
  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  method!: string | null;

  /** The route template (`/api/users/:id`), not the URL: no query string, nothing the client chose. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  route!: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 40, nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId!: string | null;

  /** The HTTP status answered: below 400 the change was stored, otherwise it was refused and nothing changed. */
  @Column({ type: 'smallint' })
  status!: number;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** The client address as the app sees it (after TRUST_PROXY). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  /** What was asked for, for the changes of users, organisations and settings (secrets removed, size capped). */
  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
