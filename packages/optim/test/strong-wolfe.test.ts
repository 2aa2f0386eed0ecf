import { describe, expect, it } from 'vitest';
import { cubicInterpolate, strongWolfe } from '../src/strong-wolfe';

describe('cubicInterpolate', () => {
  it('finds the exact minimiser of a cubic from two points and slopes', () => {
    // f(x) = x³ − 3x has its local minimum at x = 1.
    const f = (x: number) => x ** 3 - 3 * x;
    const df = (x: number) => 3 * x * x - 3;
    expect(cubicInterpolate(0, f(0), df(0), 2, f(2), df(2))).toBeCloseTo(1, 12);
    expect(cubicInterpolate(2, f(2), df(2), 0, f(0), df(0))).toBeCloseTo(1, 12);
  });

  it('clamps to the bounds and falls back to the midpoint without a real minimiser', () => {
    const f = (x: number) => x ** 3 - 3 * x;
    const df = (x: number) => 3 * x * x - 3;
    expect(cubicInterpolate(0, f(0), df(0), 2, f(2), df(2), [1.5, 3])).toBe(1.5);
    // Slopes −1 and +3 with equal values: d1 = 2, d1² − g1g2 = 7 ≥ 0; but slopes 5 and 5 with
    // f rising by 1 give d1 = 7, d1² − g1g2 = 24… so use g1 = 4, g2 = 4, f2 − f1 = 4: d1 = −4,
    // d1² − g1g2 = 0; and g1 = g2 = 4, f2 − f1 = 2: d1 = 2, 4 − 16 < 0 → midpoint.
    expect(cubicInterpolate(0, 0, 4, 1, 2, 4)).toBe(0.5);
  });
});

describe('strongWolfe', () => {
  it('returns a step meeting both strong Wolfe conditions on a quadratic', () => {
    // f(x) = ½ xᵀ diag(1, 10) x from x0 along d = −∇f.
    const x0 = [1, 1];
    const h = [1, 10];
    const fg = (x: number[]): [number, Float64Array] => [
      0.5 * (h[0] * x[0] ** 2 + h[1] * x[1] ** 2),
      Float64Array.from([h[0] * x[0], h[1] * x[1]]),
    ];
    const [f0, g0] = fg(x0);
    const d = Float64Array.from(g0, (v) => -v);
    const gtd = g0[0] * d[0] + g0[1] * d[1];
    let evals = 0;
    const r = strongWolfe(
      (t, dd) => {
        evals++;
        return fg([x0[0] + t * dd[0], x0[1] + t * dd[1]]);
      },
      1,
      d,
      f0,
      g0,
      gtd,
    );
    expect(r.evals).toBe(evals);
    expect(r.loss).toBeLessThanOrEqual(f0 + 1e-4 * r.t * gtd);
    const gtdNew = r.grad[0] * d[0] + r.grad[1] * d[1];
    expect(Math.abs(gtdNew)).toBeLessThanOrEqual(0.9 * Math.abs(gtd));
    expect(r.t).toBeGreaterThan(0);
  });
});
