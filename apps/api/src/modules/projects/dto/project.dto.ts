import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  PROJECT_CONTINUITY,
  type CreateProjectRequest,
  type ProjectContinuity,
  type ProjectHeader,
  type UpdateProjectRequest,
} from '@jxt/contracts';

/** 项目表头: the fields printed in the header grid of the 绩效目标填报表 (plus code, 新增/延续, 功能分类科目). */
export class ProjectHeaderDto implements ProjectHeader {
  @ApiProperty({ example: '2021-KCZX-003', description: '项目编码' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: '项目编码只能用字母、数字和 . _ -，最长 64 位' })
  code!: string;

  @ApiProperty({ example: '网络信息系统运行与维护', description: '项目名称' })
  @IsString()
  @IsNotEmpty({ message: '请填写项目名称' })
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ example: 'recurring', description: '项目类别' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode!: string | null;

  @ApiPropertyOptional({ enum: PROJECT_CONTINUITY, description: '新增/延续' })
  @IsOptional()
  @IsIn([...PROJECT_CONTINUITY], { message: '新增/延续 必须是 new 或 continuing' })
  continuity!: ProjectContinuity | null;

  @ApiPropertyOptional({ example: '2060103', description: '功能分类科目' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3,7}$/, { message: '功能分类科目编码应为 3–7 位数字' })
  functionClassCode!: string | null;

  @ApiPropertyOptional({ description: '主管部门（按表上所印）' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  printedDepartment!: string | null;

  @ApiPropertyOptional({ description: '实施单位（按表上所印）' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  printedImplementingUnit!: string | null;

  @ApiPropertyOptional({ example: '2021-01-01', description: '计划开始日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '计划开始日期必须是 YYYY-MM-DD' })
  plannedStart!: string | null;

  @ApiPropertyOptional({ example: '2022-12-31', description: '计划完成日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '计划完成日期必须是 YYYY-MM-DD' })
  plannedEnd!: string | null;
}

export class CreateProjectDto extends ProjectHeaderDto implements CreateProjectRequest {
  @ApiProperty({ description: '所属预算单位' })
  @IsUUID('all', { message: '单位编号无效' })
  organizationId!: string;

  @ApiProperty({ example: 2021, description: '首个绩效目标表的年度' })
  @IsInt({ message: '年度必须是整数' })
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** PATCH /api/projects/:id: the identity only; the printed header is the form's (any other field is a 400). */
export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiPropertyOptional({ example: '2021-KCZX-003', description: '项目编码' })
  // Absent is fine; null is not (it would be stored as a code).
  @ValidateIf((dto: UpdateProjectDto) => dto.code !== undefined)
  @IsString({ message: '项目编码不能为空' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: '项目编码只能用字母、数字和 . _ -，最长 64 位' })
  code?: string;
}

export class ListProjectsQueryDto {
  @ApiProperty({ example: 2021 })
  @Type(() => Number)
  @IsInt({ message: 'year 必须是年份' })
  @Min(2000)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({ description: '按项目名称或编码搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '组织编号无效' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) categoryCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) status?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
