import {
  FUND_FIELD_LABELS,
  FUND_FIELDS,
  type FieldIssue,
  type FundField,
  type Funds,
  type Money,
} from '@jxt/contracts';
import { formatYuan } from '../money/format-money';
import { addMoney, compareMoney, subtractMoney } from '../money/money-arithmetic';
import { parseMoney } from '../money/parse-money';
import { isBlank } from '../text/normalize-width';
import { fieldError, fieldWarning, ISSUE_CODES } from './issues';

/** Left column: the project's whole life. */
const WHOLE_LIFE_PARTS = ['fiscalAmount', 'otherAmount'] as const satisfies readonly FundField[];
/** Right column: this year. */
const ANNUAL_PARTS = [
  'annualFiscalAmount',
  'carryOverAmount',
  'annualOtherAmount',
] as const satisfies readonly FundField[];

/** The two totals that are sums, and their parts (docs/domain.md §2). */
export const FUND_SUMS = { totalAmount: WHOLE_LIFE_PARTS, annualAmount: ANNUAL_PARTS } as const;
export type FundTotal = keyof typeof FUND_SUMS;

/** The total a part belongs to, or null for a total itself. */
export function fundTotalOf(field: FundField): FundTotal | null {
  if ((WHOLE_LIFE_PARTS as readonly FundField[]).includes(field)) return 'totalAmount';
  if ((ANNUAL_PARTS as readonly FundField[]).includes(field)) return 'annualAmount';
  return null;
}

/**
 * The sum of a total's parts, for the editor to fill in the total as the parts are typed: null when every part is
 * blank or any part is not money (the total is then left as it is). Blank parts count as 0, as in checkFunds.
 */
export function sumOfFundParts(funds: Funds, total: FundTotal): Money | null {
  const values: (Money | null)[] = [];
  for (const part of FUND_SUMS[total]) {
    const raw = funds[part];
    if (raw == null || isBlank(raw)) {
      values.push(null);
      continue;
    }
    const parsed = parseMoney(String(raw));
    if (!parsed.ok) return null;
    values.push(parsed.value);
  }
  return values.every((value) => value === null) ? null : addMoney(...values);
}

/** The label inside a sum, where the column is already clear. */
const plainLabel = (field: FundField) => FUND_FIELD_LABELS[field].replace(/^其中：/, '');

/**
 * The printed label, read in a sentence: `其中：` dropped, and the two 其他资金 told apart by
 * their column.
 */
export function fundLabel(field: FundField): string {
  if (field === 'otherAmount') return '其他资金（项目总额栏）';
  if (field === 'annualOtherAmount') return '其他资金（年度栏）';
  return plainLabel(field);
}

const fundPath = (field: FundField) => `funds.${field}`;
const yuan = (value: Money) => `${formatYuan(value)} 元`;

/**
 * Checks 项目资金（元）(docs/domain.md §2):
 * - a blank amount is a warning; an amount that is not money (negative, 3 decimals …) is an error;
 * - 项目资金总额 = 财政资金 + 其他资金; 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金;
 * - 年度资金申请总额 ≤ 项目资金总额 — the only rule that compares the two columns: a whole-life
 *   figure is never compared with a this-year figure otherwise.
 *
 * Blanks in sums: a sum rule runs when its total and at least one of its parts are filled; the
 * blank parts then count as 0 (forms often leave 上年结转资金 or 其他资金 empty for "none", and each
 * blank already has its own warning). A total with all parts blank, or a blank total, is not summed.
 * A rule with an unreadable amount is skipped: that amount already has its error.
 */
export function checkFunds(funds: Funds): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const values = new Map<FundField, Money | null>();

  for (const field of FUND_FIELDS) {
    const raw = funds[field];
    if (raw == null || isBlank(raw)) {
      issues.push(fieldWarning(fundPath(field), ISSUE_CODES.fundsBlank, `${fundLabel(field)}未填写`));
      values.set(field, null);
      continue;
    }
    const parsed = parseMoney(String(raw), fundLabel(field));
    if (parsed.ok) values.set(field, parsed.value);
    else issues.push(fieldError(fundPath(field), ISSUE_CODES.fundsInvalid, parsed.message));
  }

  const sumIssue = checkSum(values, 'totalAmount', WHOLE_LIFE_PARTS, ISSUE_CODES.fundsTotalMismatch);
  if (sumIssue) issues.push(sumIssue);
  const annualIssue = checkSum(values, 'annualAmount', ANNUAL_PARTS, ISSUE_CODES.fundsAnnualMismatch);
  if (annualIssue) issues.push(annualIssue);

  const total = values.get('totalAmount');
  const annual = values.get('annualAmount');
  if (total && annual && compareMoney(annual, total) > 0) {
    issues.push(
      fieldError(
        fundPath('annualAmount'),
        ISSUE_CODES.fundsAnnualExceedsTotal,
        `年度资金申请总额 ${yuan(annual)}不能大于项目资金总额 ${yuan(total)}（多 ${yuan(subtractMoney(annual, total))}）`,
      ),
    );
  }
  return issues;
}

/** `undefined` in `values` = unreadable, `null` = blank. */
function checkSum(
  values: ReadonlyMap<FundField, Money | null>,
  totalField: FundField,
  parts: readonly FundField[],
  code: typeof ISSUE_CODES.fundsTotalMismatch | typeof ISSUE_CODES.fundsAnnualMismatch,
): FieldIssue | null {
  const total = values.get(totalField);
  if (!total) return null;
  if (parts.some((part) => !values.has(part))) return null;
  const partValues = parts.map((part) => values.get(part) ?? null);
  if (partValues.every((value) => value === null)) return null;

  const sum = addMoney(...partValues);
  if (compareMoney(total, sum) === 0) return null;
  const terms = parts.map((part, i) => `${plainLabel(part)} ${yuan(partValues[i] ?? '0')}`).join(' + ');
  const difference = subtractMoney(total, sum).replace(/^-/, '');
  return fieldError(
    fundPath(totalField),
    code,
    `${FUND_FIELD_LABELS[totalField]} ${yuan(total)}不等于 ${terms} = ${yuan(sum)}，相差 ${yuan(difference)}`,
  );
}
