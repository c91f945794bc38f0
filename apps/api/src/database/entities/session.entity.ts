import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { UserEntity } from './user.entity';

/**
 * 会话: the server side of an access token. Only a keyed hash of the token is stored.
 * Every request checks it, so logout, revocation and disabling a user take effect at once.
 */
@Entity({ name: 'user_session' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Index('user_session_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('user_id', 'user_session_user_fk')
  user?: UserEntity;

  @Index('user_session_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /**
   * What the session may do until its user has done something first: `password_change` (a password an admin set) or
   * `totp_enrolment` (an admin without a second factor); null: everything its roles allow.
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  restriction!: 'password_change' | 'totp_enrolment' | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;
}
