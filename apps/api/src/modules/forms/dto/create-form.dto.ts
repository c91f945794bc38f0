import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { CreateFormRequest } from '@jxt/contracts';

/** POST /api/projects/:id/forms — the project's form for another year (a 延续 project's next year). */
@ApiSchema({ name: 'CreateFormRequest' })
export class CreateFormDto implements CreateFormRequest {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2022 })
  @IsInt({ message: '年度必须是整数' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      '从上一年度财政已审核的版本带入表头、目标与指标（金额不复制）；上一年度没有已审核版本时返回 409。false：空白表，表头取自最近一版',
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  copyLatest?: boolean;
}
