import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  FORM_STATUSES,
  type CreateProjectRequest,
  type FormStatus,
  type ProjectDetail,
  type ProjectFormSummary,
  type ProjectListItem,
  type ProjectListResponse,
  type UpdateProjectRequest,
} from '@jxt/contracts';
import { ProjectDto, ProjectHeaderDto } from '../../../common/dto/project-header.dto';
import { INT4_MAX } from '../../../common/validation/nested';

@ApiSchema({ name: 'ProjectFormSummary', description: '项目的一张绩效目标表（一个年度的一个版本）' })
export class ProjectFormSummaryDto implements ProjectFormSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus' }) status!: FormStatus;
}

/** GET and PATCH /api/projects/:id: the project with every form it has. */
@ApiSchema({ name: 'ProjectDetail' })
@ApiExtraModels(ProjectDto) // the project alone is a contract type too (libs/contracts Project)
export class ProjectDetailDto extends ProjectDto implements ProjectDetail {
  @ApiProperty({ type: [ProjectFormSummaryDto], description: '各年度、各版本的表单' }) forms!: ProjectFormSummaryDto[];
}

@ApiSchema({ name: 'ProjectListItem' })
export class ProjectListItemDto extends ProjectDto implements ProjectListItem {
  @ApiProperty({ type: 'integer', example: 2021 }) year!: number;
  @ApiProperty({ type: String, format: 'uuid', description: '该项目本年度绩效目标表的编号' }) formId!: string;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus' }) formStatus!: FormStatus;
  @ApiProperty({ type: String, nullable: true, example: '8927300.00', description: '年度资金申请总额（元）' })
  annualAmount!: string | null;
}

@ApiSchema({ name: 'ProjectListResponse' })
export class ProjectListResponseDto implements ProjectListResponse {
  @ApiProperty({ type: [ProjectListItemDto] }) items!: ProjectListItemDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

@ApiSchema({ name: 'CreateProjectRequest' })
export class CreateProjectDto extends OmitType(ProjectHeaderDto, ['code']) implements CreateProjectRequest {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2021-KCZX-003',
    description: '项目编码；不填则按年度自动生成（如 2023-0001）',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: '项目编码只能用字母、数字和 . _ -，最长 64 位' })
  code?: string | null;

  @ApiProperty({ type: String, format: 'uuid', description: '所属预算单位' })
  @IsUUID('all', { message: '单位编号无效' })
  organizationId!: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2021, description: '首个绩效目标表的年度' })
  @IsInt({ message: '年度必须是整数' })
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** PATCH /api/projects/:id: the identity only; the printed header is the form's (any other field is a 400). */
@ApiSchema({ name: 'UpdateProjectRequest' })
export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiPropertyOptional({ type: String, example: '2021-KCZX-003', description: '项目编码' })
  // Absent is fine; null is not (it would be stored as a code).
  @ValidateIf((dto: UpdateProjectDto) => dto.code !== undefined)
  @IsString({ message: '项目编码不能为空' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: '项目编码只能用字母、数字和 . _ -，最长 64 位' })
  code?: string;
}

export class ListProjectsQueryDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2021 })
  @Type(() => Number)
  @IsInt({ message: 'year 必须是年份' })
  @Min(2000)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({ type: String, maxLength: 100, description: '按项目名称或编码搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: '组织（含其下级）' })
  @IsOptional()
  @IsUUID('all', { message: '组织编号无效' })
  organizationId?: string;
  @ApiPropertyOptional({ type: String, maxLength: 64, description: '项目类别代码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string;
  @ApiPropertyOptional({ type: String, maxLength: 30, description: '表单状态' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  status?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: INT4_MAX, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  page?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
