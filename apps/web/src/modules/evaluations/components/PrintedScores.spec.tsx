import { render, screen, within } from '@testing-library/react';
import { seedEvaluation3 } from '../testing/seed-evaluation-3';
import { PrintedScores } from './PrintedScores';

describe('PrintedScores (an imported past 自评表)', () => {
  it('shows printed and computed scores side by side and highlights each difference', () => {
    const base = seedEvaluation3({ status: 'final' }, { 投诉率: { actualValue: '0' } });
    const target = base.indicators.find((i) => i.name === '投诉率')!;
    const evaluation = {
      ...base,
      indicators: base.indicators.map((i) =>
        i.id === target.id ? { ...i, printedScore: '1.00' } : { ...i, printedScore: i.scored.score },
      ),
      imported: {
        budgetWeight: '10',
        budgetScore: base.score.budget.score,
        total: '80',
        grade: '良',
        differences: [
          { indicatorId: target.id, name: '投诉率', printed: '1.00', computed: target.scored.score, difference: '4' },
        ],
      },
    };
    render(<PrintedScores evaluation={evaluation} />);
    expect(screen.getByText('本表为导入的历史自评表，未经系统审核流程')).toBeInTheDocument();
    expect(screen.getByText(/有 1 处与表上所印得分不一致/)).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /投诉率/ });
    expect(within(row).getByText('1.00')).toBeInTheDocument();
    expect(within(row).getByText('+4')).toBeInTheDocument();
    expect(row).toHaveClass('printed-score-differs');
    expect(screen.getByText('所印自评等级：良')).toBeInTheDocument();
  });

  it('shows nothing for a 自评表 filled in the system', () => {
    const { container } = render(<PrintedScores evaluation={seedEvaluation3()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
