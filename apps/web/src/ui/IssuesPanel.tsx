import type { FieldIssue } from '@jxt/contracts';
import { Alert } from 'antd';

export interface IssuesPanelProps {
  issues: readonly FieldIssue[];
  /** What the errors are called in the title: `检查发现 5 处（2 处<errorsAre>）`. */
  errorsAre: string;
}

/** The checks' findings above a sheet (blank printed fields, sums that disagree …): screen only; nothing when all is well. */
export function IssuesPanel({ issues, errorsAre }: IssuesPanelProps) {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === 'error');
  return (
    <Alert
      className="form-alert no-print"
      type={errors.length ? 'error' : 'warning'}
      showIcon
      title={`检查发现 ${issues.length} 处${errors.length ? `（${errors.length} 处${errorsAre}）` : '提示'}`}
      description={
        <ul className="issue-list">
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity === 'error' ? 'issue-error' : undefined}>
              {issue.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
