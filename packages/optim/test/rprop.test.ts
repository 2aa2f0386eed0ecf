import { describe, expect, it } from 'vitest';
import { Rprop, type RpropOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('Rprop', () => {
  it.each(casesOf('Rprop').map((c) => [label(c), c] as const))(
    'follows torch.optim.Rprop: %s',
    (_, c) => {
      expect(runGolden(c, (p, o) => new Rprop(p, o as Partial<RpropOptions>))).toBeLessThanOrEqual(
        TOL,
      );
    },
  );
  it('rejects etas and stepSizes outside their ranges', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new Rprop([p], { etas: [1.5, 1.2] })).toThrow(
      'Rprop: etas must satisfy 0 < etas[0] < 1 < etas[1], got [1.5, 1.2]',
    );
    expect(() => new Rprop([p], { stepSizes: [1, 0.1] })).toThrow(/stepSizes/);
  });

  it('does not move on a zero gradient and grows the step while the sign holds', () => {
    const [p] = makeParams([[1, 2]]);
    const opt = new Rprop([p], { lr: 0.1 });
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
    const g = p.grad!.data as Float64Array;
    g[0] = 1;
    g[1] = -1;
    opt.step();
    opt.step();
    // Second step with the same sign: Δ = 0.1·1.2.
    expect(p.value.data[0]).toBeCloseTo(1 - 0.1 - 0.12, 15);
    expect(p.value.data[1]).toBeCloseTo(2 + 0.1 + 0.12, 15);
  });
});
