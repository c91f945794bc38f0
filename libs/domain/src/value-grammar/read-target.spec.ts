import type { ComparisonOperator, ParsedTarget } from '@jxt/contracts';
import { TARGET_ERRORS, TARGET_WARNINGS } from './messages';
import { readTarget } from './read-target';

const q = (operator: ComparisonOperator, value: string, unit: string | null): ParsedTarget => ({
  kind: 'quantitative',
  operator,
  value,
  unit,
});

function expectReads(raw: string, target: ParsedTarget): void {
  const reading = readTarget(raw);
  expect(reading.target).toEqual(target);
  expect(reading.warning).toBeNull();
}

describe('readTarget — docs/domain.md §3.1 table', () => {
  it.each([
    ['=100%', q('eq', '100', '%')],
    ['=2次', q('eq', '2', '次')],
    ['=0%', q('eq', '0', '%')],
  ])('%s equals', (raw, target) => expectReads(raw, target));

  it.each([
    ['>=90%', q('gte', '90', '%')],
    ['≥90%', q('gte', '90', '%')],
    ['≧90%', q('gte', '90', '%')],
    ['≥50个', q('gte', '50', '个')],
    ['≥100百分比', q('gte', '100', '%')],
    ['>80%', q('gt', '80', '%')],
  ])('%s is at least / more than', (raw, target) => expectReads(raw, target));

  it.each([
    ['≤90万元', q('lte', '90', '万元')],
    ['<=10次', q('lte', '10', '次')],
    ['≦5%', q('lte', '5', '%')],
    ['<3天', q('lt', '3', '天')],
  ])('%s is at most (reverse)', (raw, target) => expectReads(raw, target));

  it.each([
    ['4小时内', q('lte', '4', '小时')],
    ['90%以上', q('gte', '90', '%')],
    ['不低于95%', q('gte', '95', '%')],
    ['不超过30天', q('lte', '30', '天')],
  ])('phrase form %s', (raw, target) => expectReads(raw, target));

  it('reads 是 and 否 as booleans', () => {
    expectReads('是', { kind: 'boolean', value: true });
    expectReads('否', { kind: 'boolean', value: false });
  });

  it.each(['及时', '提升', '提高', '有效', '满意', '健全', '公开', '良好', '达标', '显著改善'])(
    'reads %s as qualitative without a warning',
    (word) => expectReads(word, { kind: 'qualitative', text: word }),
  );
});

describe('readTarget — further phrase forms', () => {
  it.each([
    ['不少于20家', q('gte', '20', '家')],
    ['不高于5%', q('lte', '5', '%')],
    ['10%以下', q('lte', '10', '%')],
    ['30天以内', q('lte', '30', '天')],
    ['5个工作日内', q('lte', '5', '个工作日')],
    ['大于80%', q('gt', '80', '%')],
    ['小于3次', q('lt', '3', '次')],
    ['达到95%', q('gte', '95', '%')],
    ['95%及以上', q('gte', '95', '%')],
    ['大于等于90%', q('gte', '90', '%')],
    ['小于或等于2次', q('lte', '2', '次')],
    ['不多于3次', q('lte', '3', '次')],
    ['高于85%', q('gt', '85', '%')],
    ['低于1%', q('lt', '1', '%')],
    ['控制在5%以内', q('lte', '5', '%')],
    ['≥90%以上', q('gte', '90', '%')],
    ['90%以上（含）', q('gte', '90', '%')],
    ['90%以上(含)', q('gte', '90', '%')],
    ['90%以上（不含）', q('gt', '90', '%')],
    ['5天以内（含）', q('lte', '5', '天')],
    ['大于90%（含）', q('gte', '90', '%')],
  ])('%s', (raw, target) => expectReads(raw, target));
});

describe('readTarget — full-width, spaces, numbers', () => {
  it.each([
    ['＝１００％', q('eq', '100', '%')],
    ['＞＝９０％', q('gte', '90', '%')],
    ['＞８０％', q('gt', '80', '%')],
    ['＜３天', q('lt', '3', '天')],
    ['＜＝１０次', q('lte', '10', '次')],
    ['≥９９．５％', q('gte', '99.5', '%')],
  ])('full-width %s', (raw, target) => expectReads(raw, target));

  it.each([
    [' ≥ 90 % ', q('gte', '90', '%')],
    ['>= 90%', q('gte', '90', '%')],
    ['\u3000=\u3000100％\u3000', q('eq', '100', '%')],
    ['4 小时 内', q('lte', '4', '小时')],
    ['\t是\n', { kind: 'boolean', value: true } as ParsedTarget],
    [' 提升 ', { kind: 'qualitative', text: '提升' } as ParsedTarget],
  ])('ignores whitespace in %j', (raw, target) => expectReads(raw, target));

  it.each([
    ['99.5%', q('eq', '99.5', '%')],
    ['≥99.50%', q('gte', '99.5', '%')],
    ['=0.5%', q('eq', '0.5', '%')],
    ['≥090%', q('gte', '90', '%')],
    ['=0.0%', q('eq', '0', '%')],
    ['≥-5%', q('gte', '-5', '%')],
  ])('decimals: %s', (raw, target) => expectReads(raw, target));

  it.each([
    ['1,000个', q('eq', '1000', '个')],
    ['1，000个', q('eq', '1000', '个')],
    ['≥1,234,567.5元', q('gte', '1234567.5', '元')],
  ])('thousands separators: %s', (raw, target) => expectReads(raw, target));

  it('reads a bare number with a unit as equals', () => {
    expectReads('100%', q('eq', '100', '%'));
    expectReads('2次', q('eq', '2', '次'));
  });

  it('reads a bare number without a unit, unit null', () => {
    expectReads('100', q('eq', '100', null));
    expectReads('≥3', q('gte', '3', null));
  });

  it('keeps other units as written', () => {
    expectReads('≥2000平方米', q('gte', '2000', '平方米'));
    expectReads('≤1.5万元/人', q('lte', '1.5', '万元/人'));
    expectReads('≥100Mbps', q('gte', '100', 'Mbps'));
    expectReads('=1‰', q('eq', '1', '‰'));
  });
});

describe('readTarget — empty and unknown text', () => {
  it.each(['', '   ', '\u3000', '\n\t'])('empty %j', (raw) => {
    expect(readTarget(raw)).toEqual({ target: { kind: 'empty' }, warning: TARGET_WARNINGS.empty });
    expect(readTarget(raw).warning).toBe('年度指标值未填写');
  });

  it.each([
    '全年度无重大的网站中断事故',
    '90%左右',
    '约90%',
    '7×24小时',
    '达到90%左右',
    '100余个',
    '（含）',
    '%',
    'N/A',
    '不低于上年水平',
    ' 有待 评估 ',
    '2022年完成10个',
  ])('keeps %j exactly, as qualitative with a warning', (raw) => {
    const reading = readTarget(raw);
    expect(reading.target).toEqual({ kind: 'qualitative', text: raw });
    expect(reading.warning).toBe(TARGET_WARNINGS.unrecognised);
  });

  it('never throws, even for input that is not a string', () => {
    expect(() => readTarget(undefined as unknown as string)).not.toThrow();
    expect(readTarget(null as unknown as string).target).toEqual({ kind: 'empty' });
    expect(() => readTarget('≥'.repeat(10_000) + '9'.repeat(5000))).not.toThrow();
  });

  it('does not alter the text it was given', () => {
    const raw = ' ≥９０％ ';
    const copy = `${raw}`;
    readTarget(raw);
    expect(raw).toBe(copy);
  });

  it('reads the whole seed form values without warnings', () => {
    const seedValues = [
      '=100%',
      '=2次',
      '及时',
      '>=90%',
      '提升',
      '提高',
      '有效',
      '是',
      '公开',
      '满意',
      '健全',
      '否',
      '良好',
      '=0%',
    ];
    for (const value of seedValues) expect(readTarget(value).warning).toBeNull();
  });
});

describe('readTarget — values that start like a quantity but are not one (issue 9 point 7)', () => {
  const invalid = (raw: string) => {
    const reading = readTarget(raw);
    expect(reading.target).toEqual({ kind: 'invalid', text: raw });
    expect(reading.warning).toMatch(/^无法识别为数值：/);
    return reading.warning;
  };

  it.each(['≥abc%', '≤%', '≥', '=', '>=abc', '＞＝ａｂｃ％', '≥约90%', '=是'])(
    '%j: a comparison sign with no number after it',
    (raw) => {
      expect(invalid(raw)).toBe(TARGET_ERRORS.noNumber);
    },
  );

  it.each(['≥ 98 %%', '≥98%%', '98%%', '≥90%左右', '≥90%%以上', '=100%。', '不低于98%%'])(
    '%j: a number whose unit cannot be read',
    (raw) => {
      expect(invalid(raw)).toBe(TARGET_ERRORS.badUnit);
    },
  );

  it.each(['≤90%以上', '=4小时内', '=90%（含）', '>5天以下'])('%j: a sign that contradicts 以上/以内/（含）', (raw) => {
    expect(invalid(raw)).toBe(TARGET_ERRORS.contradictory);
  });

  it.each(['1,00个', '12,34%', '≥1,0000元'])('%j: a number with its thousands separator misplaced', (raw) => {
    expect(invalid(raw)).toBe(TARGET_ERRORS.badNumber);
  });

  it.each(['80-90%', '90～95%', '3-5次', '≥3至5次', '不少于3到5次'])(
    '%j: a range, which no formula can score',
    (raw) => {
      expect(invalid(raw)).toBe(TARGET_ERRORS.range);
    },
  );

  it.each(['1.5.2%', '100%/'])('%j: a number followed by symbols that are no unit', (raw) => {
    expect(invalid(raw)).toBe(TARGET_ERRORS.badUnit);
  });

  it.each(['≥2022年', '=2023年', '≤2022年底'])('%j: a year with a comparison sign is not a quantity', (raw) => {
    expect(invalid(raw)).toBe(TARGET_ERRORS.yearNotQuantity);
  });

  it('keeps the text exactly as typed, spaces and full-width forms included', () => {
    expect(readTarget(' ≥ 98 %% ').target).toEqual({ kind: 'invalid', text: ' ≥ 98 %% ' });
  });

  it('still reads every well-formed quantity of the grammar', () => {
    for (const raw of ['≥98%', '≥ 98 %', '≥-5%', '98%', '≥1,000元', '≥90%以上', '90%以上（含）', '5个工作日内']) {
      expect(readTarget(raw).target.kind).toBe('quantitative');
    }
  });
});

describe('readTarget — dates are time targets, never a quantity with unit 年… (issue 9 point 7)', () => {
  it.each([
    '2022年底前',
    '2023年内完成',
    '2022年12月底前',
    '2023年内',
    '2022年',
    '2022年度',
    '2022年以内',
    '2021年12月31日前完成',
    '6月底前',
    '12月31日前',
    '3月份完成',
    '2022-12-31前',
    '2022.12前完成',
    ' 2022 年 底 前 ',
    '２０２２年底前',
  ])('reads %j as a qualitative time target without a warning', (raw) => {
    const reading = readTarget(raw);
    expect(reading.target.kind).toBe('qualitative');
    expect(reading.warning).toBeNull();
  });

  it('never reads a 4-digit year followed by 年 as a number of years', () => {
    for (const raw of ['2022年底前', '2023年内完成', '2022年12月底前', '2023年内', '2022年', '2022年完成10个']) {
      expect(readTarget(raw).target.kind).not.toBe('quantitative');
    }
  });

  it('still reads durations in years and months as quantities', () => {
    expectReads('3年内', q('lte', '3', '年'));
    expectReads('≤1年', q('lte', '1', '年'));
    expectReads('=6个月', q('eq', '6', '个月'));
    expectReads('5日内', q('lte', '5', '日'));
    expectReads('=2000元', q('eq', '2000', '元'));
  });
});
