import type { IndicatorSetsInput } from '@jxt/contracts';
import { indicatorArrayInsert } from './form.repository';

const TENANT = '00000000-0000-0000-0000-00000000000a';
const FORM = '00000000-0000-0000-0000-00000000000f';
const KEPT = '00000000-0000-0000-0000-0000000000c1';

/** Column `c` (0 = id) of stored row `r`, from the statement's arrays. */
const cell = (values: readonly unknown[], r: number, c: number) => (values[2 + c] as unknown[])[r];

describe('indicatorArrayInsert', () => {
  it('writes the whole tree in one statement, in printed order, with each 年度指标值 read by the grammar', () => {
    const built = indicatorArrayInsert(
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
    expect(built.text).toContain('FROM unnest($3::uuid[]');
    const { values } = built;
    expect(values.slice(0, 2)).toEqual([TENANT, FORM]);
    const row = (r: number) => Array.from({ length: 17 }, (_, c) => cell(values, r, c));
    expect(row(0).slice(0, 12)).toEqual([
      KEPT,
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
    expect(row(0)[13]).toBe('10');
    // An id the form did not have is replaced; a blank 分值 is stored as null; the grammar reads 是 as boolean.
    expect(row(1)[0]).not.toBe('not-of-this-form');
    expect(row(1).slice(7, 12)).toEqual(['boolean', null, null, null, true]);
    expect(row(1)[13]).toBeNull();
    // Each set numbers its rows from 0.
    expect(row(2).slice(1, 5)).toEqual(['longTerm', 'effect', 'social', 0]);
  });

  it('sends 22 parameters however many rows: 5,000 indicators stay far below PostgreSQL’s 65,535', () => {
    const sets: IndicatorSetsInput = {
      year: [
        {
          code: 'output',
          children: [
            {
              code: 'quantity',
              indicators: Array.from({ length: 5_000 }, (_, i) => ({ name: `指标${i}`, rawValue: '是' })),
            },
          ],
        },
      ],
      longTerm: null,
    };
    const built = indicatorArrayInsert(TENANT, FORM, sets)!;
    expect(built.values).toHaveLength(22);
    expect((built.values[2] as unknown[]).length).toBe(5_000);
    expect(built.text.match(/\$\d+/g)).toHaveLength(22);
  });

  it('writes nothing for an empty tree', () => {
    expect(indicatorArrayInsert(TENANT, FORM, { year: [], longTerm: null })).toBeNull();
  });
});
