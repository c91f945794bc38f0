import type { SaveFormRequest } from '@jxt/contracts';
import { SEED_FUNDS, SEED_HEADER, SEED_INDICATORS, TAXONOMY } from '../testing/fixtures';
import { checkForm } from './check-form';
import { hasErrors, ISSUE_CODES } from './issues';

const seedForm: SaveFormRequest = {
  rowVersion: 1,
  project: SEED_HEADER,
  funds: SEED_FUNDS,
  indicators: SEED_INDICATORS,
  totalGoal: '1、项目推进及社保卡宣传活动：到2021年末,完成设备维保相关工作。',
  annualGoal: '1、项目推进及社保卡宣传活动：到2021年末,完成设备维保相关工作。',
  goalPeriodStart: 2021,
  goalPeriodEnd: 2021,
};

describe('checkForm', () => {
  it('accepts seed form 1 with one warning (实施单位 is blank on the printed form)', () => {
    const issues = checkForm(seedForm, TAXONOMY);
    expect(issues.map((issue) => issue.field)).toEqual(['project.printedImplementingUnit']);
    expect(hasErrors(issues)).toBe(false);
  });

  it('gathers header, goal, funds and tree issues in that order', () => {
    const issues = checkForm(
      {
        ...seedForm,
        project: { ...SEED_HEADER, name: '', printedImplementingUnit: '某单位' },
        annualGoal: ' ',
        funds: { ...SEED_FUNDS, totalAmount: '213500.50' },
        indicators: {
          year: [{ code: 'output', children: [{ code: 'quantity', indicators: [{ name: '完成率', rawValue: '' }] }] }],
          longTerm: null,
        },
      },
      TAXONOMY,
    );
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['project.name', ISSUE_CODES.projectNameBlank],
      ['annualGoal', ISSUE_CODES.goalBlank],
      ['funds.totalAmount', ISSUE_CODES.fundsTotalMismatch],
      ['indicators.year.0.children.0.indicators.0.rawValue', ISSUE_CODES.valueBlank],
    ]);
    expect(issues[1].message).toBe('年度总目标未填写');
    expect(hasErrors(issues)).toBe(true);
  });

  it('does not check goals left out of the input', () => {
    const issues = checkForm({ project: SEED_HEADER, funds: SEED_FUNDS, indicators: SEED_INDICATORS }, TAXONOMY);
    expect(issues.some((issue) => issue.code === ISSUE_CODES.goalBlank)).toBe(false);
  });
});
