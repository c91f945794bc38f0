import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import type { FieldError, SaveFormRequest } from '@jxt/contracts';
import { createValidationPipe } from '../../../common/http/validation';
import { SaveFormDto } from './save-form.dto';

/** A valid PUT /api/forms/:id body (seed form 1's header, blank amounts and indicators). */
const body = (patch: Partial<SaveFormRequest> = {}): SaveFormRequest => ({
  rowVersion: 1,
  project: {
    code: '2021-KCZX-001',
    name: '市民服务',
    categoryCode: 'recurring',
    continuity: null,
    functionClassCode: '2060103',
    printedDepartment: null,
    printedImplementingUnit: null,
    plannedStart: '2021-01-01',
    plannedEnd: '2021-12-31',
  },
  funds: {
    totalAmount: null,
    fiscalAmount: null,
    otherAmount: null,
    annualAmount: null,
    annualFiscalAmount: null,
    carryOverAmount: null,
    annualOtherAmount: null,
  },
  totalGoal: null,
  annualGoal: null,
  goalPeriodStart: 2021,
  goalPeriodEnd: 2021,
  indicators: { year: [], longTerm: null },
  ...patch,
});

/** The fields of the 400 the validation pipe answers, or [] when the body passes. */
async function refusedFields(input: unknown): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(input, { type: 'body', metatype: SaveFormDto });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { fields: FieldError[] }).fields;
  }
}

describe('SaveFormDto: 项目总目标 period (goalPeriodStart / goalPeriodEnd)', () => {
  it('accepts the seed’s （2021 年- 2021年）, a period over several years, and blank years', async () => {
    expect(await refusedFields(body())).toEqual([]);
    expect(await refusedFields(body({ goalPeriodStart: 2021, goalPeriodEnd: 2025 }))).toEqual([]);
    expect(await refusedFields(body({ goalPeriodStart: null, goalPeriodEnd: null }))).toEqual([]);
  });

  it('refuses an end year before the start year, naming goalPeriodEnd', async () => {
    expect(await refusedFields(body({ goalPeriodStart: 2022, goalPeriodEnd: 2021 }))).toEqual([
      { field: 'goalPeriodEnd', message: '项目总目标终止年度（2021年）早于起始年度（2022年）', value: 2021 },
    ]);
  });

  it.each([
    ['goalPeriodStart', { goalPeriodStart: 1999 }, 1999],
    ['goalPeriodStart', { goalPeriodStart: 0 }, 0],
    ['goalPeriodEnd', { goalPeriodEnd: 2101 }, 2101],
    ['goalPeriodEnd', { goalPeriodEnd: 20210 }, 20210],
    ['goalPeriodStart', { goalPeriodStart: 2021.5 }, 2021.5],
    ['goalPeriodStart', { goalPeriodStart: '2021' }, '2021'],
  ] as const)('refuses %s = %j with the field named and the range said', async (field, patch, value) => {
    const fields = await refusedFields({ ...body(), ...patch });
    expect(fields).toHaveLength(1);
    const label = field === 'goalPeriodStart' ? '项目总目标起始年度' : '项目总目标终止年度';
    expect(fields[0]).toEqual({ field, message: `${label}应在 2000–2100 年之间`, value });
  });

  it('says nothing about the order while a year is itself wrong', async () => {
    expect(await refusedFields(body({ goalPeriodStart: 2300, goalPeriodEnd: 2021 }))).toEqual([
      { field: 'goalPeriodStart', message: '项目总目标起始年度应在 2000–2100 年之间', value: 2300 },
    ]);
  });
});
