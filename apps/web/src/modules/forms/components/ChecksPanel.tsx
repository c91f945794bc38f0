import type { FieldIssue } from '@jxt/contracts';
import { Button, Collapse, Tag, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import { fixOf, groupChecks } from '../checks';
import './checks-panel.css';

export interface ChecksPanelProps {
  /** The checks as 提交 applies them: errors block 提交, warnings do not. */
  issues: readonly FieldIssue[];
  /** Brings the field an issue concerns into view and focuses it. */
  onLocate: (field: string) => void;
  /** More under the panel (the editor's 下调理由 inputs). */
  children?: ReactNode;
}

/**
 * The checks of the form being edited, grouped by 审核要点 (财预〔2015〕88号: 完整性, 相关性, 适当性, 可行性), each with
 * its reason, a 定位 to its field and the fix where one is obvious. Memoised: it re-renders only when the checks do.
 */
export const ChecksPanel = memo(function ChecksPanel({ issues, onLocate, children }: ChecksPanelProps) {
  const groups = groupChecks(issues);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const title =
    issues.length === 0
      ? '审核要点：未发现问题'
      : `审核要点：${errors ? `${errors} 处阻止提交，` : ''}${issues.length - errors} 条提醒`;
  return (
    <section className="checks-panel no-print" aria-label="审核要点检查">
      <Collapse
        size="small"
        defaultActiveKey={issues.length ? ['checks'] : []}
        items={[
          {
            key: 'checks',
            label: (
              <Typography.Text strong type={errors ? 'danger' : undefined}>
                {title}
              </Typography.Text>
            ),
            children: (
              <>
                {groups.map(({ group, issues: found }) => (
                  <div key={group} className="checks-group" role="group" aria-label={group}>
                    <Typography.Text strong>
                      {group}（{found.length}）
                    </Typography.Text>
                    <ul>
                      {found.map((issue, n) => {
                        const fix = fixOf(issue);
                        return (
                          <li key={`${issue.code}:${issue.field}:${n}`}>
                            <Tag color={issue.severity === 'error' ? 'error' : 'warning'}>
                              {issue.severity === 'error' ? '须修改' : '提醒'}
                            </Tag>
                            <span className="checks-message">{issue.message}</span>
                            {fix && <Typography.Text type="secondary"> — {fix}</Typography.Text>}
                            <Button
                              type="link"
                              size="small"
                              onClick={() => onLocate(issue.field)}
                              aria-label={`定位：${issue.message}`}
                            >
                              定位
                            </Button>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
                {children}
              </>
            ),
          },
        ]}
      />
    </section>
  );
});
