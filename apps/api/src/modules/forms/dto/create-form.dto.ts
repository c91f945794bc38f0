import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** POST /api/projects/:id/forms — the project's form for another year (a 延续 project's next year). */
export class CreateFormDto {
  @ApiProperty({ example: 2022 }) @IsInt({ message: '年度必须是整数' }) @Min(2000) @Max(2100) year!: number;

  @ApiPropertyOptional({ description: '复制最近一年的目标与指标（金额不复制）', default: true })
  @IsOptional()
  @IsBoolean()
  copyLatest?: boolean;
}
