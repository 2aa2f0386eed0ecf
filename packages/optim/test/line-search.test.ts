import { type Tensor, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { CS231N_STEP_SIZES, armijoBacktracking, stepSizeSweep } from '../src';

const sq = (x: Tensor) => x.square().sum().item();

describe('armijoBacktracking', () => {
  it('halves the step until the sufficient-decrease condition holds', () => {
    const x = tensor([3, -4], { dtype: 'float64' });
    const r = armijoBacktracking(sq, x, x.mul(2));
    // t = 1 lands on −x (no decrease), t = 0.5 on the minimum.
    expect(r.stepSize).toBe(0.5);
    expect(r.loss).toBe(0);
    expect(r.accepted).toBe(true);
    expect(r.evaluations).toBe(3);
    expect(r.x.toArray()).toEqual([0, 0]);
  });

  it('honours a given direction, loss, initial step and shrink factor', () => {
    const x = tensor([1, 1], { dtype: 'float64' });
    const g = x.mul(2);
    const r = armijoBacktracking(sq, x, g, {
      direction: tensor([-1, 0], { dtype: 'float64' }),
      loss: 2,
      initialStep: 4,
      shrink: 0.25,
    });
    // t = 4 → x = (−3, 1): 10 > 2; t = 1 → (0, 1): 1 ≤ 2 − 1e-4·1·2.
    expect(r.stepSize).toBe(1);
    expect(r.evaluations).toBe(2);
  });

  it('reports failure when maxIter runs out and rejects ascent directions', () => {
    const x = tensor([3], { dtype: 'float64' });
    const r = armijoBacktracking(sq, x, x.mul(2), { initialStep: 100, maxIter: 2 });
    expect(r.accepted).toBe(false);
    expect(r.stepSize).toBe(50);
    expect(() => armijoBacktracking(sq, x, x.mul(2), { direction: x })).toThrow(
      /not a descent direction/,
    );
    expect(() => armijoBacktracking(sq, x, x.mul(2), { c1: 0 })).toThrow(/c1 must be in \(0, 1\)/);
    expect(() => armijoBacktracking(sq, x, tensor([1, 2]))).toThrow(/same size/);
  });
});

describe('stepSizeSweep', () => {
  it('shows the lecture’s picture: tiny steps barely help, large ones overshoot', () => {
    // f = 2.5e5·‖W‖²: one step of size t scales W by (1 − 5e5·t).
    const f = (w: Tensor) => w.square().sum().mul(2.5e5).item();
    const w = tensor([1e-3, -2e-3, 5e-4], { dtype: 'float64' });
    const grad = w.mul(5e5);
    const { original, entries, best } = stepSizeSweep(f, w, grad);
    expect(entries.map((e) => e.stepSize)).toEqual([...CS231N_STEP_SIZES]);
    expect(best.stepSize).toBe(1e-6);
    for (const e of entries) {
      expect(e.loss).toBeCloseTo(original * (1 - 5e5 * e.stepSize) ** 2, 6);
    }
    expect(entries[0].loss).toBeLessThan(original);
    expect(entries[9].loss).toBeGreaterThan(1e6 * original);
  });

  it('accepts custom step sizes and validates them', () => {
    const x = tensor([1], { dtype: 'float64' });
    const r = stepSizeSweep(sq, x, x.mul(2), [0.25, 0.5]);
    expect(r.entries).toEqual([
      { stepSize: 0.25, loss: 0.25 },
      { stepSize: 0.5, loss: 0 },
    ]);
    expect(() => stepSizeSweep(sq, x, x, [])).toThrow(/non-empty/);
    expect(() => stepSizeSweep(sq, x, x, [-1])).toThrow(
      'stepSizeSweep: stepSizes[0] must be >= 0, got -1',
    );
  });
});
