import { timed } from './user-timing';

describe('timed', () => {
  it('returns what the work returns and records its duration under the name', () => {
    const measure = jest.fn();
    Object.defineProperty(performance, 'measure', { value: measure, configurable: true });
    try {
      expect(timed('jxt:live-checks', () => [1, 2, 3])).toEqual([1, 2, 3]);
      expect(measure).toHaveBeenCalledTimes(1);
      const [name, { start, end }] = measure.mock.calls[0] as [string, { start: number; end: number }];
      expect(name).toBe('jxt:live-checks');
      expect(end).toBeGreaterThanOrEqual(start);
    } finally {
      delete (performance as { measure?: unknown }).measure;
    }
  });

  it('only runs the work where the page has no performance.measure (jsdom)', () => {
    expect('measure' in performance).toBe(false);
    expect(timed('jxt:live-checks', () => 'done')).toBe('done');
  });
});
