import type { IndicatorScore } from '@jxt/contracts';
import { Button, Popover } from 'antd';

export interface ScoreCellProps {
  /** The indicator's name, for the label a screen reader (and a test) finds the score by. */
  name: string;
  scored: Pick<IndicatorScore, 'score' | 'rule' | 'note'>;
}

/**
 * 得分 of one row with what it means in words as a small grey line (screen only): "实际值 95% 达到目标 90%，得满分".
 * The arithmetic (`rule`) is one click away, for a reviewer who checks it.
 */
export function ScoreCell({ name, scored }: ScoreCellProps) {
  return (
    <td className="eval-score">
      <span aria-label={`得分：${name}`}>{scored.score}</span>
      {scored.note && (
        <div className="eval-rule no-print">
          {scored.note}
          {scored.rule && (
            <Popover trigger="click" title="计算过程" content={<div className="eval-rule-formula">{scored.rule}</div>}>
              <Button type="link" size="small" className="eval-rule-toggle" aria-label={`计算过程：${name}`}>
                算式
              </Button>
            </Popover>
          )}
        </div>
      )}
    </td>
  );
}
