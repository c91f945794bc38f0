import { SEED_INDICATORS } from '../testing/fixtures';
import { countIndicators } from './count-indicators';

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
