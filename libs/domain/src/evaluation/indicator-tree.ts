import type { EvaluationIndicator, QualitativeBand, QualitativeBandCode } from '@jxt/contracts';
import { chosenBand, shareToPercent } from '../scoring/shares';

export interface TreeIndicator {
  indicator: EvaluationIndicator;
  /** Position in `evaluation.indicators` (the index the API's field paths use). */
  index: number;
}

export interface IndicatorGroup {
  code: string;
  label: string;
  children: { code: string; label: string; indicators: TreeIndicator[] }[];
}

/**
 * The 自评表's sheet, shared by the web page and the .xlsx export (docs/domain.md §4).
 *
 * The flat indicator list of a 自评表 grouped by 一级/二级指标 in the order they first appear (for the merged cells).
 */
export function indicatorTree(indicators: readonly EvaluationIndicator[]): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  indicators.forEach((indicator, index) => {
    let level1 = groups.find((g) => g.code === indicator.level1Code);
    if (!level1) groups.push((level1 = { code: indicator.level1Code, label: indicator.level1Label, children: [] }));
    let level2 = level1.children.find((c) => c.code === indicator.level2Code);
    if (!level2)
      level1.children.push((level2 = { code: indicator.level2Code, label: indicator.level2Label, indicators: [] }));
    level2.indicators.push({ indicator, index });
  });
  return groups;
}

/**
 * The band a stored share was picked in: as kept (80 % may be 部分达成), else — a share saved before bands were
 * kept — the first band that holds it. A band kept without a share stays picked.
 */
export function bandAsPicked(
  share: string | null,
  band: QualitativeBandCode | null,
  bands: readonly QualitativeBand[],
): QualitativeBandCode | null {
  if (!share) return band;
  const choice = chosenBand(share, band, bands);
  return choice.ok ? choice.band.code : band;
}

/** A qualitative score as printed: the band as picked and the percent (`部分达成并具有一定效果 80%`); null when none. */
export function bandText(
  share: string | null,
  band: QualitativeBandCode | null,
  bands: readonly QualitativeBand[],
): string | null {
  const percent = shareToPercent(share);
  if (percent === null) return null;
  const code = bandAsPicked(share, band, bands);
  const label = bands.find((b) => b.code === code)?.label;
  return label ? `${label} ${percent}%` : `${percent}%`;
}
