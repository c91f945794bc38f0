import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { YearSummary, YearsResponse } from '@jxt/contracts';

@ApiSchema({ name: 'YearSummary', description: '一个有数据的年度，按调用者所见计数' })
export class YearSummaryDto implements YearSummary {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer', description: '有该年度绩效目标表的项目数' }) projects!: number;
  @ApiProperty({ type: 'integer', description: '该年度的自评表数' }) evaluations!: number;
  @ApiProperty({ type: 'integer', description: '待自评或未定稿的自评数' }) evaluationsOpen!: number;
  @ApiProperty({ type: 'integer', description: '保存过的评分规则版本数' }) policyVersions!: number;
  @ApiProperty({ type: Boolean, description: '是否有指标体系' }) taxonomy!: boolean;
}

@ApiSchema({ name: 'YearsResponse' })
export class YearsResponseDto implements YearsResponse {
  @ApiProperty({ type: [YearSummaryDto], description: '有数据的年度，新的在前' }) years!: YearSummaryDto[];
}
