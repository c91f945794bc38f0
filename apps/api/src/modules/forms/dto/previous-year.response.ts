import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { INDICATOR_SETS, type IndicatorSet, type PreviousIndicator, type PreviousYear } from '@jxt/contracts';

@ApiSchema({ name: 'PreviousIndicator', description: '上一年度（结转来源版本）的一个三级指标' })
export class PreviousIndicatorDto implements PreviousIndicator {
  @ApiProperty({ enum: INDICATOR_SETS, enumName: 'IndicatorSet' }) indicatorSet!: IndicatorSet;
  @ApiProperty({ type: String, description: '一级指标代码' }) level1Code!: string;
  @ApiProperty({ type: String, description: '二级指标代码' }) level2Code!: string;
  @ApiProperty({ type: String, description: '三级指标名称' }) name!: string;
  @ApiProperty({ type: String, description: '上年年度指标值（原文）' }) target!: string;
  @ApiProperty({ type: String, nullable: true, description: '上年自评表中的实际完成值；未自评为 null' })
  actual!: string | null;
}

@ApiSchema({ name: 'PreviousYear', description: '结转来源：上一年度已审核版本及其指标' })
export class PreviousYearDto implements PreviousYear {
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: [PreviousIndicatorDto] }) indicators!: PreviousIndicatorDto[];
}
