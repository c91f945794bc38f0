import { SEED_INDICATORS } from '../testing/fixtures';
import { countIndicators, indicatorCountProblem } from './count-indicators';

describe('countIndicators', () => {
  it('counts the 11 三级指标 of seed form 1', () => {
    expect(countIndicators(SEED_INDICATORS)).toEqual({ year: 11, longTerm: 0, total: 11 });
  });

  it('counts both sets', () => {
    const longTerm = [
      { code: 'output', children: [{ code: 'quantity', indicators: [{ name: 'a', rawValue: '是' }] }] },
    ];
    expect(countIndicators({ year: SEED_INDICATORS.year, longTerm })).toEqual({ year: 11, longTerm: 1, total: 12 });
  });

  it('is 0 for empty sets', () => {
    expect(countIndicators({ year: [], longTerm: null })).toEqual({ year: 0, longTerm: 0, total: 0 });
  });
});

describe('indicatorCountProblem', () => {
  const sets = (year: number, longTerm: number) => {
    const group = (n: number) => [{ children: [{ indicators: Array(n).fill({}) }] }];
    return { year: group(year), longTerm: longTerm ? group(longTerm) : null };
  };

  it('is silent up to 500 三级指标, both sets together, and says how many above', () => {
    expect(indicatorCountProblem(sets(500, 0))).toBeNull();
    expect(indicatorCountProblem(sets(250, 250))).toBeNull();
    expect(indicatorCountProblem(sets(250, 251))).toBe('每张表最多 500 个三级指标，现有 501 个，请删减');
  });
});
