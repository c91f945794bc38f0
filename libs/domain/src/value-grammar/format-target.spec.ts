import type { ParsedTarget } from '@jxt/contracts';
import { formatTarget } from './format-target';
import { readTarget } from './read-target';

describe('formatTarget', () => {
  it.each([
    ['≥90%', '≥ 90 %'],
    ['>=90%', '≥ 90 %'],
    ['=2次', '= 2 次'],
    ['≤90万元', '≤ 90 万元'],
    ['>80%', '> 80 %'],
    ['<3天', '< 3 天'],
    ['4小时内', '≤ 4 小时'],
    ['≥100百分比', '≥ 100 %'],
    ['1,000个', '= 1000 个'],
    ['100', '= 100'],
    ['是', '是'],
    ['否', '否'],
    ['提升', '定性：提升'],
    ['≥abc%', '无法识别：≥abc%'],
    ['2022年底前', '定性：2022年底前'],
    ['', '（空）'],
  ])('shows %j as %j', (raw, shown) => {
    expect(formatTarget(readTarget(raw).target)).toBe(shown);
  });

  it('shows unrecognised text as qualitative, unchanged', () => {
    const target: ParsedTarget = { kind: 'qualitative', text: '全年无重大事故' };
    expect(formatTarget(target)).toBe('定性：全年无重大事故');
  });
});
