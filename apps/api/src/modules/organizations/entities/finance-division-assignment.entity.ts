import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

/**
 * 财政科室分工: which 主管部门 a finance division reviews. A finance user in a division sees and acts on
 * the forms of those departments' subtrees only; one at the 财政局 itself sees the whole tenant.
 */
@Entity({ name: 'finance_division_assignment' })
export class FinanceDivisionAssignmentEntity {
  @PrimaryColumn({ name: 'division_id', type: 'uuid' })
  divisionId!: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'division_id' })
  division?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrganizationEntity;
}
