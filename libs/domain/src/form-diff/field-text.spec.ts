import { diffForms, type FormContent } from './diff-forms';
import { EMPTY_MARK, fieldValueText, type CodeListLabels } from './field-text';
import { SEED_FUNDS, SEED_HEADER, SEED_INDICATORS } from '../testing/fixtures';

const LISTS: CodeListLabels = {
  project_category: [
    { code: 'recurring', label: '经常性项目' },
    { code: 'one_off', label: '一次性项目' },
  ],
  function_class: [
    { code: '2060103', label: '机关服务' },
    { code: '2069999', label: '其他科学技术支出' },
  ],
};

describe('fieldValueText', () => {
  it('reads 项目类别 and 功能分类科目 by their labels (as the sheet prints them), 新增/延续 in words', () => {
    expect(fieldValueText('project.categoryCode', 'one_off', LISTS)).toBe('一次性项目');
    expect(fieldValueText('project.functionClassCode', '2060103', LISTS)).toBe('机关服务');
    expect(fieldValueText('project.continuity', 'new', LISTS)).toBe('新增');
    expect(fieldValueText('project.continuity', 'continuing')).toBe('延续');
  });

  it("keeps a code the tenant's list does not know (or before the lists are loaded) as it is", () => {
    expect(fieldValueText('project.categoryCode', 'retired_code', LISTS)).toBe('retired_code');
    expect(fieldValueText('project.functionClassCode', '2060103')).toBe('2060103');
  });

  it('groups amounts by thousands and leaves other fields as stored', () => {
    expect(fieldValueText('funds.totalAmount', '8927300.00')).toBe('8,927,300.00');
    expect(fieldValueText('project.name', 'recurring', LISTS)).toBe('recurring');
    expect(fieldValueText('indicators.year.output.quantity.培训次数.rawValue', 'new', LISTS)).toBe('new');
  });

  it('answers null for a blank value, which reads as one mark: —', () => {
    for (const blank of [null, undefined, '', '  '])
      expect(fieldValueText('project.functionClassCode', blank, LISTS)).toBeNull();
    expect(EMPTY_MARK).toBe('—');
  });

  it('reads every change of a save the way the form prints it', () => {
    const before: FormContent = {
      project: { ...SEED_HEADER },
      funds: { ...SEED_FUNDS },
      totalGoal: null,
      annualGoal: null,
      goalPeriodStart: null,
      goalPeriodEnd: null,
      indicators: SEED_INDICATORS,
    };
    const after: FormContent = {
      ...before,
      project: { ...SEED_HEADER, categoryCode: 'one_off', functionClassCode: '2069999', continuity: 'new' },
    };
    const read = diffForms(before, after).map(
      (c) =>
        `${c.label}：${fieldValueText(c.field, c.before, LISTS) ?? EMPTY_MARK} → ${fieldValueText(c.field, c.after, LISTS) ?? EMPTY_MARK}`,
    );
    expect(read).toEqual([
      '项目类别：经常性项目 → 一次性项目',
      '新增/延续：延续 → 新增',
      '功能分类科目：机关服务 → 其他科学技术支出',
    ]);
  });
});
