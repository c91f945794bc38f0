import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { FiscalYearCopied, FiscalYearStatus } from '@jxt/contracts';
import { TenantEntity } from './tenant.entity';

/**
 * 年度: a tenant's budget year, open from 开启新年度 until the admin closes it. 待办 lists the drafts of open years
 * only; a closed year's forms stay readable.
 */
@Entity({ name: 'fiscal_year' })
export class FiscalYearEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: 'fiscal_year_pkey' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fiscal_year_tenant_fk' })
  tenant?: TenantEntity;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'fiscal_year_pkey' })
  year!: number;

  /** open | closed */
  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: FiscalYearStatus;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  /** null: opened by the seed or the migration that introduced years. */
  @Column({ name: 'opened_by_name', type: 'varchar', length: 100, nullable: true })
  openedByName!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by_name', type: 'varchar', length: 100, nullable: true })
  closedByName!: string | null;

  /** What 开启新年度 copied from the year before (null: not opened by 开启新年度). */
  @Column({ type: 'jsonb', nullable: true })
  copied!: FiscalYearCopied | null;
}
