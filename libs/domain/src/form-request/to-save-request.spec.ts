import type { GoalForm } from '@jxt/contracts';
import { copyIndicatorSets, toSaveRequest } from './to-save-request';

const form: GoalForm = {
  id: 'f1',
  year: 2021,
  revision: 1,
  status: 'draft',
  rowVersion: 3,
  locked: false,
  origin: 'system',
  carriedFrom: null,
  project: {
    id: 'p1',
    organizationId: 'o1',
    organizationName: '单位',
    code: 'C1',
    name: '市民服务',
    categoryCode: 'recurring',
    continuity: null,
    functionClassCode: '2060103',
    printedDepartment: null,
    printedImplementingUnit: null,
    plannedStart: '2021-01-01',
    plannedEnd: '2021-12-31',
    categoryLabel: '经常性项目',
    functionClassLabel: '机关服务',
  },
  funds: {
    totalAmount: '213500.00',
    fiscalAmount: '213500.00',
    otherAmount: '0.00',
    annualAmount: '213500.00',
    annualFiscalAmount: '213500.00',
    carryOverAmount: '0.00',
    annualOtherAmount: '0.00',
  },
  totalGoal: '1、目标',
  annualGoal: '1、年度',
  goalPeriodStart: 2021,
  goalPeriodEnd: 2021,
  indicators: {
    year: [
      {
        code: 'output',
        label: '产出指标',
        children: [
          {
            code: 'quantity',
            label: '数量指标',
            indicators: [
              {
                id: 'i1',
                name: '培训次数',
                rawValue: '=2次',
                target: { kind: 'quantitative', operator: 'eq', value: '2', unit: '次' },
                warning: null,
                weight: null,
                scoringNotes: null,
                explanation: null,
                remark: null,
                nature: null,
                measureUnit: null,
              },
            ],
          },
        ],
      },
    ],
    longTerm: null,
  },
  issues: [{ field: 'project.printedDepartment', severity: 'warning', code: 'x', message: '主管部门未填写' }],
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
  submittedBy: null,
  reviewResult: null,
  reviewComment: null,
  latestReview: null,
  submission: null,
  revisions: [],
  evaluationId: null,
  libraryUnits: { 公众满意度: '%' },
};

describe('toSaveRequest', () => {
  it('keeps what a save takes, with the row version, and drops what the server derives', () => {
    const request = toSaveRequest(form);
    expect(request.rowVersion).toBe(3);
    expect(request.project).toEqual({
      code: 'C1',
      name: '市民服务',
      categoryCode: 'recurring',
      continuity: null,
      functionClassCode: '2060103',
      printedDepartment: null,
      printedImplementingUnit: null,
      plannedStart: '2021-01-01',
      plannedEnd: '2021-12-31',
    });
    expect(request.indicators.year[0].children[0].indicators[0]).toEqual({
      id: 'i1',
      name: '培训次数',
      rawValue: '=2次',
      weight: null,
      scoringNotes: null,
      explanation: null,
      remark: null,
      nature: null,
      measureUnit: null,
    });
    expect(request).not.toHaveProperty('issues');
    expect(request.indicators.year[0]).not.toHaveProperty('label');
  });
});

describe('copyIndicatorSets', () => {
  it('gives another form the same tree and texts as new indicators, without their ids', () => {
    const copy = copyIndicatorSets(form.indicators);
    expect(copy).toEqual({
      year: [
        {
          code: 'output',
          children: [
            {
              code: 'quantity',
              indicators: [
                {
                  name: '培训次数',
                  rawValue: '=2次',
                  weight: null,
                  scoringNotes: null,
                  explanation: null,
                  remark: null,
                  nature: null,
                  measureUnit: null,
                },
              ],
            },
          ],
        },
      ],
      longTerm: null,
    });
  });
});
