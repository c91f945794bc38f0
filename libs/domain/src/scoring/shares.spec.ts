import { DEFAULT_SCORING_POLICY } from './scoring-policy';
import { bandOfShare, chosenBand, isShareInBand, percentToShare, shareToPercent } from './shares';

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

describe('the band a person picked (完成档次), at every boundary of the default bands', () => {
  // The default bands share their edges: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %. A share on an edge belongs to
  // the band the person picked, never to whichever band is listed first.
  const cases: [code: 'achieved' | 'partly' | 'missed', share: string, inside: boolean][] = [
    ['achieved', '1', true],
    ['achieved', '0.8', true],
    ['achieved', '0.7999', false],
    ['achieved', '0.6', false],
    ['partly', '0.8001', false],
    ['partly', '0.8', true],
    ['partly', '0.7', true],
    ['partly', '0.6', true],
    ['partly', '0.5999', false],
    ['missed', '0.6001', false],
    ['missed', '0.6', true],
    ['missed', '0', true],
  ];
  it.each(cases)('%s at %s: inside %s', (code, share, inside) => {
    const result = chosenBand(share, code, bands);
    if (inside) expect(result).toEqual({ ok: true, band: expect.objectContaining({ code }) });
    else
      expect(result).toEqual({
        ok: false,
        message: `得分比例应在 ${shareToPercent(bands.find((b) => b.code === code)!.min)}%–${shareToPercent(bands.find((b) => b.code === code)!.max)}% 之间`,
      });
  });

  it('reads a share stored without its band (before bands were stored) as the first band listed that holds it', () => {
    expect(chosenBand('0.8', null, bands)).toMatchObject({ ok: true, band: { code: 'achieved' } });
    expect(chosenBand('0.6', undefined, bands)).toMatchObject({ ok: true, band: { code: 'partly' } });
    expect(chosenBand('0', null, bands)).toMatchObject({ ok: true, band: { code: 'missed' } });
    expect(chosenBand('1.2', null, bands)).toEqual({ ok: false, message: '得分比例不在任何档次内' });
  });

  it('refuses a band the policy does not have, and a share that is not a number', () => {
    const two = bands.filter((b) => b.code !== 'partly');
    expect(chosenBand('0.7', 'partly', two)).toEqual({ ok: false, message: '评分规则中没有所选的完成档次' });
    expect(chosenBand('abc', 'partly', bands)).toEqual({ ok: false, message: '得分比例应在 60%–80% 之间' });
  });
});
