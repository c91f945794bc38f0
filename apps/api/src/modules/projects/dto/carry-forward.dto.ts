import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { CarryForwardRequest, CarryForwardResponse, CarryForwardResult } from '@jxt/contracts';

export const CARRY_OUTCOMES = ['created', 'skipped', 'refused'] as const;
export type CarryOutcome = (typeof CARRY_OUTCOMES)[number];

/** POST /api/projects/carry-forward — 结转到下一年度: every continuing project of a unit at once. */
@ApiSchema({ name: 'CarryForwardRequest' })
export class CarryForwardDto implements CarryForwardRequest {
  @ApiProperty({ type: String, format: 'uuid', description: '预算单位（含其内设机构的项目）' })
  @IsUUID('all', { message: '单位编号无效' })
  organizationId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 2000,
    maximum: 2099,
    example: 2021,
    description: '由哪一年度的已审核版本结转',
  })
  @IsInt({ message: '年度必须是整数' })
  @Min(2000)
  @Max(2099)
  fromYear!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2001,
    maximum: 2100,
    example: 2022,
    description: '结转到的年度；只能是 fromYear 的下一年度，不填即为下一年度',
  })
  @IsOptional()
  @IsInt({ message: '年度必须是整数' })
  @Min(2001)
  @Max(2100)
  toYear?: number;
}

@ApiSchema({ name: 'CarryForwardResult', description: '一个项目的结转结果' })
export class CarryForwardResultDto implements CarryForwardResult {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, description: '项目编码' }) code!: string;
  @ApiProperty({ type: String, description: '项目名称（上一年度的表）' }) projectName!: string;
  @ApiProperty({
    enum: CARRY_OUTCOMES,
    enumName: 'CarryOutcome',
    description: 'created 已生成；skipped 不需结转（见 message）；refused 生成时被拒绝（见 message）',
  })
  outcome!: CarryOutcome;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '生成的下一年度草稿' })
  formId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '跳过或拒绝的原因' }) message!: string | null;
}

@ApiSchema({ name: 'CarryForwardResponse' })
export class CarryForwardResponseDto implements CarryForwardResponse {
  @ApiProperty({ type: 'integer' }) fromYear!: number;
  @ApiProperty({ type: 'integer' }) toYear!: number;
  @ApiProperty({ type: [CarryForwardResultDto], description: '按项目编码排序，每个项目一条' })
  results!: CarryForwardResultDto[];
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer' }) skipped!: number;
  @ApiProperty({ type: 'integer' }) refused!: number;
}
