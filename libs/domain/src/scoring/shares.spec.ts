import { DEFAULT_SCORING_POLICY } from './scoring-policy';
import { bandOfShare, isShareInBand, percentToShare, shareToPercent } from './shares';

const bands = DEFAULT_SCORING_POLICY.qualitativeBands;

describe('shares as percents', () => {
  it('converts both ways without float noise', () => {
    expect(shareToPercent('0.85')).toBe('85');
    expect(shareToPercent('1.3')).toBe('130');
    expect(shareToPercent('0.07')).toBe('7');
    expect(shareToPercent('0.855')).toBe('85.5');
    expect(percentToShare('85')).toBe('0.85');
    expect(percentToShare(' 130 ')).toBe('1.3');
    expect(percentToShare('7')).toBe('0.07');
    expect(percentToShare('100')).toBe('1');
  });

  it('reads blank and unreadable values as null', () => {
    expect(shareToPercent(null)).toBeNull();
    expect(shareToPercent('')).toBeNull();
    expect(percentToShare('abc')).toBeNull();
    expect(percentToShare('')).toBeNull();
    expect(percentToShare(undefined)).toBeNull();
  });

  it('finds the band of a share as the engine does (the first band listed wins at a shared edge)', () => {
    expect(bandOfShare('0.9', bands)?.code).toBe('achieved');
    expect(bandOfShare('0.8', bands)?.code).toBe('achieved');
    expect(bandOfShare('0.7', bands)?.code).toBe('partly');
    expect(bandOfShare('0', bands)?.code).toBe('missed');
    expect(bandOfShare('1.2', bands)).toBeUndefined();
    expect(bandOfShare(null, bands)).toBeUndefined();
    expect(isShareInBand('0.6', bands[1])).toBe(true);
    expect(isShareInBand('0.59', bands[1])).toBe(false);
  });
});
