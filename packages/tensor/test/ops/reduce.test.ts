import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ShapeError,
  type Tensor,
  argmax,
  logsumexp,
  max,
  mean,
  min,
  norm,
  prod,
  squeeze,
  std,
  sum,
  tensor,
  zeros,
} from '@gd/tensor';
import { prodOf, ravel, unravel } from '../helpers';

/** Random shape (1–4 axes of size 1–4) and a random subset of its axes (maybe negative, maybe all). */
const shapeAndAxes = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.option(fc.subarray([...shape.keys()]), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
    ),
  );

/** Naive reduction: loop over every input element and fold it into its output slot. */
function naive(
  x: Tensor,
  axes: number[],
  keep: boolean,
  init: number,
  f: (acc: number, v: number) => number,
): { shape: number[]; data: number[] } {
  const keptAxes = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const compact = keptAxes.map((i) => x.shape[i]);
  const data = new Array(prodOf(compact)).fill(init);
  for (let p = 0; p < x.size; p++) {
    const idx = unravel(p, x.shape);
    const o = ravel(
      keptAxes.map((i) => idx[i]),
      compact,
    );
    data[o] = f(data[o], x.data[p]);
  }
  const shape = keep ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : compact;
  return { shape, data };
}

describe('reductions', () => {
  it('sum, prod, max, min, mean over random axes agree with naive loops (property)', () => {
    fc.assert(
      fc.property(shapeAndAxes, ([shape, axesOpt, keepDims, negative]) => {
        const n = prodOf(shape);
        const x = tensor(
          Float64Array.from({ length: n }, (_, i) => ((i * 13) % 7) - 3 + i / 16),
          { shape },
        );
        const axes = axesOpt ?? [...shape.keys()];
        const axisArg =
          axesOpt === undefined
            ? undefined
            : negative
              ? axesOpt.map((a) => a - shape.length)
              : axesOpt;
        const opts = { axis: axisArg, keepDims };
        const cases: [Tensor, ReturnType<typeof naive>][] = [
          [sum(x, opts), naive(x, axes, keepDims, 0, (a, v) => a + v)],
          [prod(x, opts), naive(x, axes, keepDims, 1, (a, v) => a * v)],
          [max(x, opts), naive(x, axes, keepDims, -Infinity, Math.max)],
          [min(x, opts), naive(x, axes, keepDims, Infinity, Math.min)],
        ];
        for (const [got, want] of cases) {
          expect(got.shape).toEqual(want.shape);
          for (const [i, w] of want.data.entries()) {
            expect(Math.abs(got.data[i] - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
          }
        }
        const m = mean(x, opts);
        const s = naive(x, axes, keepDims, 0, (a, v) => a + v);
        const count = axes.reduce((c, a) => c * shape[a], 1);
        for (const [i, w] of s.data.entries()) {
          expect(Math.abs(m.data[i] - w / count)).toBeLessThan(1e-12 * Math.max(1, Math.abs(w)));
        }
      }),
    );
  });
  it('dtypes: bool sums to int32, int mean gives float32, max keeps dtype', () => {
    expect(sum(tensor([true, true, false])).dtype).toBe('int32');
    expect(sum(tensor([true, true, false])).item()).toBe(2);
    expect(mean(tensor([1, 2], { dtype: 'int32' })).dtype).toBe('float32');
    expect(mean(tensor([1, 2], { dtype: 'int32' })).item()).toBe(1.5);
    expect(max(tensor([1, 5], { dtype: 'int32' })).dtype).toBe('int32');
    expect(sum(tensor([1], { dtype: 'float64' })).dtype).toBe('float64');
  });
  it('empty axes: sum 0, prod 1, mean NaN; max/min throw naming the op', () => {
    const e = zeros([3, 0]);
    expect(sum(e, { axis: 1 }).toArray()).toEqual([0, 0, 0]);
    expect(prod(e, { axis: 1 }).toArray()).toEqual([1, 1, 1]);
    expect(mean(e, { axis: 1 }).data.every(Number.isNaN)).toBe(true);
    expect(sum(e, { axis: 0 }).shape).toEqual([0]);
    expect(() => max(e, { axis: 1 })).toThrow(ShapeError);
    expect(() => min(e)).toThrow(/min: cannot reduce over an empty axis of shape \[3, 0\]/);
  });
  it('max/min propagate NaN; methods mirror functions', () => {
    const x = tensor([
      [1, Number.NaN],
      [3, 2],
    ]);
    expect(max(x, { axis: 1 }).toArray()).toEqual([Number.NaN, 3]);
    expect(x.min({ axis: 0 }).toArray()).toEqual([1, Number.NaN]);
    expect(x.sum({ axis: 0 }).data[0]).toBe(4);
    expect(tensor([2, 3]).prod().item()).toBe(6);
    expect(tensor([2, 4]).mean().item()).toBe(3);
  });
  it('reject bad and repeated axes naming the op', () => {
    const x = zeros([2, 3]);
    expect(() => sum(x, { axis: 2 })).toThrow(
      /sum: axis 2 is out of range for a tensor with 2 dimension\(s\)/,
    );
    expect(() => mean(x, { axis: [0, -2] })).toThrow(/mean: axis \[0,-2\] repeats an axis/);
    expect(() => prod(x, { axis: 0.5 })).toThrow(RangeError);
  });
});

describe('sums over leading or middle axes (read in place, no transpose)', () => {
  /** Shape (2–4 axes), a run of adjacent axes that is not trailing, and a dtype. */
  const blockCase = fc
    .array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 })
    .chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc
          .tuple(fc.nat(shape.length - 2), fc.nat(shape.length - 2))
          .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
        fc.constantFrom('float32', 'float64', 'int32', 'bool') as fc.Arbitrary<
          'float32' | 'float64' | 'int32' | 'bool'
        >,
        fc.boolean(),
      ),
    );

  it('equal, to the bit, the sum of the transposed tensor over its trailing axes (property)', () => {
    fc.assert(
      fc.property(blockCase, fc.integer(), ([shape, [lo, hi], dtype, keepDims], seed) => {
        const n = prodOf(shape);
        let s = seed | 0;
        const values = Array.from({ length: n }, () => {
          s = (Math.imul(s, 1103515245) + 12345) | 0;
          // Mixed magnitudes make float rounding depend on the summation order.
          return dtype === 'bool' ? s & 1 : ((s >> 8) % 1000) * 10 ** ((s & 7) - 3);
        });
        const x = tensor(values, { dtype }).reshape(shape);
        const axes = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
        const kept = shape.map((_, i) => i).filter((i) => i < lo || i > hi);
        const moved = x.transpose([...kept, ...axes]);
        const trailing = axes.map((_, i) => kept.length + i);
        const got = sum(x, { axis: axes, keepDims });
        const want = sum(moved, { axis: trailing });
        expect(got.dtype).toBe(want.dtype);
        expect(got.shape).toEqual(
          keepDims ? shape.map((d, i) => (i < lo || i > hi ? d : 1)) : kept.map((i) => shape[i]),
        );
        for (let i = 0; i < want.size; i++) expect(Object.is(got.data[i], want.data[i])).toBe(true);
      }),
    );
  });

  it('a bias gradient: the batch sum of [N, C] and the mean over axis 0', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
      [0.5, -1, 1e8],
      [1, 1, -1e8],
      [2, 0, 1],
    ]);
    expect(sum(x, { axis: 0 }).toArray()).toEqual([8.5, 7, 10]);
    expect(sum(x, { axis: 0, keepDims: true }).shape).toEqual([1, 3]);
    expect(mean(x, { axis: 0 }).toArray()).toEqual([1.7000000476837158, 1.399999976158142, 2]);
    expect(sum(zeros([0, 3]), { axis: 0 }).toArray()).toEqual([0, 0, 0]);
  });
});

describe('0-d tensors take axis 0 or −1, as in PyTorch', () => {
  it('reductions, arg-reductions and squeeze over axis −1 of a scalar return the scalar', () => {
    const x = tensor(-3, { dtype: 'float64' });
    for (const axis of [0, -1]) {
      expect(sum(x, { axis }).shape).toEqual([]);
      expect(sum(x, { axis }).item()).toBe(-3);
      expect(max(x, { axis, keepDims: true }).shape).toEqual([]);
      expect(mean(x, { axis: [axis] }).item()).toBe(-3);
      expect(prod(x, { axis }).item()).toBe(-3);
      expect(logsumexp(x, { axis }).item()).toBe(-3);
      expect(norm(x, { axis }).item()).toBe(3);
      expect(argmax(x, { axis }).item()).toBe(0);
      expect(squeeze(x, axis).shape).toEqual([]);
    }
    expect(Number.isNaN(std(x, { axis: -1 }).item())).toBe(true);
    expect(() => sum(x, { axis: 1 })).toThrow(/sum: axis 1 is out of range .*use -1\.\.0/);
    expect(() => sum(x, { axis: -2 })).toThrow(RangeError);
  });
});
