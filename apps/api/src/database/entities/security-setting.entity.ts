import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/**
 * 安全设置 of a tenant (admin-editable, modules/auth/security-settings.service.ts): login failures before the per-user
 * delay and that delay, the session's idle time-out and absolute lifetime, the password's minimum length. A tenant
 * without a row uses the defaults (SECURITY_SETTING_DEFAULTS and the env's SESSION_TTL_HOURS / LOGIN_* settings).
 */
@Entity({ name: 'security_setting' })
export class SecuritySettingEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @OneToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'security_setting_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ name: 'max_failures_per_user', type: 'integer' })
  maxFailuresPerUser!: number;

  @Column({ name: 'user_delay_seconds', type: 'integer' })
  userDelaySeconds!: number;

  @Column({ name: 'user_delay_max_seconds', type: 'integer' })
  userDelayMaxSeconds!: number;

  @Column({ name: 'idle_timeout_minutes', type: 'integer' })
  idleTimeoutMinutes!: number;

  @Column({ name: 'session_max_hours', type: 'integer' })
  sessionMaxHours!: number;

  @Column({ name: 'password_min_length', type: 'integer' })
  passwordMinLength!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
