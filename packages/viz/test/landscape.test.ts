import { Generator, type Tensor, tensor, zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  interpolationCurve,
  landscape1d,
  landscape2d,
  normalizeDirection,
  randomDirection,
} from '../src/landscape';

/** L(θ) = Σ θ², evaluated on the tensors' data. */
const sq = (ps: Tensor[]) =>
  ps.reduce((s, p) => s + Array.from(p.data).reduce((t, v) => t + v * v, 0), 0);

function rowNorms(t: Tensor): number[] {
  const [r, c] = t.shape;
  return Array.from({ length: r }, (_, i) =>
    Math.hypot(...Array.from(t.data.subarray(i * c, (i + 1) * c))),
  );
}

describe('randomDirection', () => {
  const W = tensor(
    [
      [1, 2, 2],
      [0, 3, 4],
    ],
    { dtype: 'float64' },
  );
  const b = tensor([0.5, -2], { dtype: 'float64' });

  it('matches shapes and dtypes and is reproducible with a seeded Generator', () => {
    const d1 = randomDirection([W, b], { generator: new Generator(3) });
    const d2 = randomDirection([W, b], { generator: new Generator(3) });
    expect(d1.map((d) => d.shape)).toEqual([[2, 3], [2]]);
    expect(d1[0].dtype).toBe('float64');
    expect(Array.from(d1[0].data)).toEqual(Array.from(d2[0].data));
    const d3 = randomDirection([W, b], { generator: new Generator(4) });
    expect(Array.from(d3[0].data)).not.toEqual(Array.from(d1[0].data));
  });

  it("filter-normalises: each row of d has the norm of the parameter's row", () => {
    const [d, db] = randomDirection([W, b], { generator: new Generator(0) });
    const got = rowNorms(d);
    expect(got[0]).toBeCloseTo(3, 9);
    expect(got[1]).toBeCloseTo(5, 9);
    // 1-D tensors element-wise: |d_i| = |b_i|
    expect(Math.abs(db.data[0])).toBeCloseTo(0.5, 6);
    expect(Math.abs(db.data[1])).toBeCloseTo(2, 6);
  });

  it("gives 1-D tensors (biases) the direction d = θ, as Li et al.'s reference code", () => {
    for (let seed = 0; seed < 4; seed++) {
      for (const normalization of ['filter', 'layer'] as const) {
        const [, db] = randomDirection([W, b], { generator: new Generator(seed), normalization });
        expect(Array.from(db.data)).toEqual([0.5, -2]);
      }
    }
  });

  it("'layer' scales whole tensors, 'none' keeps the Gaussian draw, ignoreBiases zeroes 1-D tensors", () => {
    const [d] = randomDirection([W], { generator: new Generator(0), normalization: 'layer' });
    expect(Math.hypot(...Array.from(d.data))).toBeCloseTo(Math.hypot(3, 5), 9);
    const raw = randomDirection([W], { generator: new Generator(0), normalization: 'none' })[0];
    const ref = randomDirection([W], { generator: new Generator(0), normalization: 'none' })[0];
    expect(Array.from(raw.data)).toEqual(Array.from(ref.data));
    const [, zb] = randomDirection([W, b], { generator: new Generator(0), ignoreBiases: true });
    expect(Array.from(zb.data)).toEqual([0, 0]);
  });

  it('normalizeDirection works in place and checks shapes', () => {
    const d = [
      tensor(
        [
          [3, 4],
          [0, 2],
        ],
        { dtype: 'float64' },
      ),
    ];
    const p = [
      tensor(
        [
          [0, 10],
          [1, 0],
        ],
        { dtype: 'float64' },
      ),
    ];
    expect(normalizeDirection(d, p)[0]).toBe(d[0]);
    expect(Array.from(d[0].data).map((v) => Number(v.toFixed(9)))).toEqual([6, 8, 0, 1]);
    expect(() => normalizeDirection([tensor([1, 2])], p)).toThrow(
      /direction\[0\] has shape \[2\] but params\[0\] has shape \[2, 2\]/,
    );
    // @ts-expect-error: bad mode
    expect(() => normalizeDirection(d, p, 'row')).toThrow(/normalization must be/);
  });
});

describe('landscape1d', () => {
  it('computes L(θ + αd) exactly and leaves params untouched', () => {
    const theta = tensor([1, -1], { dtype: 'float64' });
    const d = tensor([0.5, 2], { dtype: 'float64' });
    const r = landscape1d(sq, [theta], { direction: [d], range: [-1, 1], steps: 5 });
    expect(r.alphas).toEqual([-1, -0.5, 0, 0.5, 1]);
    r.alphas.forEach((a, i) => {
      expect(r.losses[i]).toBeCloseTo((1 + 0.5 * a) ** 2 + (-1 + 2 * a) ** 2, 12);
    });
    expect(Array.from(theta.data)).toEqual([1, -1]);
    expect(r.direction[0]).toBe(d);
  });

  it('draws a random direction by default and accepts a scalar-tensor loss', () => {
    const r = landscape1d((ps) => tensor(sq(ps)), [tensor([1, 2])], {
      generator: new Generator(1),
      steps: 11,
    });
    expect(r.losses).toHaveLength(11);
    expect(r.losses[5]).toBeCloseTo(5, 5);
  });

  it('rejects bad input', () => {
    const p = [tensor([1, 2])];
    expect(() => landscape1d(sq, [])).toThrow(/landscape1d: params must be a non-empty array/);
    expect(() => landscape1d(sq, p, { range: [0, Number.NaN] })).toThrow(
      /range must be \[lo, hi\]/,
    );
    expect(() => landscape1d(sq, p, { steps: 1 })).toThrow(
      /steps for range must be an integer ≥ 2/,
    );
    expect(() => landscape1d(sq, p, { direction: [tensor([1, 2, 3])] })).toThrow(
      /direction\[0\] has shape \[3\]/,
    );
    expect(() => landscape1d(sq, [tensor([1, 2], { dtype: 'int32' })])).toThrow(
      /dtype int32; landscapes need float32 or float64/,
    );
    // @ts-expect-error: loss returning a string
    expect(() => landscape1d(() => 'x', p)).toThrow(/loss must return a number/);
  });
});

describe('landscape2d', () => {
  it('computes L(θ + α d₁ + β d₂) on a grid z[j][i]', () => {
    const theta = zeros([2], { dtype: 'float64' });
    const d1 = tensor([1, 0], { dtype: 'float64' });
    const d2 = tensor([0, 1], { dtype: 'float64' });
    const loss = (ps: Tensor[]) => ps[0].data[0] + 10 * ps[0].data[1];
    const g = landscape2d(loss, [theta], {
      directions: [[d1], [d2]],
      xRange: [0, 2],
      yRange: [-1, 1],
      steps: [3, 2],
    });
    expect(g.x).toEqual([0, 1, 2]);
    expect(g.y).toEqual([-1, 1]);
    expect(g.z).toEqual([
      [-10, -9, -8],
      [10, 11, 12],
    ]);
  });

  it('uses two different random directions by default', () => {
    const g = landscape2d(
      sq,
      [
        tensor(
          [
            [1, 2],
            [3, 4],
          ],
          { dtype: 'float64' },
        ),
      ],
      { generator: new Generator(0), steps: 5 },
    );
    expect(g.z).toHaveLength(5);
    expect(Array.from(g.directions[0][0].data)).not.toEqual(Array.from(g.directions[1][0].data));
    expect(g.z[2][2]).toBeCloseTo(30, 12);
  });

  it('rejects a wrong number of directions', () => {
    const p = [tensor([1, 2])];
    // @ts-expect-error: one direction only
    expect(() => landscape2d(sq, p, { directions: [[tensor([1, 2])]] })).toThrow(
      /directions must be a pair/,
    );
  });
});

describe('interpolationCurve', () => {
  it('computes L((1 − α)θ₀ + αθ₁), matching the endpoints at α = 0 and 1', () => {
    const a = [tensor([2, 0], { dtype: 'float64' })];
    const b = [tensor([0, 1], { dtype: 'float64' })];
    const r = interpolationCurve(sq, a, b, { range: [0, 1], steps: 3 });
    expect(r.losses[0]).toBeCloseTo(4, 12);
    expect(r.losses[1]).toBeCloseTo(1 + 0.25, 12);
    expect(r.losses[2]).toBeCloseTo(1, 12);
    expect(Array.from(r.direction[0].data)).toEqual([-2, 1]);
    expect(() => interpolationCurve(sq, a, [tensor([1])])).toThrow(/to\[0\] has shape \[1\]/);
  });
});
