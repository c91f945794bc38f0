import { checkFilerName, checkFilerPhone, FILER_MESSAGES, isPlausiblePhone } from './submission';

describe('联系电话 of a 提交', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '8613812345678',
    '19912345678',
    '021-57821234',
    '021 5782 1234',
    '02157821234',
    '0571-8765432',
    '(021)57821234',
    '（021）57821234',
    '０２１－５７８２１２３４',
    '021-57821234-801',
    '021-57821234转801',
    '57821234',
    '400-820-8820',
  ])('accepts %s', (phone) => {
    expect(isPlausiblePhone(phone)).toBe(true);
    expect(checkFilerPhone(` ${phone} `)).toBeNull();
  });

  it.each([
    '1234',
    '12812345678', // no mobile number starts 12
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '021-0578123', // a local number does not start with 0
    '21-57821234', // an area code starts with 0
    'abc-defg',
    '138 1234 567a',
    '电话 021-57821234',
    '021--57821234',
  ])('refuses %s', (phone) => {
    expect(isPlausiblePhone(phone)).toBe(false);
    expect(checkFilerPhone(phone)).toBe(FILER_MESSAGES.phoneFormat);
  });

  it('asks for one when blank', () => {
    for (const blank of [null, undefined, '', '  ']) expect(checkFilerPhone(blank)).toBe(FILER_MESSAGES.phoneRequired);
  });
});

describe('填报人 of a 提交', () => {
  it('is required, and at most 100 characters', () => {
    expect(checkFilerName('张文')).toBeNull();
    for (const blank of [null, undefined, '', ' \u3000'])
      expect(checkFilerName(blank)).toBe(FILER_MESSAGES.nameRequired);
    expect(checkFilerName('张'.repeat(101))).toBe(FILER_MESSAGES.nameTooLong);
  });
});
