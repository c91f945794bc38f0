import { readTarget } from './read-target';
import { targetDirection } from './target-direction';

describe('targetDirection', () => {
  it('maps operators to forward, reverse and equal', () => {
    expect(targetDirection('gte')).toBe('forward');
    expect(targetDirection('gt')).toBe('forward');
    expect(targetDirection('lte')).toBe('reverse');
    expect(targetDirection('lt')).toBe('reverse');
    expect(targetDirection('eq')).toBe('equal');
  });

  it('reads phrase forms with the right direction', () => {
    const direction = (raw: string) => {
      const { target } = readTarget(raw);
      return target.kind === 'quantitative' ? targetDirection(target.operator) : null;
    };
    expect(direction('不超过30天')).toBe('reverse');
    expect(direction('90%以上')).toBe('forward');
    expect(direction('=0%')).toBe('equal');
  });
});
