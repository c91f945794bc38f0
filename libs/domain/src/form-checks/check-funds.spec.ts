import type { FieldIssue, Funds } from '@jxt/contracts';
import { SEED_FUNDS } from '../testing/fixtures';
import { checkFunds, fundTotalOf, sumOfFundParts } from './check-funds';
import { ISSUE_CODES } from './issues';

const only = (issues: FieldIssue[], code: string) => issues.filter((issue) => issue.code === code);
const funds = (patch: Partial<Funds>): Funds => ({ ...SEED_FUNDS, ...patch });

describe('checkFunds — the seed figures', () => {
  it('finds nothing when all columns are equal (seed form 1, 213500)', () => {
    expect(checkFunds(SEED_FUNDS)).toEqual([]);
  });

  it.each([
    ['1450000.00', '1450000'],
    ['8927300.00', '8927300'],
  ])('finds nothing for seed forms 2–3 (%s printed as %s)', (total, annual) => {
    expect(
      checkFunds({
        totalAmount: total,
        fiscalAmount: annual,
        otherAmount: '0',
        annualAmount: annual,
        annualFiscalAmount: annual,
        carryOverAmount: '0',
        annualOtherAmount: '0',
      }),
    ).toEqual([]);
  });
});

describe('checkFunds — whole life differs from this year', () => {
  // A two-year project: 3,000,000 over its life, 1,200,000 asked this year of which 200,000 carried over.
  const twoYear: Funds = {
    totalAmount: '3000000.00',
    fiscalAmount: '2500000.00',
    otherAmount: '500000.00',
    annualAmount: '1200000.00',
    annualFiscalAmount: '900000.00',
    carryOverAmount: '200000.00',
    annualOtherAmount: '100000.00',
  };

  it('accepts columns that each add up, though they differ from each other', () => {
    expect(checkFunds(twoYear)).toEqual([]);
  });

  it('does not compare 财政资金 with 当年财政拨款 or 其他资金 across the columns', () => {
    expect(
      checkFunds({
        ...twoYear,
        annualFiscalAmount: '1000000.00',
        carryOverAmount: '0',
        annualOtherAmount: '200000.00',
      }),
    ).toEqual([]);
  });

  it('refuses 年度资金申请总额 above 项目资金总额', () => {
    const issues = checkFunds({ ...twoYear, annualAmount: '3500000.00', annualFiscalAmount: '3200000.00' });
    expect(issues).toEqual([
      {
        field: 'funds.annualAmount',
        severity: 'error',
        code: ISSUE_CODES.fundsAnnualExceedsTotal,
        message: '年度资金申请总额 3,500,000.00 元不能大于项目资金总额 3,000,000.00 元（多 500,000.00 元）',
      },
    ]);
  });

  it('accepts 年度资金申请总额 equal to 项目资金总额', () => {
    expect(only(checkFunds(SEED_FUNDS), ISSUE_CODES.fundsAnnualExceedsTotal)).toEqual([]);
  });
});

describe('checkFunds — sums', () => {
  it('explains a 项目资金总额 that is not 财政资金 + 其他资金', () => {
    const issues = checkFunds(funds({ totalAmount: '1450000.00', fiscalAmount: '1400000', annualAmount: '213500' }));
    expect(issues).toEqual([
      {
        field: 'funds.totalAmount',
        severity: 'error',
        code: ISSUE_CODES.fundsTotalMismatch,
        message:
          '项目资金总额 1,450,000.00 元不等于 财政资金 1,400,000.00 元 + 其他资金 0.00 元 = 1,400,000.00 元，相差 50,000.00 元',
      },
    ]);
  });

  it('explains a 年度资金申请总额 that is not the sum of its three parts', () => {
    const issues = checkFunds(funds({ annualFiscalAmount: '200000', carryOverAmount: '10000.50' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      field: 'funds.annualAmount',
      severity: 'error',
      code: ISSUE_CODES.fundsAnnualMismatch,
    });
    expect(issues[0].message).toBe(
      '年度资金申请总额 213,500.00 元不等于 当年财政拨款 200,000.00 元 + 上年结转资金 10,000.50 元 + 其他资金 0.00 元 = 210,000.50 元，相差 3,499.50 元',
    );
  });

  it('compares by value, not text (213500 = 213500.00)', () => {
    expect(checkFunds(funds({ totalAmount: '213500.00', annualAmount: '213,500' }))).toEqual([]);
  });

  it('is exact to the cent', () => {
    const issues = checkFunds(funds({ totalAmount: '213500.01' }));
    expect(only(issues, ISSUE_CODES.fundsTotalMismatch)[0].message).toContain('相差 0.01 元');
  });
});

describe('checkFunds — blanks and bad amounts', () => {
  it('warns for each blank amount, by its label', () => {
    const issues = checkFunds(funds({ otherAmount: null, carryOverAmount: '  ', annualOtherAmount: null }));
    expect(issues).toEqual([
      {
        field: 'funds.otherAmount',
        severity: 'warning',
        code: ISSUE_CODES.fundsBlank,
        message: '其他资金（项目总额栏）未填写',
      },
      {
        field: 'funds.carryOverAmount',
        severity: 'warning',
        code: ISSUE_CODES.fundsBlank,
        message: '上年结转资金未填写',
      },
      {
        field: 'funds.annualOtherAmount',
        severity: 'warning',
        code: ISSUE_CODES.fundsBlank,
        message: '其他资金（年度栏）未填写',
      },
    ]);
  });

  it('counts blank parts as 0 when the total and another part are filled', () => {
    const issues = checkFunds(funds({ fiscalAmount: '200000', otherAmount: null }));
    expect(only(issues, ISSUE_CODES.fundsTotalMismatch)).toHaveLength(1);
    expect(only(issues, ISSUE_CODES.fundsTotalMismatch)[0].message).toContain('其他资金 0.00 元 = 200,000.00 元');
  });

  it('does not sum when every part is blank, nor when the total is blank', () => {
    const allPartsBlank = checkFunds(funds({ fiscalAmount: null, otherAmount: null }));
    expect(only(allPartsBlank, ISSUE_CODES.fundsTotalMismatch)).toEqual([]);
    const totalBlank = checkFunds(funds({ annualAmount: null }));
    expect(only(totalBlank, ISSUE_CODES.fundsAnnualMismatch)).toEqual([]);
    expect(only(totalBlank, ISSUE_CODES.fundsAnnualExceedsTotal)).toEqual([]);
  });

  it('warns for all seven blanks of an empty form and nothing else', () => {
    const empty: Funds = {
      totalAmount: null,
      fiscalAmount: null,
      otherAmount: null,
      annualAmount: null,
      annualFiscalAmount: null,
      carryOverAmount: null,
      annualOtherAmount: null,
    };
    const issues = checkFunds(empty);
    expect(issues).toHaveLength(7);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(issues[0]).toMatchObject({ field: 'funds.totalAmount', message: '项目资金总额未填写' });
    expect(issues[1]).toMatchObject({ field: 'funds.fiscalAmount', message: '财政资金未填写' });
  });

  it('reports an amount that is not money as an error and skips the sums it is in', () => {
    const issues = checkFunds(funds({ fiscalAmount: '-5', annualAmount: '12.345' }));
    expect(issues).toEqual([
      { field: 'funds.fiscalAmount', severity: 'error', code: ISSUE_CODES.fundsInvalid, message: '财政资金不能为负数' },
      {
        field: 'funds.annualAmount',
        severity: 'error',
        code: ISSUE_CODES.fundsInvalid,
        message: '年度资金申请总额最多保留两位小数（分）',
      },
    ]);
  });
});

describe('sumOfFundParts: the totals the editor fills in as the parts are typed', () => {
  const funds = (values: Partial<Funds>): Funds => ({
    totalAmount: null,
    fiscalAmount: null,
    otherAmount: null,
    annualAmount: null,
    annualFiscalAmount: null,
    carryOverAmount: null,
    annualOtherAmount: null,
    ...values,
  });

  it('adds the parts of each column exactly, a blank part counting as 0', () => {
    expect(sumOfFundParts(funds({ fiscalAmount: '8,927,300.00', otherAmount: '0.10' }), 'totalAmount')).toBe(
      '8927300.10',
    );
    expect(
      sumOfFundParts(
        funds({ annualFiscalAmount: '0.1', carryOverAmount: '0.2', annualOtherAmount: null }),
        'annualAmount',
      ),
    ).toBe('0.30');
  });

  it('gives nothing when every part is blank or one is not money, so the total is left alone', () => {
    expect(sumOfFundParts(funds({ totalAmount: '5.00' }), 'totalAmount')).toBeNull();
    expect(sumOfFundParts(funds({ fiscalAmount: '1.00', otherAmount: '一百' }), 'totalAmount')).toBeNull();
  });

  it('knows which total each part belongs to', () => {
    expect(fundTotalOf('carryOverAmount')).toBe('annualAmount');
    expect(fundTotalOf('otherAmount')).toBe('totalAmount');
    expect(fundTotalOf('totalAmount')).toBeNull();
  });
});
