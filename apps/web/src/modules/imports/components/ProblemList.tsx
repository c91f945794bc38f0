import { Tag, Typography } from 'antd';
import type { ImportProblem } from '@jxt/contracts';
import { cellName, SEVERITY_LABELS } from '../import-text';

/**
 * Problems of one sheet (or of the whole file, `withSheet`: each says its sheet), errors first, each at its cell as
 * Excel names it (`C12`).
 */
export function ProblemList({ problems, withSheet = false }: { problems: ImportProblem[]; withSheet?: boolean }) {
  const ordered = [...problems].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.row - b.row,
  );
  return (
    <ul className="import-problems">
      {ordered.map((problem, index) => (
        <li key={index} className="import-problem">
          <Tag color={problem.severity === 'error' ? 'red' : 'orange'}>{SEVERITY_LABELS[problem.severity]}</Tag>
          {withSheet && problem.sheet && <Typography.Text type="secondary">{problem.sheet} </Typography.Text>}
          <Typography.Text code title={`第 ${problem.row} 行 ${problem.column} 列`}>
            {cellName(problem)}
          </Typography.Text>{' '}
          <span>{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
