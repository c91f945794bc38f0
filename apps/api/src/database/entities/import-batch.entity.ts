import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';

/**
 * 导入: the preview of one uploaded workbook (`POST /api/imports`), kept until its creator confirms it or it expires
 * (ADR 0027). It holds the sheets as read (the forms they would save, their matches and problems), never the file.
 */
@Entity({ name: 'import_batch' })
@Index('import_batch_creator_idx', ['createdBy', 'tenantId'])
@Index('import_batch_expires_idx', ['tenantId', 'expiresAt'])
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'import_batch_tenant_fk' })
  tenant?: TenantEntity;

  /** Only this user may read or confirm the batch. */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('created_by', 'import_batch_created_by_fk')
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** After this the batch can no longer be confirmed (the workbook must be uploaded again). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** The preview as answered: `{ forms, problems }`, with each match's rowVersion for the confirm's lock check. */
  @Column({ type: 'jsonb' })
  preview!: unknown;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** What the confirm did, per sheet (the created or updated form ids). */
  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;
}
