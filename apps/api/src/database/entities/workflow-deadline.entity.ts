import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';
import type { DeadlineKind } from '@jxt/contracts';

/** 截止日期: by when each step of a year's forms must be done (set per tenant and year by the admin). */
@Entity({ name: 'workflow_deadline' })
export class WorkflowDeadlineEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'workflow_deadline_tenant_fk' })
  tenant?: TenantEntity;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  /** submit | supervisor_review | finance_review */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: DeadlineKind;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;
}
