import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  ORGANIZATION_KINDS,
  type CreateOrganizationRequest,
  type Organization,
  type OrganizationKind,
  type ProjectHeaderProposal,
  type UpdateOrganizationRequest,
} from '@jxt/contracts';
import { INT4_MAX } from '../../../common/validation/nested';

@ApiSchema({ name: 'Organization' })
export class OrganizationDto implements Organization {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '上级组织；财政局为 null' }) parentId!:
    string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' }) kind!: OrganizationKind;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: '单位类型代码（仅预算单位）' }) unitTypeCode!:
    string | null;
  @ApiProperty({ type: 'integer' }) sortOrder!: number;
  @ApiProperty({ type: Boolean, description: '已停用：保留历史，不能新增下级、用户与项目，其用户不能登录' })
  disabled!: boolean;
}

/** 新建项目: the printed 主管部门 and 实施单位 proposed for a project of the organisation (the filer may change them). */
@ApiSchema({ name: 'ProjectHeaderProposal' })
export class ProjectHeaderProposalDto implements ProjectHeaderProposal {
  @ApiProperty({ type: String, nullable: true, description: '主管部门：最近的上级主管部门' })
  printedDepartment!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '实施单位：本身或最近的上级预算单位' })
  printedImplementingUnit!: string | null;
}

@ApiSchema({ name: 'CreateOrganizationRequest' })
export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID('all', { message: '上级组织编号无效' }) parentId!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsIn([...ORGANIZATION_KINDS], { message: '组织类型必须是 finance_bureau、department、unit 或 internal' })
  kind!: OrganizationKind;

  @ApiProperty({ type: String, maxLength: 200 })
  @IsString()
  @IsNotEmpty({ message: '请填写组织名称' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitTypeCode?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  sortOrder?: number;
}

@ApiSchema({ name: 'UpdateOrganizationRequest' })
export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '上级组织编号无效' })
  parentId?: string;
  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '请填写组织名称' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitTypeCode?: string | null;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  sortOrder?: number;
  @ApiPropertyOptional({
    type: Boolean,
    description: '停用（连同下级组织；其用户一并停用并立即下线）或启用（连同下级组织，用户不变）',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
