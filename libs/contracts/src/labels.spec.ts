import {
  AUDIT_EVENT_TYPES,
  AUDIT_EVENT_TYPE_LABELS,
  FORM_ACTIONS,
  FORM_ACTION_LABELS,
  FORM_STATUSES,
  FORM_STATUS_LABELS,
  REVIEW_RESULTS,
  REVIEW_RESULT_LABELS,
  FUND_FIELDS,
  FUND_FIELD_LABELS,
  INDICATOR_SETS,
  INDICATOR_SET_LABELS,
  ORGANIZATION_CHILD_KINDS,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  ROLES,
  ROLE_LABELS,
} from './labels';

describe('the label file', () => {
  it.each([
    ['roles', ROLES, ROLE_LABELS],
    ['organisation kinds', ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS],
    ['form statuses', FORM_STATUSES, FORM_STATUS_LABELS],
    ['form actions', FORM_ACTIONS, FORM_ACTION_LABELS],
    ['review results', REVIEW_RESULTS, REVIEW_RESULT_LABELS],
    ['indicator sets', INDICATOR_SETS, INDICATOR_SET_LABELS],
    ['fund fields', FUND_FIELDS, FUND_FIELD_LABELS],
    ['audit event types', AUDIT_EVENT_TYPES, AUDIT_EVENT_TYPE_LABELS],
  ] as const)('gives every one of the %s exactly one Chinese label', (_name, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) expect((labels as Record<string, string>)[code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("prints the seven amounts with the official form's words", () => {
    expect(FUND_FIELDS.map((f) => FUND_FIELD_LABELS[f])).toEqual([
      '项目资金总额',
      '其中：财政资金',
      '其他资金',
      '年度资金申请总额',
      '其中：当年财政拨款',
      '上年结转资金',
      '其他资金',
    ]);
  });

  it('chains the organisation tree 财政局 → 主管部门 → 预算单位 → 内设机构, with the 财政科室 beside the 主管部门', () => {
    const chain: string[] = [];
    let kind: (typeof ORGANIZATION_KINDS)[number] | undefined = 'finance_bureau';
    while (kind) {
      chain.push(ORGANIZATION_KIND_LABELS[kind]);
      kind = ORGANIZATION_CHILD_KINDS[kind].find((k) => k !== 'finance_division');
    }
    expect(chain).toEqual(['财政局', '主管部门', '预算单位', '内设机构']);
    expect(ORGANIZATION_CHILD_KINDS.finance_bureau).toContain('finance_division');
    expect(ORGANIZATION_CHILD_KINDS.finance_division).toEqual([]);
  });
});
