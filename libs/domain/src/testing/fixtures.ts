/** Test data only (excluded from the build): the national taxonomy of docs/domain.md §3 and the seed's first form. */
import type { Funds, IndicatorSetsInput, ProjectHeader, TaxonomyNode } from '@jxt/contracts';

const l1 = (code: string, label: string, sortOrder: number): TaxonomyNode => ({
  code,
  label,
  level: 1,
  parentCode: null,
  sortOrder,
  retired: false,
});
const l2 = (code: string, label: string, parentCode: string, sortOrder: number): TaxonomyNode => ({
  code,
  label,
  level: 2,
  parentCode,
  sortOrder,
  retired: false,
});

export const TAXONOMY: TaxonomyNode[] = [
  l1('output', '产出指标', 1),
  l2('quantity', '数量指标', 'output', 1),
  l2('quality', '质量指标', 'output', 2),
  l2('timeliness', '时效指标', 'output', 3),
  l2('cost', '成本指标', 'output', 4),
  l1('benefit', '效益指标', 2),
  l2('economic', '经济效益指标', 'benefit', 1),
  l2('social', '社会效益指标', 'benefit', 2),
  l2('ecological', '生态效益指标', 'benefit', 3),
  l2('sustainable', '可持续影响指标', 'benefit', 4),
  l1('satisfaction', '满意度指标', 3),
  l2('service_satisfaction', '服务对象满意度指标', 'satisfaction', 1),
];

/** Seed form 1 (项目推进及社保卡宣传活动 …): all columns equal, 213500. */
export const SEED_FUNDS: Funds = {
  totalAmount: '213500',
  fiscalAmount: '213500',
  otherAmount: '0',
  annualAmount: '213500',
  annualFiscalAmount: '213500',
  carryOverAmount: '0',
  annualOtherAmount: '0',
};

export const SEED_HEADER: ProjectHeader = {
  code: 'P2021-001',
  name: '市民服务',
  categoryCode: 'recurring',
  continuity: 'continuing',
  functionClassCode: '2060103',
  printedDepartment: '上海市松江区科技创新服务中心（上海市松江区大数据中心）',
  printedImplementingUnit: null,
  plannedStart: '2021-01-01',
  plannedEnd: '2021-12-31',
};

const ind = (name: string, rawValue: string) => ({ name, rawValue });

export const SEED_INDICATORS: IndicatorSetsInput = {
  year: [
    {
      code: 'output',
      children: [
        {
          code: 'quantity',
          indicators: [ind('制作告知单、宣传资料工作计划完成率', '=100%'), ind('组织企业人事专办员培训次数', '=2次')],
        },
        { code: 'quality', indicators: [ind('工作完成通过率', '=100%')] },
        { code: 'timeliness', indicators: [ind('工作完成及时率', '及时')] },
      ],
    },
    {
      code: 'benefit',
      children: [
        { code: 'social', indicators: [ind('受益对象满意度', '>=90%'), ind('信息化程度', '提升')] },
        { code: 'sustainable', indicators: [ind('申报企业增长率', '提高'), ind('长效管理执行有效性', '有效')] },
      ],
    },
    {
      code: 'satisfaction',
      children: [
        {
          code: 'service_satisfaction',
          indicators: [ind('公众满意度', '>=90%'), ind('管理人员满意度', '>=90%'), ind('企业社会影响力', '提高')],
        },
      ],
    },
  ],
  longTerm: null,
};
