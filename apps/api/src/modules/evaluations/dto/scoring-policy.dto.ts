import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import {
  QUALITATIVE_BAND_CODES,
  type GradeBand,
  type QualitativeBand,
  type QualitativeBandCode,
  type SaveScoringPolicyRequest,
  type ScoringPolicy,
  type StartScoringJobRequest,
} from '@jxt/contracts';
import { EachIsObject, INT4_MAX, NestedObject } from '../../../common/validation/nested';

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

// The policy is sent as the admin edits it and answered as stored: one schema for both (docs/domain.md §4).

@ApiSchema({ name: 'QualitativeBand', description: '定性指标的完成档次：分值的比例区间' })
export class QualitativeBandDto implements QualitativeBand {
  @ApiProperty({ enum: QUALITATIVE_BAND_CODES, enumName: 'QualitativeBandCode' })
  @IsIn([...QUALITATIVE_BAND_CODES])
  code!: QualitativeBandCode;
  @ApiProperty({ type: String, maxLength: 50 }) @IsString() @MaxLength(50) label!: string;
  @ApiProperty({ type: String, example: '0.8' })
  @Matches(DECIMAL, { message: `档次下限${DECIMAL_MESSAGE}` })
  min!: string;
  @ApiProperty({ type: String, example: '1' })
  @Matches(DECIMAL, { message: `档次上限${DECIMAL_MESSAGE}` })
  max!: string;
}

@ApiSchema({ name: 'GradeBand', description: '自评等级及其最低总分（含）' })
export class GradeBandDto implements GradeBand {
  @ApiProperty({ type: String, example: '优' }) @IsString() @MaxLength(20) grade!: string;
  @ApiProperty({ type: String, example: '90' })
  @Matches(DECIMAL, { message: `等级分数线${DECIMAL_MESSAGE}` })
  min!: string;
}

@ApiSchema({ name: 'MissingLevel1', description: '缺少某一级指标时其权重的去向：平均分给其余一级指标，或给某一代码' })
export class MissingLevel1Dto {
  @ApiProperty({ type: String, example: 'satisfaction' }) @IsString() @Matches(/^[a-z_]{1,64}$/) code!: string;
  @ApiProperty({ type: String, example: 'split_evenly' }) @IsString() @Matches(/^[a-z_]{1,64}$/) moveTo!: string;
}

@ApiSchema({ name: 'ScoringPolicy', description: '评分规则：年终评分用到的每个数（十进制文本）' })
export class ScoringPolicyDto implements ScoringPolicy {
  @ApiProperty({ type: String, example: '10', description: '预算执行率分值' })
  @Matches(DECIMAL, { message: `预算执行率分值${DECIMAL_MESSAGE}` })
  budgetExecutionWeight!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { output: '50', benefit: '30', satisfaction: '10' },
    description: '各一级指标代码的权重',
  })
  @IsObject()
  @IsWeightRecord()
  level1Weights!: Record<string, string>;
  @ApiProperty({ type: MissingLevel1Dto })
  @NestedObject(() => MissingLevel1Dto)
  missingLevel1!: MissingLevel1Dto;
  @ApiProperty({ enum: ['ratio', 'linear'], description: '反向指标未达标时的公式' })
  @IsIn(['ratio', 'linear'], { message: '反向指标公式必须是 ratio 或 linear' })
  reverseFormula!: 'ratio' | 'linear';
  @ApiProperty({ type: [QualitativeBandDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => QualitativeBandDto)
  qualitativeBands!: QualitativeBandDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1.3',
    description: '超出目标此比例时须填写偏差原因；null 不要求',
  })
  // Required, and null only when said: a policy without it would not say whether overshooting needs a reason.
  @ValidateIf((policy: ScoringPolicyDto) => policy.overshootRatio !== null)
  @IsDefined({ message: '请填写超目标比例（不要求时填 null）' })
  @Matches(DECIMAL, { message: `超目标比例${DECIMAL_MESSAGE}` })
  overshootRatio!: string | null;
  @ApiPropertyOptional({
    type: String,
    example: '1',
    description: '指标得分低于分值的此比例时须填写偏差原因（1 = 任何未达标；此项之前保存的版本没有它，按 1）',
  })
  // May be left out (an older version's policy), but not null: the scoring reads it as a number.
  @ValidateIf((policy: ScoringPolicyDto) => policy.missThreshold !== undefined)
  @Matches(DECIMAL, { message: `未达标比例${DECIMAL_MESSAGE}` })
  missThreshold?: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 2, example: 2 })
  @IsInt()
  @Min(0)
  @Max(2)
  indicatorDecimals!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 2, example: 2 }) @IsInt() @Min(0) @Max(2) totalDecimals!: number;
  @ApiProperty({ type: [GradeBandDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => GradeBandDto)
  grades!: GradeBandDto[];
}

@ApiSchema({ name: 'SaveScoringPolicyRequest' })
export class SaveScoringPolicyDto implements SaveScoringPolicyRequest {
  @ApiProperty({ type: ScoringPolicyDto })
  @NestedObject(() => ScoringPolicyDto, '缺少评分规则')
  policy!: ScoringPolicyDto;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: INT4_MAX,
    description: '编辑时所依据的版本号；期间有人保存了新版本则返回 409',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  baseVersion?: number | null;
}

@ApiSchema({ name: 'StartScoringJobRequest' })
export class StartScoringJobDto implements StartScoringJobRequest {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2021 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
