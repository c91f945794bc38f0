import { buildIndicatorInsert } from './form.repository';

const TENANT = '00000000-0000-0000-0000-00000000000a';
const FORM = '00000000-0000-0000-0000-00000000000f';
const KEPT = '00000000-0000-0000-0000-0000000000c1';

describe('buildIndicatorInsert', () => {
  it('writes the whole tree in one statement, in printed order, with each 年度指标值 read by the grammar', () => {
    const built = buildIndicatorInsert(
      TENANT,
      FORM,
      {
        year: [
          {
            code: 'output',
            children: [
              {
                code: 'quantity',
                indicators: [
                  { id: KEPT, name: ' 培训人次 ', rawValue: '>=100人次', weight: '10' },
                  { id: 'not-of-this-form', name: '按时完成', rawValue: '是', weight: ' ' },
                ],
              },
            ],
          },
        ],
        longTerm: [
          { code: 'effect', children: [{ code: 'social', indicators: [{ name: '满意度', rawValue: '>=90%' }] }] },
        ],
      },
      new Set([KEPT]),
    )!;
    expect(built.text.match(/\(\$\d+(, \$\d+)*\)/g)).toHaveLength(3);
    expect(built.text).toContain('VALUES ($1, $2, $3, $4, $5, $6, $7,');
    const rows = [0, 1, 2].map((i) => built.values.slice(i * 19, (i + 1) * 19));
    expect(rows[0].slice(0, 14)).toEqual([
      KEPT,
      TENANT,
      FORM,
      'year',
      'output',
      'quantity',
      0,
      '培训人次',
      '>=100人次',
      'quantitative',
      'gte',
      '100',
      '人次',
      null,
    ]);
    expect(rows[0][15]).toBe('10');
    // An id the form did not have is replaced; a blank 分值 is stored as null; the grammar reads 是 as boolean.
    expect(rows[1][0]).not.toBe('not-of-this-form');
    expect(rows[1].slice(9, 14)).toEqual(['boolean', null, null, null, true]);
    expect(rows[1][15]).toBeNull();
    // Each set numbers its rows from 0.
    expect(rows[2].slice(3, 7)).toEqual(['longTerm', 'effect', 'social', 0]);
  });

  it('writes nothing for an empty tree', () => {
    expect(buildIndicatorInsert(TENANT, FORM, { year: [], longTerm: null })).toBeNull();
  });
});
