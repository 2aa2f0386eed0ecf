import { describe, expect, it } from 'vitest';
import { Adagrad, type AdagradOptions } from '../src';
import { TOL, casesOf, label, makeParams, runGolden } from './helpers';

describe('Adagrad', () => {
  it.each(casesOf('Adagrad').map((c) => [label(c), c] as const))(
    'follows torch.optim.Adagrad: %s',
    (_, c) => {
      expect(
        runGolden(c, (p, o) => new Adagrad(p, o as Partial<AdagradOptions>)),
      ).toBeLessThanOrEqual(TOL);
    },
  );
  it("reproduces the optimizer exercise's AdaGrad (h₀ = θ, w ← w − ε g/(√h + θ)) with initialAccumulatorValue = eps = θ", () => {
    const theta = 1e-7;
    const lr = 0.1;
    const [p] = makeParams([[3, -1]]);
    const opt = new Adagrad([p], { lr, initialAccumulatorValue: theta, eps: theta });
    const w = [3, -1];
    const h = [theta, theta];
    for (let t = 0; t < 40; t++) {
      for (let i = 0; i < 2; i++) {
        const g = 2 * w[i];
        h[i] += g * g;
        w[i] -= (lr * g) / (Math.sqrt(h[i]) + theta);
      }
      const g = p.grad!.data as Float64Array;
      g[0] = 2 * p.value.data[0];
      g[1] = 2 * p.value.data[1];
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(w[0], 12);
      expect(p.value.data[1]).toBeCloseTo(w[1], 12);
    }
  });

  it("reproduces the optimizers seminar's AdaGrad Δθ = −α g/√(Σ g²) with eps = 0", () => {
    const [p] = makeParams([[3]]);
    const opt = new Adagrad([p], { lr: 0.5, eps: 0 });
    let w = 3;
    let sum = 0;
    for (let t = 0; t < 20; t++) {
      const g = 2 * w;
      sum += g * g;
      w -= (0.5 * g) / Math.sqrt(sum);
      (p.grad!.data as Float64Array)[0] = 2 * p.value.data[0];
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(w, 12);
    }
  });

  it('rejects bad hyperparameters and does not move on a zero gradient', () => {
    const [p] = makeParams([[1, 2]]);
    expect(() => new Adagrad([p], { lrDecay: -1 })).toThrow(
      'Adagrad: lrDecay must be >= 0, got -1',
    );
    expect(() => new Adagrad([p], { initialAccumulatorValue: -1 })).toThrow(RangeError);
    expect(() => new Adagrad([p], { eps: -1 })).toThrow(RangeError);
    const opt = new Adagrad([p]);
    opt.step();
    expect(Array.from(p.value.data)).toEqual([1, 2]);
  });
});
