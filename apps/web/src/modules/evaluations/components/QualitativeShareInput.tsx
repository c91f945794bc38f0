import type { QualitativeBand, QualitativeBandCode } from '@jxt/contracts';
import { isShareInBand, percentToShare, shareToPercent } from '@jxt/domain';
import { InputNumber, Select } from 'antd';

export interface QualitativeShareInputProps {
  /** The indicator's name, for the inputs' labels. */
  name: string;
  bands: readonly QualitativeBand[];
  band: QualitativeBandCode | null;
  /** Percent of 分值 as typed (a decimal string). */
  percent: string;
  onBand: (band: QualitativeBand | null) => void;
  onPercent: (percent: string) => void;
  /** `复核` labels the reviewer's inputs apart from the unit's. */
  labelPrefix?: string;
  status?: 'error' | 'warning';
}

export const bandRange = (band: Pick<QualitativeBand, 'min' | 'max'>) =>
  `${shareToPercent(band.min)}%–${shareToPercent(band.max)}%`;

/** Why a typed percent cannot stand in its band, or null. */
export function percentProblem(band: QualitativeBand | undefined, percent: string): string | null {
  if (!band) return null;
  const share = percentToShare(percent);
  if (share === null) return '请填写得分比例';
  return isShareInBand(share, band) ? null : `得分比例应在 ${bandRange(band)} 之间`;
}

/** A qualitative indicator's score: the band (policy.qualitativeBands), then the percent of 分值 inside it. */
export function QualitativeShareInput({
  name,
  bands,
  band,
  percent,
  onBand,
  onPercent,
  labelPrefix = '',
  status,
}: QualitativeShareInputProps) {
  const chosen = bands.find((b) => b.code === band);
  const problem = percentProblem(chosen, percent);
  return (
    <div className="eval-share">
      <Select<QualitativeBandCode>
        aria-label={`${labelPrefix}完成档次：${name}`}
        placeholder="选择完成档次"
        value={band ?? undefined}
        allowClear
        status={status}
        popupMatchSelectWidth={false}
        options={bands.map((b) => ({ value: b.code, label: `${b.label}（${bandRange(b)}）` }))}
        // The band as picked, in full where the cell is narrow; its range shows in the list and bounds the percent.
        labelRender={({ value }) => bands.find((b) => b.code === value)?.label ?? ''}
        onChange={(code) => onBand(bands.find((b) => b.code === code) ?? null)}
        className="eval-share-band"
      />
      {chosen && (
        <InputNumber<string>
          aria-label={`${labelPrefix}得分比例：${name}`}
          stringMode
          min={shareToPercent(chosen.min) ?? '0'}
          max={shareToPercent(chosen.max) ?? '100'}
          step="1"
          value={percent === '' ? null : percent}
          onChange={(value) => onPercent(value ?? '')}
          suffix="%"
          status={problem ? 'error' : undefined}
          className="eval-share-percent"
        />
      )}
      {problem && <div className="field-note field-note-error">{problem}</div>}
    </div>
  );
}
