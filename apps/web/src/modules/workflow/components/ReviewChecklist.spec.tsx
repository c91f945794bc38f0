import type { GoalForm, ReviewPoint } from '@jxt/contracts';
import { QUALITY_CODES } from '@jxt/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { ReviewChecklist } from './ReviewChecklist';

const form: GoalForm = {
  ...SEED_FORM_3,
  status: 'submitted',
  issues: [
    {
      field: 'indicators.year.0.children.1.indicators.0.rawValue',
      severity: 'warning',
      code: QUALITY_CODES.percentOutOfRange,
      group: '适当性',
      message: '“项目验收合格率”的指标值 =120% 超出 0–100%',
    },
  ],
};

function Harness({ onPoints }: { onPoints: (points: ReviewPoint[]) => void }) {
  const [points, setPoints] = useState<ReviewPoint[]>([]);
  return (
    <ReviewChecklist
      form={form}
      points={points}
      onChange={(next) => {
        setPoints(next);
        onPoints(next);
      }}
    />
  );
}

describe('ReviewChecklist', () => {
  it('shows each 审核要点 with the checks’ results, and ticks a finding and an own point to send with the 退回', async () => {
    const onPoints = jest.fn();
    render(<Harness onPoints={onPoints} />);
    const fit = screen.getByRole('group', { name: '适当性' });
    expect(within(fit).getByText('未通过')).toBeInTheDocument();
    expect(within(fit).getByText('（质量指标 / 项目验收合格率 / 年度指标值）')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: '完整性' })).getByText('通过')).toBeInTheDocument();

    await userEvent.click(within(fit).getByRole('checkbox', { name: /=120% 超出/ }));
    expect(onPoints).toHaveBeenLastCalledWith([
      {
        group: '适当性',
        code: QUALITY_CODES.percentOutOfRange,
        field: 'indicators.year.0.children.1.indicators.0.rawValue',
        message: '“项目验收合格率”的指标值 =120% 超出 0–100%',
      },
    ]);
    const feasibility = screen.getByRole('group', { name: '可行性' });
    await userEvent.click(within(feasibility).getByRole('checkbox', { name: /论证不充分/ }));
    expect(onPoints.mock.lastCall[0]).toHaveLength(2);
    expect(onPoints.mock.lastCall[0][1]).toMatchObject({ group: '可行性', code: null, field: 'totalGoal' });
    // Its field can be chosen once ticked.
    expect(within(feasibility).getByRole('combobox', { name: /针对的栏目/ })).toBeInTheDocument();
  });
});
