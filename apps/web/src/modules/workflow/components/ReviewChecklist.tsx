import type { FieldIssue, GoalForm, ReviewPoint } from '@jxt/contracts';
import { groupOfCode, QUALITY_CHECKS, QUALITY_GROUPS, type QualityGroup } from '@jxt/domain';
import { Card, Checkbox, Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { fieldLabel, fieldOptions } from '../field-paths';

/** The reviewer's own 审核要点 (财预〔2015〕88号): what no check can judge, each proposed at the field it usually concerns. */
export const REVIEWER_POINTS: readonly { group: QualityGroup; message: string; field: string }[] = [
  { group: '完整性', message: '绩效目标未全面反映项目的主要产出和效果', field: 'annualGoal' },
  { group: '相关性', message: '绩效目标与部门职能、项目支出内容不相符', field: 'totalGoal' },
  { group: '适当性', message: '指标值与预算资金量、实施规模不匹配', field: 'funds.annualAmount' },
  { group: '可行性', message: '项目论证不充分，实施方案或保障措施不可行', field: 'totalGoal' },
];

const sameQualityPoint = (a: ReviewPoint, b: ReviewPoint) =>
  a.group === b.group && a.field === b.field && a.message === b.message;

export interface ReviewChecklistProps {
  form: GoalForm;
  /** The points ticked so far: they go with the 退回. */
  points: readonly ReviewPoint[];
  onChange: (points: ReviewPoint[]) => void;
}

/**
 * 审核要点 per form for the 主管部门 and finance: each automatic check's result (通过, or what it found and where), and
 * the reviewer's own points. What is ticked goes with the 退回, each pointing at its field, and the filer sees it.
 */
export function ReviewChecklist({ form, points, onChange }: ReviewChecklistProps) {
  const options = useMemo(() => fieldOptions(form), [form]);
  const ticked = (point: ReviewPoint) => points.some((p) => sameQualityPoint(p, point));
  const toggle = (point: ReviewPoint, on: boolean) =>
    onChange(on ? [...points, point] : points.filter((p) => !sameQualityPoint(p, point)));
  const moveTo = (point: ReviewPoint, field: string) =>
    onChange(points.map((p) => (sameQualityPoint(p, point) ? { ...p, field } : p)));

  const byGroup = (group: QualityGroup) => form.issues.filter((i) => (i.group ?? groupOfCode(i.code)) === group);
  const asPoint = (issue: FieldIssue): ReviewPoint => ({
    group: issue.group ?? groupOfCode(issue.code),
    code: issue.code,
    field: issue.field,
    message: issue.message,
  });

  return (
    <Card size="small" className="review-checklist no-print" title="审核要点清单（勾选的要点随退回意见发给填报单位）">
      {QUALITY_GROUPS.map((group) => {
        const found = byGroup(group);
        const passed = QUALITY_CHECKS.filter((c) => c.group === group && !found.some((i) => i.code === c.code));
        const own = REVIEWER_POINTS.filter((p) => p.group === group);
        return (
          <div key={group} className="review-checklist-group" role="group" aria-label={group}>
            <Typography.Text strong>{group}</Typography.Text>
            <ul>
              {found.map((issue, n) => {
                const point = asPoint(issue);
                return (
                  <li key={`${issue.code}:${issue.field}:${n}`}>
                    <Checkbox checked={ticked(point)} onChange={(e) => toggle(point, e.target.checked)}>
                      <Tag color={issue.severity === 'error' ? 'error' : 'warning'}>未通过</Tag>
                      {issue.message}
                      <Typography.Text type="secondary">（{fieldLabel(form, issue.field)}）</Typography.Text>
                    </Checkbox>
                  </li>
                );
              })}
              {passed.length > 0 && (
                <li className="review-checklist-passed">
                  <Tag color="success">通过</Tag>
                  <Typography.Text type="secondary">{passed.map((c) => c.label).join('；')}</Typography.Text>
                </li>
              )}
              {own.map((p) => {
                const existing = points.find((q) => q.group === p.group && q.message === p.message && !q.code);
                const point: ReviewPoint = existing ?? {
                  group: p.group,
                  code: null,
                  field: p.field,
                  message: p.message,
                };
                return (
                  <li key={p.message}>
                    <Checkbox checked={!!existing} onChange={(e) => toggle(point, e.target.checked)}>
                      <Tag>审核人判断</Tag>
                      {p.message}
                    </Checkbox>
                    {existing && (
                      <Select
                        size="small"
                        className="review-checklist-field"
                        aria-label={`${p.message} 针对的栏目`}
                        showSearch={{ optionFilterProp: 'label' }}
                        value={existing.field}
                        options={options}
                        onChange={(field: string) => moveTo(existing, field)}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </Card>
  );
}
