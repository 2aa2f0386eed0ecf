import { describe, expect, it } from 'vitest';
import {
  SEMINAR_OPTIMIZERS,
  SURFACES,
  logBarrierLP,
  optimizerRace,
  optimizersLecture,
  scheduleCurves,
} from '../src/optimizers';

describe('logBarrierLP', () => {
  it("solves the seminar's LP (minimise x₁ + 2x₂) to its exact optimum (0, 0) within 1e-6", () => {
    const r = logBarrierLP();
    expect(r.exact).toEqual({ x: [0, 0], value: 0 });
    expect(Math.abs(r.x[0])).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1])).toBeLessThan(1e-6);
    expect(Math.abs(r.value - r.exact.value)).toBeLessThan(1e-6);
    expect(r.gapBound).toBeLessThan(1e-8);
    // the central path stays strictly feasible
    for (const s of r.stages) {
      expect(s.x[0]).toBeGreaterThan(0);
      expect(s.x[1]).toBeGreaterThan(0);
      expect(s.x[0] + s.x[1]).toBeLessThan(6);
    }
  });

  it('maximises to the vertex (3, 3) with value 9 within 1e-6', () => {
    const r = logBarrierLP({ sense: 'max' });
    expect(r.exact.value).toBeCloseTo(9, 12);
    expect(r.exact.x[0]).toBeCloseTo(3, 12);
    expect(r.exact.x[1]).toBeCloseTo(3, 12);
    expect(Math.abs(r.x[0] - 3)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1] - 3)).toBeLessThan(1e-6);
    expect(Math.abs(r.value - 9)).toBeLessThan(1e-6);
  });

  it('finds the five vertices of the feasible polygon', () => {
    const v = logBarrierLP().vertices.map((p) => p.map((c) => Math.round(c * 1e9) / 1e9).join(','));
    expect(v.sort()).toEqual(['0,0', '0,4', '3,3', '4,2', '5,0']);
  });

  it('rejects an infeasible start and bad parameters', () => {
    expect(() => logBarrierLP({ start: [5, 5] })).toThrow(/strictly feasible/);
    expect(() => logBarrierLP({ mu: 1 })).toThrow(RangeError);
    expect(() => logBarrierLP({ sense: 'up' as 'min' })).toThrow(/sense/);
  });
});

describe('optimizerRace', () => {
  it('GD with α = 0.95 on x²/20 + y² follows x_k = x₀(1 − 0.095)^k, y_k = y₀(1 − 1.9)^k', () => {
    const [gd] = optimizerRace('bowl', { optimizers: [SEMINAR_OPTIMIZERS[0]], steps: 20 });
    for (let k = 0; k <= 20; k++) {
      expect(gd.x[k]).toBeCloseTo(-7 * 0.905 ** k, 12);
      expect(gd.y[k]).toBeCloseTo(2 * (-0.9) ** k, 12);
    }
  });

  it("Momentum follows the seminar's Δθ ← βΔθ − (1−β)α∇E with α = 1, β = 0.9", () => {
    const momentum = SEMINAR_OPTIMIZERS.find((o) => o.label === 'Momentum');
    const [run] = optimizerRace('bowl', { optimizers: [momentum!], steps: 30 });
    let [x, y] = [-7, 2];
    let [dx, dy] = [0, 0];
    for (let k = 1; k <= 30; k++) {
      dx = 0.9 * dx - 0.1 * (x / 10);
      dy = 0.9 * dy - 0.1 * (2 * y);
      x += dx;
      y += dy;
      expect(run.x[k]).toBeCloseTo(x, 12);
      expect(run.y[k]).toBeCloseTo(y, 12);
    }
  });

  it('every seminar optimizer lowers f from the start on the bowl', () => {
    const runs = optimizerRace('bowl');
    expect(runs.map((r) => r.label)).toEqual([
      'GD',
      'SGD',
      'Momentum',
      'NAG',
      'AdaGrad',
      'RMSprop',
      'Adam',
    ]);
    const start = SURFACES.bowl.value(-7, 2);
    for (const r of runs) {
      expect(r.x).toHaveLength(51);
      expect(r.final).toBeLessThan(start / 5);
      expect(r.distance).toBeCloseTo(Math.hypot(r.x[50], r.y[50]), 15);
    }
  });

  it('is reproducible for a seed and rejects an unknown surface', () => {
    const sgd = [SEMINAR_OPTIMIZERS[1]];
    expect(optimizerRace('bowl', { optimizers: sgd, seed: 3 })).toEqual(
      optimizerRace('bowl', { optimizers: sgd, seed: 3 }),
    );
    expect(optimizerRace('bowl', { optimizers: sgd, seed: 3 })[0].x).not.toEqual(
      optimizerRace('bowl', { optimizers: sgd, seed: 4 })[0].x,
    );
    expect(() => optimizerRace('himmelblau' as 'bowl')).toThrow(/unknown surface 'himmelblau'/);
  });
});

describe('scheduleCurves', () => {
  it('follows LambdaLR 0.1·0.95^e and StepLR halving every 30 epochs', () => {
    const s = scheduleCurves(100);
    for (const e of [0, 1, 10, 99]) expect(s.lambdaLR[e]).toBeCloseTo(0.1 * 0.95 ** e, 15);
    expect(s.stepLR.slice(28, 32)).toEqual([0.1, 0.1, 0.05, 0.05]);
    expect(s.stepLR[60]).toBeCloseTo(0.025, 15);
    expect(s.stepLR[99]).toBeCloseTo(0.0125, 15);
  });
});

describe('optimizersLecture', () => {
  it('draws the race (animated), the schedules and both LPs with their feasible regions', () => {
    const { numbers, figures } = optimizersLecture({ steps: 10, frames: 3 });
    expect(figures.map((f) => f.file)).toEqual([
      'optimizer-race',
      'optimizer-race-loss',
      'lambda-lr',
      'step-lr',
      'lp-barrier-min',
      'lp-barrier-max',
    ]);
    expect(figures[0].frames).toHaveLength(3);
    expect(figures[4].svg).toContain('feasible region');
    expect(numbers.filter((n) => n.label.startsWith('LP:'))).toHaveLength(4);
  });
});
