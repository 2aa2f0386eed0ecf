import { describe, expect, it } from 'vitest';
import {
  LECTURE_SQUARE_PLUS_EXP_TABLE,
  adSpendRegression,
  gradientDescent1d,
  gradientDescentLecture,
  nonConvexMinima,
  squarePlusExp,
} from '../src/gradient-descent';

describe('gradientDescent1d', () => {
  it('GD on x² from 3, η = 0.1: x₁ = 2.4, x₂ = 1.92, x₃ = 1.536 and x₁₀₀ = 6.111107929003464e-10', () => {
    const path = gradientDescent1d((x) => x.pow(2), { x0: 3, lr: 0.1, steps: 100 });
    expect(path).toHaveLength(101);
    expect(path[1]).toBeCloseTo(2.4, 15);
    expect(path[2]).toBeCloseTo(1.92, 15);
    expect(path[3]).toBeCloseTo(1.536, 15);
    expect(path[100]).toBe(6.111107929003464e-10);
  });

  it('GD on x² + e^-x from 3, η = 0.0005 prints the lecture table and ends at 0.3517383210080008', () => {
    const path = gradientDescent1d(squarePlusExp, { x0: 3, lr: 0.0005, steps: 10001 });
    for (const [i, printed] of LECTURE_SQUARE_PLUS_EXP_TABLE) {
      const want = Number(printed);
      // V8's Math.exp and glibc's exp differ in the last bit for a few arguments (x_6000 … x_8000).
      expect(Math.abs(path[i + 1] - want)).toBeLessThanOrEqual(2 * Number.EPSILON * want);
    }
    expect(path[10001]).toBe(0.3517383210080008);
  });

  it('rejects bad options with the operation named', () => {
    const f = (x: Parameters<typeof squarePlusExp>[0]) => x.pow(2);
    expect(() => gradientDescent1d(f, { x0: Number.NaN, lr: 0.1, steps: 1 })).toThrow(
      'gradientDescent1d: x0 must be a finite number, got NaN',
    );
    expect(() => gradientDescent1d(f, { x0: 1, lr: 0.1, steps: -1 })).toThrow(/steps/);
    expect(() =>
      gradientDescent1d(null as unknown as typeof f, { x0: 1, lr: 0.1, steps: 1 }),
    ).toThrow(TypeError);
  });
});

describe('nonConvexMinima', () => {
  it('ends each start in its basin: local minima at 0 and ±6.62, the global ones at ±4.32', () => {
    const runs = nonConvexMinima({ starts: [-1, 0.8, 5, -3, 7.5] });
    const fp = (x: number) => x / 5 + 5 * x * Math.cos((x * x) / 4);
    for (const r of runs) expect(Math.abs(fp(r.x))).toBeLessThan(1e-6);
    expect(Math.abs(runs[0].x)).toBeLessThan(1e-6);
    expect(Math.abs(runs[1].x)).toBeLessThan(1e-6);
    expect(runs[2].x).toBeCloseTo(4.3231, 3);
    expect(runs[3].x).toBeCloseTo(-4.3231, 3);
    expect(runs[4].x).toBeCloseTo(6.6198, 3);
    expect(runs[2].f).toBeLessThan(runs[4].f);
    expect(runs[4].f).toBeLessThan(runs[0].f);
  });
});

describe('adSpendRegression', () => {
  it('approaches the least-squares slope 418/354 from a = −4 with lr 0.001', () => {
    const r = adSpendRegression();
    expect(r.exact).toBeCloseTo(418 / 354, 15);
    expect(r.path).toHaveLength(101);
    expect(r.path[0]).toBe(-4);
    // L'(a) = (2/n)(a Σx² − Σxy): the error shrinks by 1 − 0.001·2·354/6 per update
    const rate = 1 - (0.001 * 2 * 354) / 6;
    expect(r.path[100] - r.exact).toBeCloseTo((-4 - r.exact) * rate ** 100, 10);
    for (let k = 1; k < r.losses.length; k++) expect(r.losses[k]).toBeLessThan(r.losses[k - 1]);
  });
});

describe('gradientDescentLecture', () => {
  it('reports the lecture numbers beside gd and draws the figures (GIFs for the animations)', () => {
    const { numbers, figures } = gradientDescentLecture({ frames: 5 });
    const last = numbers.find((n) => n.label.startsWith('x_ 10000'));
    expect(last).toEqual(
      expect.objectContaining({ lecture: '0.3517383210080008', gd: '0.3517383210080008' }),
    );
    expect(numbers.find((n) => n.label.includes('x_100'))?.gd).toBe('6.111107929003464e-10');
    expect(figures.map((f) => f.file)).toEqual([
      'gd-square',
      'gd-square-plus-exp',
      'gd-square-plus-exp-trace',
      'nonconvex-minima',
      'linreg',
      'linreg-fit',
    ]);
    for (const f of figures) expect(f.svg.startsWith('<svg')).toBe(true);
    expect(figures.find((f) => f.file === 'linreg')?.frames).toHaveLength(5);
  });
});
