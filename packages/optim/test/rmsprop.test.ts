import { describe, expect, it } from 'vitest';
import { RMSprop, type RMSpropOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('RMSprop', () => {
  it.each(casesOf('RMSprop').map((c) => [label(c), c] as const))(
    'follows torch.optim.RMSprop: %s',
    (_, c) => {
      expect(
        runGolden(c, (p, o) => new RMSprop(p, o as Partial<RMSpropOptions>)),
      ).toBeLessThanOrEqual(TOL);
    },
  );
  it("reproduces the optimizers seminar's RMSprop Δθ = −α g/√(v + ε) with epsInsideSqrt", () => {
    const [p] = makeParams([[3, -2]]);
    const opt = new RMSprop([p], { lr: 0.1, alpha: 0.99, eps: 1e-8, epsInsideSqrt: true });
    const w = [3, -2];
    const v = [0, 0];
    for (let t = 0; t < 40; t++) {
      for (let i = 0; i < 2; i++) {
        const g = 2 * w[i];
        v[i] = 0.99 * v[i] + 0.01 * g * g;
        w[i] -= (0.1 * g) / Math.sqrt(v[i] + 1e-8);
      }
      const g = p.grad!.data as Float64Array;
      g[0] = 2 * p.value.data[0];
      g[1] = 2 * p.value.data[1];
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(w[0], 12);
      expect(p.value.data[1]).toBeCloseTo(w[1], 12);
    }
  });

  it("reproduces the optimizer exercise's RMSprop (h₀ = θ, w ← w − ε g/(√h + θ)) with initialAccumulatorValue = eps = θ", () => {
    const theta = 1e-6;
    const [p] = makeParams([[3]]);
    const opt = new RMSprop([p], {
      lr: 0.01,
      alpha: 0.9,
      eps: theta,
      initialAccumulatorValue: theta,
    });
    let w = 3;
    let h = theta;
    for (let t = 0; t < 40; t++) {
      const g = 2 * w;
      h = 0.9 * h + 0.1 * g * g;
      w -= (0.01 * g) / (Math.sqrt(h) + theta);
      (p.grad!.data as Float64Array)[0] = 2 * p.value.data[0];
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(w, 12);
    }
  });

  it('rejects bad hyperparameters and does not move on a zero gradient', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new RMSprop([p], { alpha: -0.5 })).toThrow(
      'RMSprop: alpha must be >= 0, got -0.5',
    );
    expect(() => new RMSprop([p], { momentum: -1 })).toThrow(RangeError);
    expect(() => new RMSprop([p], { centered: 'yes' as unknown as boolean })).toThrow(TypeError);
    const opt = new RMSprop([p], { momentum: 0.9, centered: true });
    opt.step();
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
  });
});
