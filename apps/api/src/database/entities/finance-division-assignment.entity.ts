import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { OrganizationEntity } from './organization.entity';

/**
 * 财政科室分工: which 主管部门 a finance division reviews. A finance user in a division sees and acts on
 * the forms of those departments' subtrees only; one at the 财政局 itself sees the whole tenant.
 */
@Entity({ name: 'finance_division_assignment' })
// The divisions a 主管部门 is assigned to (the primary key leads with the division).
@Index('finance_division_assignment_department_idx', ['departmentId'])
export class FinanceDivisionAssignmentEntity {
  @PrimaryColumn({ name: 'division_id', type: 'uuid' })
  divisionId!: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('division_id', 'finance_division_assignment_division_fk')
  division?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('department_id', 'finance_division_assignment_department_fk')
  department?: OrganizationEntity;
}
