import type { QualitativeBand } from '@jxt/contracts';
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
export function bandOfShare<B extends Pick<QualitativeBand, 'min' | 'max'>>(share: string | null | undefined, bands: readonly B[]): B | undefined {
  if (share == null || !isPlainDecimal(share)) return undefined;
  return bands.find((band) => isShareInBand(share, band));
}
