import type { SaveFormRequest } from '@jxt/contracts';
import { SEED_FUNDS, SEED_HEADER, SEED_INDICATORS, TAXONOMY } from '../testing/fixtures';
import { checkForm } from './check-form';
import { checkSubmission } from './check-submission';

const complete: Omit<SaveFormRequest, 'rowVersion'> = {
  project: { ...SEED_HEADER, printedDepartment: null, printedImplementingUnit: null },
  funds: SEED_FUNDS,
  totalGoal: '1、目标',
  annualGoal: '1、年度目标',
  goalPeriodStart: 2021,
  goalPeriodEnd: 2021,
  indicators: SEED_INDICATORS,
};

describe('checkSubmission', () => {
  it('lets a whole form through with blank 主管部门 and 实施单位 as warnings only, as the seed was published', () => {
    const issues = checkSubmission(complete, TAXONOMY);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['project.printedDepartment', 'project.printedImplementingUnit']));
  });

  it('turns the blanks a draft may keep into errors at 提交, each by field', () => {
    const empty = {
      ...complete,
      project: { ...complete.project, categoryCode: null, plannedStart: null },
      funds: { ...SEED_FUNDS, annualAmount: null },
      annualGoal: '',
      indicators: { year: [], longTerm: null },
    };
    expect(checkForm(empty, TAXONOMY).filter((i) => i.severity === 'error')).toEqual([]);
    const errors = checkSubmission(empty, TAXONOMY).filter((i) => i.severity === 'error').map((i) => i.field);
    expect(errors).toEqual(expect.arrayContaining(['project.categoryCode', 'project.plannedStart', 'funds.annualAmount', 'annualGoal', 'indicators.year']));
  });
});
