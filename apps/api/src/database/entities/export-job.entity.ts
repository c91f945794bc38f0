import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ExportFormat, ExportJobStatus, ExportKind } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';

/**
 * 批量导出: a background job writing a year's forms (or 自评表) of the asking user's scope into one file in DATA_DIR
 * (docs/adr/0028-bulk-export.md), with its progress. Only its creator reads it (`export_job_user_idx` lists theirs).
 */
@Entity({ name: 'export_job' })
@Index('export_job_user_idx', ['createdBy', 'tenantId', 'createdAt'])
// Deleting a tenant looks its jobs up by tenant (the foreign key's cascade).
@Index('export_job_tenant_idx', ['tenantId'])
export class ExportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'export_job_tenant_fk' })
  tenant?: TenantEntity;

  /** Who asked: the only user who sees the job and downloads its file. */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('created_by', 'export_job_user_fk')
  creator?: UserEntity;

  /** goal | evaluation */
  @Column({ type: 'varchar', length: 20 })
  kind!: ExportKind;

  @Column({ type: 'integer' })
  year!: number;

  /** xlsx | zip */
  @Column({ type: 'varchar', length: 10 })
  format!: ExportFormat;

  /** The asking user's organisation subtrees (paths) when they asked: the worker exports exactly these. */
  @Column({ name: 'scope_paths', type: 'text', array: true })
  scopePaths!: string[];

  /** queued | running | done | failed (expired is derived from expires_at when read) */
  @Column({ type: 'varchar', length: 20 })
  status!: ExportJobStatus;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  done!: number;

  /** The download's name (Chinese), set when the file is written. */
  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ name: 'file_size', type: 'bigint', nullable: true })
  fileSize!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** When the file is deleted (finished_at + EXPORT_TTL_HOURS). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
