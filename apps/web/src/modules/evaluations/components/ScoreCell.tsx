import type { IndicatorScore } from '@jxt/contracts';

export interface ScoreCellProps {
  /** The indicator's name, for the label a screen reader (and a test) finds the score by. */
  name: string;
  scored: Pick<IndicatorScore, 'score' | 'rule'>;
}

/** 得分 of one row, with the rule that produced it as a small grey line (screen only), so a reviewer can check the arithmetic. */
export function ScoreCell({ name, scored }: ScoreCellProps) {
  return (
    <td className="eval-score">
      <span aria-label={`得分：${name}`}>{scored.score}</span>
      <div className="eval-rule no-print" title={scored.rule}>
        {scored.rule}
      </div>
    </td>
  );
}
