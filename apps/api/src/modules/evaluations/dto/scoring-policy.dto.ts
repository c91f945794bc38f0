import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import type {
  GradeBand,
  QualitativeBand,
  QualitativeBandCode,
  SaveScoringPolicyRequest,
  ScoringPolicy,
} from '@jxt/contracts';

const DECIMAL = /^\d{1,3}(\.\d{1,4})?$/;
const DECIMAL_MESSAGE = '必须是非负数（最多四位小数），以文本填写';

/** A record of 一级指标 code → weight, each a decimal string. */
function IsWeightRecord() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isWeightRecord',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          Object.entries(value).every(([k, v]) => /^[a-z_]{1,64}$/.test(k) && typeof v === 'string' && DECIMAL.test(v)),
        defaultMessage: () => '一级指标权重必须是“代码: 数值文本”，如 {"output": "50"}',
      },
    });
}

export class QualitativeBandDto implements QualitativeBand {
  @ApiProperty({ enum: ['achieved', 'partly', 'missed'] })
  @IsIn(['achieved', 'partly', 'missed'])
  code!: QualitativeBandCode;
  @ApiProperty() @IsString() @MaxLength(50) label!: string;
  @ApiProperty({ example: '0.8' }) @Matches(DECIMAL, { message: `档次下限${DECIMAL_MESSAGE}` }) min!: string;
  @ApiProperty({ example: '1' }) @Matches(DECIMAL, { message: `档次上限${DECIMAL_MESSAGE}` }) max!: string;
}

export class GradeBandDto implements GradeBand {
  @ApiProperty({ example: '优' }) @IsString() @MaxLength(20) grade!: string;
  @ApiProperty({ example: '90' }) @Matches(DECIMAL, { message: `等级分数线${DECIMAL_MESSAGE}` }) min!: string;
}

export class MissingLevel1Dto {
  @ApiProperty({ example: 'satisfaction' }) @IsString() @Matches(/^[a-z_]{1,64}$/) code!: string;
  @ApiProperty({ example: 'split_evenly' }) @IsString() @Matches(/^[a-z_]{1,64}$/) moveTo!: string;
}

export class ScoringPolicyDto implements ScoringPolicy {
  @ApiProperty({ example: '10' })
  @Matches(DECIMAL, { message: `预算执行率分值${DECIMAL_MESSAGE}` })
  budgetExecutionWeight!: string;
  @ApiProperty({ example: { output: '50', benefit: '30', satisfaction: '10' } })
  @IsObject()
  @IsWeightRecord()
  level1Weights!: Record<string, string>;
  @ApiProperty({ type: MissingLevel1Dto })
  @ValidateNested()
  @Type(() => MissingLevel1Dto)
  missingLevel1!: MissingLevel1Dto;
  @ApiProperty({ enum: ['ratio', 'linear'] })
  @IsIn(['ratio', 'linear'], { message: '反向指标公式必须是 ratio 或 linear' })
  reverseFormula!: 'ratio' | 'linear';
  @ApiProperty({ type: [QualitativeBandDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QualitativeBandDto)
  qualitativeBands!: QualitativeBandDto[];
  @ApiPropertyOptional({ example: '1.3' })
  @IsOptional()
  @Matches(DECIMAL, { message: `超目标比例${DECIMAL_MESSAGE}` })
  overshootRatio!: string | null;
  @ApiPropertyOptional({ example: '1', description: '指标得分低于分值的此比例时须填写偏差原因（1 = 任何未达标）' })
  @IsOptional()
  @Matches(DECIMAL, { message: `未达标比例${DECIMAL_MESSAGE}` })
  missThreshold?: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(2) indicatorDecimals!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(2) totalDecimals!: number;
  @ApiProperty({ type: [GradeBandDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GradeBandDto)
  grades!: GradeBandDto[];
}

export class SaveScoringPolicyDto implements SaveScoringPolicyRequest {
  @ApiProperty({ type: ScoringPolicyDto }) @ValidateNested() @Type(() => ScoringPolicyDto) policy!: ScoringPolicyDto;
  @ApiPropertyOptional({ description: '编辑时所依据的版本号；期间有人保存了新版本则返回 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  baseVersion?: number | null;
}

export class StartScoringJobDto {
  @ApiProperty({ example: 2021 }) @IsInt() @Min(2000) @Max(2100) year!: number;
}
