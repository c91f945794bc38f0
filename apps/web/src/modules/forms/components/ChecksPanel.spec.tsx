import type { FieldIssue } from '@jxt/contracts';
import { QUALITY_CODES } from '@jxt/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecksPanel } from './ChecksPanel';

const issues: FieldIssue[] = [
  {
    field: 'annualGoal',
    severity: 'warning',
    code: QUALITY_CODES.goalSentenceUncovered,
    group: '相关性',
    message: '年度总目标第 3 条“设备更新”没有对应的绩效指标',
  },
  {
    field: 'indicators.year.0.children.1.indicators.0.rawValue',
    severity: 'error',
    code: QUALITY_CODES.percentOutOfRange,
    group: '适当性',
    message: '“项目验收合格率”的指标值 =120% 超出 0–100%',
  },
  {
    field: 'funds.totalAmount',
    severity: 'error',
    code: 'funds.total_mismatch',
    group: '可行性',
    message: '项目资金总额不等于…',
  },
];

describe('ChecksPanel', () => {
  it('groups the checks by 审核要点, counts what blocks 提交, and gives each its reason and fix', () => {
    render(<ChecksPanel issues={issues} onLocate={() => undefined} />);
    expect(screen.getByText('审核要点：2 处阻止提交，1 条提醒')).toBeInTheDocument();
    expect(screen.getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual([
      '相关性',
      '适当性',
      '可行性',
    ]);
    const relevance = screen.getByRole('group', { name: '相关性' });
    expect(within(relevance).getByText(/没有对应的绩效指标/)).toBeInTheDocument();
    expect(within(relevance).getByText(/为这条目标添加一个指标/)).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: '适当性' })).getByText('须修改')).toBeInTheDocument();
  });

  it('locates the field of a check', async () => {
    const onLocate = jest.fn();
    render(<ChecksPanel issues={issues} onLocate={onLocate} />);
    await userEvent.click(screen.getByRole('button', { name: /定位：“项目验收合格率”/ }));
    expect(onLocate).toHaveBeenCalledWith('indicators.year.0.children.1.indicators.0.rawValue');
  });

  it('says so when every check passes', () => {
    render(<ChecksPanel issues={[]} onLocate={() => undefined} />);
    expect(screen.getByText('审核要点：未发现问题')).toBeInTheDocument();
  });
});
