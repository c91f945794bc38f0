import { addMoney, compareMoney, subtractMoney } from './money-arithmetic';

describe('addMoney', () => {
  it('adds the seed projects to the 项目支出 total exactly', () => {
    expect(addMoney('213500', '1450000.00', '8927300.00')).toBe('10590800.00');
  });

  it('adds cents without float error', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(addMoney('9999999999999999.99', '0.01')).toBe('10000000000000000.00');
  });

  it('counts blanks as 0 and returns 0.00 for nothing', () => {
    expect(addMoney('100', null, undefined, '')).toBe('100.00');
    expect(addMoney()).toBe('0.00');
  });

  it('throws on a value that is not a number', () => {
    expect(() => addMoney('1,000')).toThrow(RangeError);
  });
});

describe('subtractMoney / compareMoney', () => {
  it('subtracts exactly', () => {
    expect(subtractMoney('1450000.00', '1400000.01')).toBe('49999.99');
    expect(subtractMoney('1', '2')).toBe('-1.00');
  });

  it('compares by value, not by text', () => {
    expect(compareMoney('100', '100.00')).toBe(0);
    expect(compareMoney('99.99', '100')).toBe(-1);
    expect(compareMoney('1000', '999')).toBe(1);
  });
});
