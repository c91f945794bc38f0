import { render, screen, within } from '@testing-library/react';
import { storedScores } from '../evaluation-draft';
import { seedEvaluation3 } from '../testing/seed-evaluation-3';
import { EvaluationSheet } from './EvaluationSheet';

const evaluation = seedEvaluation3(
  {
    status: 'reviewed',
    funds: { initialBudget: '8927300.00', annualBudget: '8927300.00', executedAmount: '8500000.00' },
  },
  {
    项目验收合格率: { actualValue: '100' },
    项目完成及时率: {
      actualValue: '基本及时',
      selfShare: '0.9',
      reviewerShare: '0.75',
      reviewerReason: '两项子任务延期',
      deviationReason: '专家库模块验收推迟',
    },
    投诉率: { actualValue: '0' },
  },
);

describe('EvaluationSheet (read view)', () => {
  it('prints the official table: funds with separators, merged 一级/二级 cells, 总分 and 自评等级', () => {
    render(<EvaluationSheet evaluation={evaluation} scored={storedScores(evaluation)} />);
    expect(screen.getByRole('heading', { name: '财政项目支出绩效自评表' })).toBeInTheDocument();
    expect(screen.getByText('（2021年度）')).toBeInTheDocument();
    expect(screen.getAllByText('8,927,300.00')).toHaveLength(2);
    expect(screen.getByText('8,500,000.00')).toBeInTheDocument();
    expect(screen.getByLabelText('执行率')).toHaveTextContent('95.21%');
    expect(screen.getByLabelText('得分：执行率')).toHaveTextContent('9.52');
    // 产出指标 spans its seven rows; 数量指标 its five
    expect(screen.getByText('产出指标').closest('td')).toHaveAttribute('rowspan', '7');
    expect(screen.getByText('数量指标').closest('td')).toHaveAttribute('rowspan', '5');
    expect(screen.getByTestId('evaluation-total')).toHaveTextContent(evaluation.score.total);
    expect(screen.getByTestId('evaluation-grade')).toHaveTextContent(evaluation.score.grade);
  });

  it('shows the reviewer’s adjusted share and reason on the row, and scores by it', () => {
    render(<EvaluationSheet evaluation={evaluation} scored={storedScores(evaluation)} />);
    const row = screen.getByText('项目完成及时率').closest('tr')!;
    expect(
      within(row).getByText('复核调整：部分达成并具有一定效果 75%；复核调整理由：两项子任务延期'),
    ).toBeInTheDocument();
    expect(within(row).getByLabelText('得分：项目完成及时率')).toHaveTextContent('5.36');
    expect(within(row).getByText('复核：部分达成并具有一定效果，得分值的 75%')).toBeInTheDocument();
    expect(within(row).queryByText(/定性（复核）/)).toBeNull();
  });
});

describe('EvaluationSheet: the 完成档次 as picked, at a shared edge', () => {
  const atEdges = seedEvaluation3(
    { status: 'final' },
    {
      项目完成及时率: {
        actualValue: '基本及时',
        selfShare: '0.8000',
        selfBand: 'partly',
        deviationReason: '两项子任务延期',
      },
      信息化程度: {
        actualValue: '有所提升',
        selfShare: '0.6000',
        selfBand: 'missed',
        reviewerShare: '0.8000',
        reviewerBand: 'partly',
        reviewerReason: '佐证已补充',
        deviationReason: '迁移推迟',
      },
      网络运行情况: { actualValue: '良好', selfShare: '0.8000', selfBand: 'achieved' },
    },
  );

  it('prints 部分达成 at 80 %, 未达成 at 60 % and the reviewer’s 部分达成 at 80 % as picked (screen and print)', () => {
    render(<EvaluationSheet evaluation={atEdges} scored={storedScores(atEdges)} />);
    const row = (name: string) => screen.getByText(name, { selector: 'td' }).closest('tr')!;
    expect(within(row('项目完成及时率')).getByText('完成档次：部分达成并具有一定效果 80%')).toBeInTheDocument();
    expect(within(row('信息化程度')).getByText('完成档次：未达成且效果较差 60%')).toBeInTheDocument();
    expect(
      within(row('信息化程度')).getByText('复核调整：部分达成并具有一定效果 80%；复核调整理由：佐证已补充'),
    ).toBeInTheDocument();
    expect(within(row('网络运行情况')).getByText('完成档次：达成年度指标 80%')).toBeInTheDocument();
  });

  it('shows a fresh 自评表 without red: each row still to fill in is a muted to-do; a typed value that cannot be scored is red', () => {
    const fresh = seedEvaluation3();
    const { container, unmount } = render(<EvaluationSheet evaluation={fresh} scored={storedScores(fresh)} />);
    expect(container.querySelectorAll('.field-note-error')).toHaveLength(0);
    expect(container.querySelectorAll('.eval-actual .field-note-todo')).toHaveLength(fresh.indicators.length);
    unmount();

    const typed = seedEvaluation3({}, { 项目验收合格率: { actualValue: '九成' } });
    render(<EvaluationSheet evaluation={typed} scored={storedScores(typed)} />);
    const row = screen.getByText('项目验收合格率').closest('tr')!;
    expect(within(row).getByText('请填写数值（单位：%）')).toHaveClass('field-note-error');
  });
});
