import {
  EVALUATION_ACTION_LABELS,
  EVALUATION_FIELD_LABELS as L,
  type Evaluation,
  type QualitativeBandCode,
  type ReviewerAdjustment,
} from '@jxt/contracts';
import { bandAsPicked, isBandScored, percentToShare, scoreEvaluationContent, shareToPercent } from '@jxt/domain';
import { App, Input, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { storedContent, type ReviewerChoice } from '../evaluation-draft';
import { toFailure, type StepFailure } from '../../../ui/StepFailureAlert';
import { useEvaluationTransition } from '../hooks';
import { EvaluationStepFailure } from './EvaluationStepFailure';
import { percentProblem, QualitativeShareInput } from './QualitativeShareInput';

export interface ReviewDialogProps {
  evaluation: Evaluation;
  onClose: () => void;
  onReload?: () => unknown;
}

interface Adjustment {
  band: QualitativeBandCode | null;
  percent: string;
  reason: string;
}

/** The reviewer's row state: the earlier 复核 share when there is one, else 不调整 (no band). */
function initialAdjustments(evaluation: Evaluation): Record<string, Adjustment> {
  const bands = evaluation.policy.policy.qualitativeBands;
  return Object.fromEntries(
    evaluation.indicators
      .filter((i) => isBandScored(i.target))
      .map((i) => [
        i.id,
        {
          band: i.reviewerShare ? bandAsPicked(i.reviewerShare, i.reviewerBand, bands) : null,
          percent: shareToPercent(i.reviewerShare) ?? '',
          reason: i.reviewerReason ?? '',
        },
      ]),
  );
}

/**
 * 复核: the reviewer may move each qualitative indicator's share (inside a band) and must say why; the total
 * updates live. Sends {action:'review', adjustments, rowVersion}.
 */
export function ReviewDialog({ evaluation, onClose, onReload }: ReviewDialogProps) {
  const policy = evaluation.policy.policy;
  const bands = policy.qualitativeBands;
  const qualitative = useMemo(
    () => evaluation.indicators.filter((i) => isBandScored(i.target)),
    [evaluation.indicators],
  );
  const [rows, setRows] = useState(() => initialAdjustments(evaluation));
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const transition = useEvaluationTransition(evaluation.id);
  const { message } = App.useApp();
  const label = EVALUATION_ACTION_LABELS.review;

  const set = (id: string, change: Partial<Adjustment>) =>
    setRows((current) => ({ ...current, [id]: { ...current[id], ...change } }));

  /** What each row sends: a valid percent in the band picked, null to remove an earlier adjustment; absent when untouched. */
  const choices = useMemo(() => {
    const result: Record<string, ReviewerChoice> = {};
    for (const indicator of qualitative) {
      const row = rows[indicator.id];
      const band = bands.find((b) => b.code === row.band);
      if (band && !percentProblem(band, row.percent))
        result[indicator.id] = { share: percentToShare(row.percent)!, band: band.code };
      else if (!row.band && indicator.reviewerShare !== null) result[indicator.id] = null;
    }
    return result;
  }, [rows, qualitative, bands]);

  const preview = useMemo(
    () => scoreEvaluationContent(storedContent(evaluation, choices), policy),
    [evaluation, choices, policy],
  );

  const problems = qualitative.flatMap((indicator) => {
    const row = rows[indicator.id];
    const band = bands.find((b) => b.code === row.band);
    if (!band) return [];
    const problem = percentProblem(band, row.percent);
    if (problem) return [`${indicator.name}：${problem}`];
    return row.reason.trim() ? [] : [`${indicator.name}：请填写${L.reviewerReason}`];
  });

  const onOk = () => {
    setTried(true);
    setFailure(null);
    if (problems.length) return;
    const adjustments: ReviewerAdjustment[] = Object.entries(choices).map(([indicatorId, choice]) =>
      choice === null
        ? { indicatorId, share: null, reason: null }
        : { indicatorId, share: choice.share, band: choice.band, reason: rows[indicatorId].reason.trim() },
    );
    transition.mutate(
      { action: 'review', adjustments, comment: comment.trim() || null, rowVersion: evaluation.rowVersion },
      {
        onSuccess: () => {
          message.success(`已${label}`);
          onClose();
        },
        onError: (error) => setFailure(toFailure(error)),
      },
    );
  };

  return (
    <Modal
      open
      title={`${label}：${evaluation.projectName}`}
      okText={`确认${label}`}
      okButtonProps={{ loading: transition.isPending }}
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
      width={1080}
    >
      <Typography.Paragraph>
        定性指标可在档次范围内调整得分比例，每项调整须填写{L.reviewerReason}。不调整的指标保留单位自评。
      </Typography.Paragraph>
      <div className="eval-review-total">
        自评总分 {evaluation.score.total}（{evaluation.score.grade}）→ 复核后{L.totalScore}{' '}
        <strong data-testid="review-total">{preview.total}</strong>（
        <span data-testid="review-grade">{preview.grade}</span>）
      </div>
      {qualitative.length === 0 ? (
        <Typography.Paragraph type="secondary">本表没有定性指标，无需调整。</Typography.Paragraph>
      ) : (
        <table className="eval-review-table">
          <thead>
            <tr>
              <th scope="col">三级指标</th>
              <th scope="col">{L.targetValue}</th>
              <th scope="col">{L.actualValue}</th>
              <th scope="col">自评</th>
              <th scope="col">复核调整</th>
              <th scope="col">{L.reviewerReason}</th>
              <th scope="col">{L.score}</th>
            </tr>
          </thead>
          <tbody>
            {qualitative.map((indicator) => {
              const row = rows[indicator.id];
              const index = evaluation.indicators.indexOf(indicator);
              const selfCode = bandAsPicked(indicator.selfShare, indicator.selfBand, bands);
              const self = indicator.selfShare ? bands.find((b) => b.code === selfCode) : undefined;
              const missingReason = tried && row.band !== null && !row.reason.trim();
              return (
                <tr key={indicator.id}>
                  <td>{indicator.name}</td>
                  <td>{indicator.rawTarget}</td>
                  <td>{indicator.actualValue ?? ''}</td>
                  <td>{self ? `${self.label} ${shareToPercent(indicator.selfShare)}%` : '未评'}</td>
                  <td>
                    <QualitativeShareInput
                      name={indicator.name}
                      labelPrefix="复核"
                      bands={bands}
                      band={row.band}
                      percent={row.percent}
                      onBand={(band) =>
                        set(
                          indicator.id,
                          band
                            ? { band: band.code, percent: shareToPercent(band.max) ?? '' }
                            : { band: null, percent: '' },
                        )
                      }
                      onPercent={(percent) => set(indicator.id, { percent })}
                    />
                  </td>
                  <td>
                    <Input.TextArea
                      aria-label={`${L.reviewerReason}：${indicator.name}`}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      maxLength={1000}
                      disabled={row.band === null}
                      status={missingReason ? 'error' : undefined}
                      placeholder={row.band === null ? '不调整' : '必填'}
                      value={row.reason}
                      onChange={(e) => set(indicator.id, { reason: e.target.value })}
                    />
                    {missingReason && <div className="field-note field-note-error">请填写{L.reviewerReason}</div>}
                  </td>
                  <td className="eval-number">{preview.indicators[index].score}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Input.TextArea
        aria-label="复核意见"
        placeholder="复核意见（选填）"
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        className="eval-review-comment"
      />
      {tried && problems.length > 0 && (
        <ul className="issue-list eval-review-problems" role="alert">
          {problems.map((p) => (
            <li key={p} className="issue-error">
              {p}
            </li>
          ))}
        </ul>
      )}
      {failure && <EvaluationStepFailure failure={failure} label={label} onClose={onClose} onReload={onReload} />}
    </Modal>
  );
}
