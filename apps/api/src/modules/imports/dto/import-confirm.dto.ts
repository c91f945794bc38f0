import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The user's choice for one sheet of the preview. */
@ApiSchema({ name: 'ImportSheetChoice' })
export class ImportSheetChoiceDto {
  @ApiProperty({ description: '工作表名（预览中的 sheet）', example: '区级项目' })
  @IsString()
  @MaxLength(100)
  sheet!: string;

  @ApiProperty({ description: '是否导入该表；不导入的表不作任何改动' })
  @IsBoolean({ message: '必须是 true 或 false' })
  include!: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'action 为 needs-unit 的表：新项目所属的预算单位（须在本人范围内）',
  })
  @IsOptional()
  @IsUUID('all', { message: '单位编号无效' })
  organizationId?: string | null;
}

/** POST /api/imports/:id/confirm: per sheet, whether to import it (a sheet not listed is imported). */
@ApiSchema({ name: 'ImportConfirmRequest' })
export class ImportConfirmDto {
  @ApiPropertyOptional({ type: [ImportSheetChoiceDto], description: '各表的选择；未列出的表按预览导入' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ImportSheetChoiceDto)
  sheets?: ImportSheetChoiceDto[];
}

export const IMPORT_OUTCOMES = ['created', 'updated', 'skipped', 'exists'] as const;

/** What the confirm did with one sheet. */
@ApiSchema({ name: 'ImportConfirmSheet' })
export class ImportConfirmSheetDto {
  @ApiProperty({ description: '工作表名' }) sheet!: string;
  @ApiProperty({
    enum: IMPORT_OUTCOMES,
    description:
      'created：新建了填报表（needs-unit 时连同项目）；updated：更新了草稿；skipped：未导入（用户未选）；exists：自评表已导入过（该项目该年度已有填报表），未作改动',
  })
  outcome!: (typeof IMPORT_OUTCOMES)[number];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '新建或更新的填报表' })
  formId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '自评表：导入的（或已存在的）自评表；填报表为 null',
  })
  evaluationId!: string | null;
}

@ApiSchema({ name: 'ImportConfirmResult' })
export class ImportConfirmResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [ImportConfirmSheetDto] }) forms!: ImportConfirmSheetDto[];
}
