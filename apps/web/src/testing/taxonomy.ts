/** Test data: GET /api/taxonomy?year=2021 of the demo tenant. */
import type { TaxonomyNode } from '@jxt/contracts';

export const TAXONOMY_2021: TaxonomyNode[] = [
  {
    code: 'output',
    label: '产出指标',
    level: 1,
    parentCode: null,
    sortOrder: 1,
  },
  {
    code: 'benefit',
    label: '效益指标',
    level: 1,
    parentCode: null,
    sortOrder: 2,
  },
  {
    code: 'satisfaction',
    label: '满意度指标',
    level: 1,
    parentCode: null,
    sortOrder: 3,
  },
  {
    code: 'economic',
    label: '经济效益指标',
    level: 2,
    parentCode: 'benefit',
    sortOrder: 1,
  },
  {
    code: 'quantity',
    label: '数量指标',
    level: 2,
    parentCode: 'output',
    sortOrder: 1,
  },
  {
    code: 'service_satisfaction',
    label: '服务对象满意度指标',
    level: 2,
    parentCode: 'satisfaction',
    sortOrder: 1,
  },
  {
    code: 'quality',
    label: '质量指标',
    level: 2,
    parentCode: 'output',
    sortOrder: 2,
  },
  {
    code: 'social',
    label: '社会效益指标',
    level: 2,
    parentCode: 'benefit',
    sortOrder: 2,
  },
  {
    code: 'ecological',
    label: '生态效益指标',
    level: 2,
    parentCode: 'benefit',
    sortOrder: 3,
  },
  {
    code: 'timeliness',
    label: '时效指标',
    level: 2,
    parentCode: 'output',
    sortOrder: 3,
  },
  {
    code: 'cost',
    label: '成本指标',
    level: 2,
    parentCode: 'output',
    sortOrder: 4,
  },
  {
    code: 'sustainable',
    label: '可持续影响指标',
    level: 2,
    parentCode: 'benefit',
    sortOrder: 4,
  },
];
