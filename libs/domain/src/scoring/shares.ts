import type { QualitativeBand, QualitativeBandCode } from '@jxt/contracts';
import { isPlainDecimal, MoneyDecimal as D } from '../money/money-decimal';

/**
 * Shares and ratios as people type them: percents. The policy and the 自评表 store shares of 分值
 * (`'0.85'`) and ratios (`'1.3'`) as decimal strings; the screens show 85 % and 130 %. Decimal, never a float.
 */

/** `'0.85'` → `'85'`, `'1.3'` → `'130'`; null for a blank or unreadable value. */
export function shareToPercent(share: string | null | undefined): string | null {
  if (share == null || !isPlainDecimal(share)) return null;
  return new D(share).times(100).toFixed();
}

/** `'85'` → `'0.85'`, `' 130 '` → `'1.3'`; null for a blank or unreadable value. */
export function percentToShare(percent: string | null | undefined): string | null {
  if (percent == null || !isPlainDecimal(percent)) return null;
  return new D(percent.trim()).dividedBy(100).toFixed();
}

/** Whether the share lies inside the band (both ends included, as the engine reads it). */
export function isShareInBand(share: string, band: Pick<QualitativeBand, 'min' | 'max'>): boolean {
  if (!isPlainDecimal(share)) return false;
  const value = new D(share);
  return value.gte(band.min) && value.lte(band.max);
}

/** The band a share falls in: the first one listed, as the engine picks it (0.8 is 达成 when 达成 starts at 0.8). */
export function bandOfShare<B extends Pick<QualitativeBand, 'min' | 'max'>>(
  share: string | null | undefined,
  bands: readonly B[],
): B | undefined {
  if (share == null || !isPlainDecimal(share)) return undefined;
  return bands.find((band) => isShareInBand(share, band));
}

export type BandChoice<B> = { ok: true; band: B } | { ok: false; message: string };

/**
 * The band a share is scored in. Bands share their edges (达成 80–100 %, 部分达成 60–80 %), so the share alone
 * cannot say which band a person picked at 80 %: the band is kept beside it (`code`), and the share must lie
 * inside that band, both ends included. A share kept without its band (saved before bands were stored, or by
 * an API client that sent none) reads as the first band listed that holds it.
 */
export function chosenBand<B extends Pick<QualitativeBand, 'code' | 'min' | 'max'>>(
  share: string,
  code: QualitativeBandCode | null | undefined,
  bands: readonly B[],
): BandChoice<B> {
  if (code == null) {
    const band = bandOfShare(share, bands);
    return band ? { ok: true, band } : { ok: false, message: '得分比例不在任何档次内' };
  }
  const band = bands.find((b) => b.code === code);
  if (!band) return { ok: false, message: '评分规则中没有所选的完成档次' };
  if (!isShareInBand(share, band))
    return { ok: false, message: `得分比例应在 ${shareToPercent(band.min)}%–${shareToPercent(band.max)}% 之间` };
  return { ok: true, band };
}
