import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { OrganizationEntity } from './organization.entity';
import { TenantEntity } from './tenant.entity';

/** 用户: bound to one organisation; what they see is that organisation's subtree. */
@Entity({ name: 'app_user' })
// The users of an organisation (and of a tenant); both keys are checked against it.
@Index('app_user_tenant_organization_idx', ['tenantId', 'organizationId'])
@Unique('app_user_id_tenant_key', ['id', 'tenantId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: TenantEntity;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('organization_id', 'app_user_organization_fk')
  organization?: OrganizationEntity;

  /** Login name, lower case, unique across tenants (login happens before the tenant is known). */
  @Index('app_user_username_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** 联系电话: proposed as the 联系电话 of the user's 提交. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone!: string | null;

  /** Where 消息提醒 are e-mailed when SMTP is configured (set by the user in 个人设置; null: none). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Set when an admin set the password (user created or password reset): changed at the next login first. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired!: boolean;

  /** A demo user of the embedded default's seed: an admin among them need not enrol a second factor. */
  @Column({ name: 'demo_account', type: 'boolean', default: false })
  demoAccount!: boolean;

  /** The TOTP secret, encrypted (AES-256-GCM, modules/auth/totp-secret-box.ts); null until enrolment is confirmed. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret!: string | null;

  /** A secret handed out by setup and not yet confirmed with a code (encrypted too). */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true })
  totpPendingSecret!: string | null;

  /** The last RFC 6238 time step a code was accepted for: a code of that step or earlier is refused (no replay). */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  /** Keyed hashes of the unused one-time recovery codes. */
  @Column({ name: 'totp_recovery_codes', type: 'text', array: true, default: () => "'{}'" })
  totpRecoveryCodes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
