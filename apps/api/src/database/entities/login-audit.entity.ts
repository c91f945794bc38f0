import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 登录审计: every use of the one path that finds a user before the tenant is known
 * (the `auth_find_login` function) leaves a row here. Written only by that function.
 */
@Entity({ name: 'login_audit' })
export class LoginAuditEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  username!: string;

  /** found | unknown | disabled */
  @Column({ type: 'varchar', length: 20 })
  outcome!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
