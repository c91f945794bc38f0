import { SEED_FUNDS, SEED_HEADER, SEED_INDICATORS, TAXONOMY } from '../testing/fixtures';
import { diffForms, type FormContent } from './diff-forms';

const labelOf = (code: string) => TAXONOMY.find((n) => n.code === code)?.label ?? code;

function seedForm(): FormContent {
  return {
    project: { ...SEED_HEADER },
    funds: { ...SEED_FUNDS },
    totalGoal: '1、目标',
    annualGoal: '1、年度目标',
    goalPeriodStart: 2021,
    goalPeriodEnd: 2021,
    indicators: JSON.parse(JSON.stringify(SEED_INDICATORS)) as typeof SEED_INDICATORS,
  };
}

describe('diffForms', () => {
  it('finds nothing between a form and its copy, nor between 213500 and 213500.00', () => {
    const before = seedForm();
    const after = seedForm();
    after.funds = { ...after.funds, totalAmount: after.funds.totalAmount?.replace('.00', '') ?? null };
    expect(diffForms(before, after)).toEqual([]);
  });

  it('names each changed header field, amount and goal with its printed label', () => {
    const before = seedForm();
    const after = seedForm();
    after.project.printedImplementingUnit = '信息化发展部';
    after.funds.annualAmount = '200000.00';
    after.annualGoal = '1、年度目标（调整）';
    expect(diffForms(before, after)).toEqual([
      { field: 'project.printedImplementingUnit', label: '实施单位', before: null, after: '信息化发展部' },
      { field: 'funds.annualAmount', label: '年度资金申请总额', before: before.funds.annualAmount, after: '200000.00' },
      { field: 'annualGoal', label: '年度总目标', before: '1、年度目标', after: '1、年度目标（调整）' },
    ]);
  });

  it('reports an indicator whose value changed, one added and one removed, with their group labels', () => {
    const before = seedForm();
    const after = seedForm();
    const quantity = after.indicators.year[0].children[0].indicators;
    const changed = quantity[0];
    const removed = quantity.splice(1, 1)[0];
    changed.rawValue = '=95%';
    quantity.push({ name: '巡检次数', rawValue: '≥12次' });
    const changes = diffForms(before, after, labelOf);
    expect(changes).toEqual([
      expect.objectContaining({
        label: `年度绩效指标 / 产出指标 / 数量指标 / ${changed.name} / 年度指标值`,
        after: '=95%',
      }),
      expect.objectContaining({
        label: '年度绩效指标 / 产出指标 / 数量指标 / 巡检次数（新增）',
        before: null,
        after: '≥12次',
      }),
      expect.objectContaining({
        label: `年度绩效指标 / 产出指标 / 数量指标 / ${removed.name}（删除）`,
        before: removed.rawValue,
        after: null,
      }),
    ]);
  });
});
