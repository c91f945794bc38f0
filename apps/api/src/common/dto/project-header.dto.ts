// The project header DTOs, shared by the projects module (create, list) and the forms module (a form's header).
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROJECT_CONTINUITY, type Project, type ProjectContinuity, type ProjectHeader } from '@jxt/contracts';

/**
 * 项目表头: the fields printed in the header grid of the 绩效目标填报表 (plus code, 新增/延续, 功能分类科目). Sent with a
 * save and answered with every project and form: each field is present, null when blank.
 */
@ApiSchema({ name: 'ProjectHeader' })
export class ProjectHeaderDto implements ProjectHeader {
  @ApiProperty({ type: String, example: '2021-KCZX-003', description: '项目编码' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: '项目编码只能用字母、数字和 . _ -，最长 64 位' })
  code!: string;

  @ApiProperty({ type: String, example: '网络信息系统运行与维护', description: '项目名称' })
  @IsString()
  @IsNotEmpty({ message: '请填写项目名称' })
  @MaxLength(300)
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'recurring', description: '项目类别代码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode!: string | null;

  @ApiProperty({ enum: PROJECT_CONTINUITY, enumName: 'ProjectContinuity', nullable: true, description: '新增/延续' })
  @IsOptional()
  @IsIn([...PROJECT_CONTINUITY], { message: '新增/延续 必须是 new 或 continuing' })
  continuity!: ProjectContinuity | null;

  @ApiProperty({ type: String, nullable: true, example: '2060103', description: '功能分类科目代码' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3,7}$/, { message: '功能分类科目编码应为 3–7 位数字' })
  functionClassCode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '主管部门（按表上所印）' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  printedDepartment!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '实施单位（按表上所印）' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  printedImplementingUnit!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2021-01-01', description: '计划开始日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '计划开始日期必须是 YYYY-MM-DD' })
  plannedStart!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2022-12-31', description: '计划完成日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '计划完成日期必须是 YYYY-MM-DD' })
  plannedEnd!: string | null;
}

/** A project (项目) with the header of one of its forms (the year's, in lists). */
@ApiSchema({ name: 'Project' })
export class ProjectDto extends ProjectHeaderDto implements Project {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', description: '所属预算单位' }) organizationId!: string;
  @ApiProperty({ type: String }) organizationName!: string;
}
