import type { FieldIssue } from '@jxt/contracts';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import './issues-panel.css';

export interface IssuesPanelProps {
  /**
   * The checks as 提交 applies them (atSubmission of a form's issues, checkEvaluation of a 自评表): errors block 提交,
   * those marked `blank` are fields still to fill in; warnings never block.
   */
  issues: readonly FieldIssue[];
}

/** To-dos beyond this many start folded: a fresh 自评表 has one or two per indicator. */
const TODOS_SHOWN = 3;

function IssueList({ issues }: { issues: readonly FieldIssue[] }) {
  return (
    <ul className="issue-list">
      {issues.map((issue, i) => (
        <li key={i}>{issue.message}</li>
      ))}
    </ul>
  );
}

/**
 * The checks' findings above a sheet, before the filer presses 提交, in three parts: what blocks 提交 and must be
 * corrected (red), what is still to fill in (blocks 提交 too, but is a to-do, not a mistake: blue, folded when long),
 * and warnings that do not block (yellow). Every message names its field or indicator. Screen only; nothing when
 * all is well.
 */
export function IssuesPanel({ issues }: IssuesPanelProps) {
  const blocking = issues.filter((issue) => issue.severity === 'error' && !issue.blank);
  const todos = issues.filter((issue) => issue.severity === 'error' && issue.blank);
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const [todosOpen, setTodosOpen] = useState(false);
  if (issues.length === 0) return null;
  const foldable = todos.length > TODOS_SHOWN + 1;
  const shownTodos = foldable && !todosOpen ? todos.slice(0, TODOS_SHOWN) : todos;

  return (
    <div className="issues-panel no-print">
      {blocking.length > 0 && (
        <section aria-label="阻止提交">
          <Alert
            type="error"
            showIcon
            title={`阻止提交：${blocking.length} 处需要修改`}
            description={<IssueList issues={blocking} />}
          />
        </section>
      )}
      {todos.length > 0 && (
        <section aria-label="待填写">
          <Alert
            type="info"
            showIcon
            title={`待填写：${todos.length} 项，提交前须填好`}
            description={
              <>
                <IssueList issues={shownTodos} />
                {foldable && (
                  <Button
                    type="link"
                    size="small"
                    className="issues-panel-fold"
                    onClick={() => setTodosOpen(!todosOpen)}
                  >
                    {todosOpen ? '收起' : `查看全部 ${todos.length} 项`}
                  </Button>
                )}
              </>
            }
          />
        </section>
      )}
      {warnings.length > 0 && (
        <section aria-label="提醒">
          <Alert
            type="warning"
            showIcon
            title={`提醒：${warnings.length} 条，不影响提交`}
            description={<IssueList issues={warnings} />}
          />
        </section>
      )}
    </div>
  );
}
