import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  FISCAL_YEAR_STATUSES,
  type FiscalYearCopied,
  type FiscalYearStatus,
  type OpenYearResponse,
  type YearSummary,
  type YearsResponse,
} from '@jxt/contracts';

@ApiSchema({ name: 'FiscalYearCopied', description: '开启新年度时从上一年度复制的内容（目标年度已有的不复制）' })
export class FiscalYearCopiedDto implements FiscalYearCopied {
  @ApiProperty({ type: 'integer', description: '复制来源年度' }) fromYear!: number;
  @ApiProperty({ type: 'integer', description: '复制的指标体系节点数（一级、二级指标）' }) taxonomyNodes!: number;
  @ApiProperty({ type: 'integer', description: '复制的功能分类科目数' }) functionClasses!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '复制的评分规则来源版本（上一年度没有保存过评分规则则为空）',
  })
  scoringPolicyVersion!: number | null;
  @ApiProperty({ type: 'integer', description: '按上一年度同月同日建议的截止日期数' }) deadlines!: number;
}

@ApiSchema({ name: 'YearSummary', description: '一个年度（开启过或有数据），按调用者所见计数' })
export class YearSummaryDto implements YearSummary {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({
    enum: FISCAL_YEAR_STATUSES,
    enumName: 'FiscalYearStatus',
    nullable: true,
    description: 'open 已开启、closed 已关闭；空：有数据但从未开启（如提前生成的下一年度填报表）',
  })
  status!: FiscalYearStatus | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '开启人（迁移或初始数据开启的年度为空）' })
  openedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedByName!: string | null;
  @ApiProperty({ type: FiscalYearCopiedDto, nullable: true, description: '开启新年度复制的内容' })
  copied!: FiscalYearCopiedDto | null;
  @ApiProperty({ type: 'integer', description: '有该年度绩效目标表的项目数' }) projects!: number;
  @ApiProperty({ type: 'integer', description: '该年度的自评表数' }) evaluations!: number;
  @ApiProperty({ type: 'integer', description: '待自评或未定稿的自评数' }) evaluationsOpen!: number;
  @ApiProperty({ type: 'integer', description: '保存过的评分规则版本数' }) policyVersions!: number;
  @ApiProperty({ type: Boolean, description: '是否有指标体系' }) taxonomy!: boolean;
}

@ApiSchema({ name: 'YearsResponse' })
export class YearsResponseDto implements YearsResponse {
  @ApiProperty({ type: [YearSummaryDto], description: '开启过或有数据的年度，新的在前' }) years!: YearSummaryDto[];
}

@ApiSchema({ name: 'OpenYearResponse' })
export class OpenYearResponseDto implements OpenYearResponse {
  @ApiProperty({ type: YearSummaryDto }) year!: YearSummaryDto;
  @ApiProperty({ type: Boolean, description: '本次是否有改动（已开启的年度再次开启：false，什么也不改）' })
  changed!: boolean;
}
