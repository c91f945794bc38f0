import type { SaveFormRequest } from '@jxt/contracts';
import { SEED_FUNDS, SEED_HEADER, SEED_INDICATORS, TAXONOMY } from '../testing/fixtures';
import { checkForm } from './check-form';
import { atSubmission, checkSubmission } from './check-submission';
import { ISSUE_CODES } from './issues';

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
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['project.printedDepartment', 'project.printedImplementingUnit']),
    );
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
    const errors = checkSubmission(empty, TAXONOMY)
      .filter((i) => i.severity === 'error')
      .map((i) => i.field);
    expect(errors).toEqual(
      expect.arrayContaining([
        'project.categoryCode',
        'project.plannedStart',
        'funds.annualAmount',
        'annualGoal',
        'indicators.year',
      ]),
    );
  });

  it('refuses a value that is not a value at 提交, naming the indicator; not as a blank to fill in', () => {
    const indicators: typeof SEED_INDICATORS = JSON.parse(JSON.stringify(SEED_INDICATORS));
    const target = indicators.year[0].children[0].indicators[0];
    target.rawValue = '≥abc%';
    const atSave = checkForm({ ...complete, indicators }, TAXONOMY).filter((i) => i.code === ISSUE_CODES.valueInvalid);
    expect(atSave).toEqual([expect.objectContaining({ severity: 'warning' })]);
    const errors = checkSubmission({ ...complete, indicators }, TAXONOMY).filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      {
        field: 'indicators.year.0.children.0.indicators.0.rawValue',
        severity: 'error',
        code: ISSUE_CODES.valueInvalid,
        group: '相关性',
        message: expect.stringMatching(new RegExp(`^三级指标「${target.name}」：年度指标值“≥abc%”无法识别为数值：`)),
      },
    ]);
    expect(errors[0].blank).toBeUndefined();
  });

  it('marks the blanks that block 提交 as blank: to-dos until 提交, not mistakes', () => {
    const issues = checkSubmission(
      { ...complete, annualGoal: '', funds: { ...SEED_FUNDS, annualAmount: null } },
      TAXONOMY,
    );
    expect(issues.filter((i) => i.blank)).toEqual([
      expect.objectContaining({ field: 'annualGoal', severity: 'error', blank: true }),
      expect.objectContaining({ field: 'funds.annualAmount', severity: 'error', blank: true }),
    ]);
    // Warnings that do not block 提交 are not to-dos, blank or not (实施单位 may stay empty).
    expect(issues.find((i) => i.field === 'project.printedImplementingUnit')).toMatchObject({ severity: 'warning' });
    expect(issues.find((i) => i.field === 'project.printedImplementingUnit')?.blank).toBeUndefined();
  });

  it('is checkForm seen through atSubmission, so a page can show what blocks 提交 from the issues it was given', () => {
    const form = { ...complete, annualGoal: '' };
    expect(atSubmission(checkForm(form, TAXONOMY))).toEqual(checkSubmission(form, TAXONOMY));
  });
});
