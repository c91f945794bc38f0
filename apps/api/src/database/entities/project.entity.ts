import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { OrganizationEntity } from './organization.entity';

/**
 * 项目: only the identity that is stable across years (its code and owning unit). The owning organisation
 * decides who sees and approves it. Everything the form prints (项目名称, 项目类别, 主管部门 …) belongs to each
 * goal_form revision, so that a locked revision never changes (docs/domain.md §5.1).
 */
@Entity({ name: 'project' })
@Unique('project_tenant_code_key', ['tenantId', 'code'])
@Unique('project_id_tenant_key', ['id', 'tenantId'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Index('project_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('organization_id', 'project_organization_fk')
  organization?: OrganizationEntity;

  /** 项目编码 */
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
