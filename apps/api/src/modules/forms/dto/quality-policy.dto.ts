import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INT4_MAX, EachIsObject, NestedObject } from '../../../common/validation/nested';

const CHECK_LEVELS = ['error', 'warning', 'off'] as const;

@ApiSchema({ name: 'QualityCheckSetting', description: '一项检查的级别：error 阻止提交，warning 只提示，off 不检查' })
export class QualityCheckSettingDto {
  @ApiProperty({ type: String, example: 'quality.satisfaction_missing' })
  @IsString()
  @Matches(/^quality\.[a-z0-9_]{1,60}$/, { message: '检查代码格式不正确' })
  code!: string;

  @ApiProperty({ enum: CHECK_LEVELS, enumName: 'CheckLevel' })
  @IsIn([...CHECK_LEVELS], { message: '级别必须是 error、warning 或 off' })
  level!: 'error' | 'warning' | 'off';
}

@ApiSchema({
  name: 'PublicServiceRule',
  description: '面向公众的项目（应有满意度指标）：项目类别、功能分类科目前缀或项目名称中的词，任一命中即是',
})
export class PublicServiceRuleDto {
  @ApiProperty({ type: [String], example: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  categoryCodes!: string[];

  @ApiProperty({ type: [String], example: ['205', '208', '210'] })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^\d{1,7}$/, { each: true, message: '功能分类科目前缀必须是数字' })
  functionClassPrefixes!: string[];

  @ApiProperty({ type: [String], example: ['市民', '公众'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  nameWords!: string[];
}

@ApiSchema({ name: 'QualityPolicy', description: '绩效目标质量检查规则（审核要点）' })
export class QualityPolicyDto {
  @ApiProperty({ type: [QualityCheckSettingDto], description: '未列出的检查取默认级别（warning）' })
  @IsArray()
  @ArrayMaxSize(100)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => QualityCheckSettingDto)
  checks!: QualityCheckSettingDto[];

  @ApiProperty({ type: PublicServiceRuleDto })
  @NestedObject(() => PublicServiceRuleDto)
  publicService!: PublicServiceRuleDto;
}

@ApiSchema({ name: 'SaveQualityPolicyRequest' })
export class SaveQualityPolicyDto {
  @ApiProperty({ type: QualityPolicyDto })
  @NestedObject(() => QualityPolicyDto, '缺少质量检查规则')
  policy!: QualityPolicyDto;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '编辑所依据的版本；已有更新的版本时 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  baseVersion?: number | null;
}

@ApiSchema({ name: 'QualityPolicyVersion', description: '某年度的质量检查规则；version 0 为未保存过时的默认规则' })
export class QualityPolicyVersionDto {
  @ApiProperty({ type: 'integer', example: 2021 }) year!: number;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: QualityPolicyDto }) policy!: QualityPolicyDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
}
