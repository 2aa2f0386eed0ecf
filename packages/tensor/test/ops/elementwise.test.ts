import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type DType,
  ShapeError,
  type Tensor,
  abs,
  add,
  ceil,
  clamp,
  cos,
  div,
  equal,
  exp,
  expm1,
  floor,
  greater,
  greaterEqual,
  less,
  lessEqual,
  log,
  log1p,
  maximum,
  minimum,
  mul,
  neg,
  notEqual,
  pow,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  sqrt,
  square,
  sub,
  tan,
  tanh,
  tensor,
} from '@gd/tensor';
import { prodOf, unravel } from '../helpers';

/** A random output shape and two shapes that broadcast to it (suffixes with some sizes set to 1). */
const broadcastPair = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((out) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: out.length }),
        fc.integer({ min: 0, max: out.length }),
        fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
        fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
      )
      .map(([la, lb, ma, mb]) => {
        const a = out.slice(out.length - la).map((d, i) => (ma[i] ? 1 : d));
        const b = out.slice(out.length - lb).map((d, i) => (mb[i] ? 1 : d));
        return { a, b };
      }),
  );

/** The broadcast result shape, worked out independently of broadcastShapes. */
function naiveShape(a: number[], b: number[]): number[] {
  const n = Math.max(a.length, b.length);
  const pa = [...Array(n - a.length).fill(1), ...a];
  const pb = [...Array(n - b.length).fill(1), ...b];
  return pa.map((d, i) => Math.max(d, pb[i]));
}

/** Element of `t` (shape `s`) read at output index `idx` under broadcasting. */
function at(t: Tensor, idx: number[]): number {
  const off = idx.length - t.ndim;
  let p = 0;
  for (let d = 0; d < t.ndim; d++) p = p * t.shape[d] + (t.shape[d] === 1 ? 0 : idx[d + off]);
  return t.data[p];
}

function filled(shape: number[], seed: number, dtype: DType = 'float64'): Tensor {
  const n = prodOf(shape);
  const d = Float64Array.from({ length: n }, (_, i) => (((i + 1) * 37 + seed * 11) % 17) - 8);
  return tensor(d, { shape, dtype });
}

const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, (x: number, y: number) => number][] = [
  ['add', add, (x, y) => x + y],
  ['sub', sub, (x, y) => x - y],
  ['mul', mul, (x, y) => x * y],
  ['div', div, (x, y) => x / y],
  ['maximum', maximum, Math.max],
  ['minimum', minimum, Math.min],
  ['equal', equal, (x, y) => +(x === y)],
  ['notEqual', notEqual, (x, y) => +(x !== y)],
  ['less', less, (x, y) => +(x < y)],
  ['lessEqual', lessEqual, (x, y) => +(x <= y)],
  ['greater', greater, (x, y) => +(x > y)],
  ['greaterEqual', greaterEqual, (x, y) => +(x >= y)],
];

describe('binary ops with broadcasting', () => {
  it('agree with a naive per-index reference over random shapes (property)', () => {
    fc.assert(
      fc.property(broadcastPair, fc.integer({ min: 0, max: 50 }), ({ a, b }, seed) => {
        const ta = filled(a, seed);
        const tb = filled(b, seed + 1);
        const shape = naiveShape(a, b);
        for (const [name, f, ref] of BINARY) {
          const r = f(ta, tb);
          expect(r.shape, name).toEqual(shape);
          for (let p = 0; p < prodOf(shape); p++) {
            const idx = unravel(p, shape);
            const want = ref(at(ta, idx), at(tb, idx));
            if (Number.isNaN(want)) expect(r.data[p], name).toBeNaN();
            else expect(r.data[p], `${name} at ${idx}`).toBe(want);
          }
        }
      }),
    );
  });
  it('pow broadcasts too', () => {
    expect(pow(tensor([[2], [3]]), tensor([0, 1, 2])).toArray()).toEqual([
      [1, 2, 4],
      [1, 3, 9],
    ]);
    expect(pow(2, tensor([3])).toArray()).toEqual([8]);
  });
  it('pow refuses integer results with negative exponents (PyTorch, NumPy), not a silent 0', () => {
    const i32 = tensor([2, 3], { dtype: 'int32' });
    expect(() => pow(i32, -1)).toThrow(
      /pow: integers to negative integer powers are not allowed \(exponent -1\); cast the base to float/,
    );
    expect(() => pow(i32, tensor([1, -2], { dtype: 'int32' }))).toThrow(RangeError);
    expect(() => pow(2, tensor([-1], { dtype: 'int32' }))).toThrow(/exponent -1/);
    expect(pow(i32, -1.5).dtype).toBe('float32');
    expect(pow(i32, -1.5).data[0]).toBeCloseTo(2 ** -1.5, 6);
    expect(pow(i32, tensor([-1], { dtype: 'float64' })).toArray()).toEqual([0.5, 1 / 3]);
    expect(pow(i32, 2).toArray()).toEqual([4, 9]);
  });
  it('promote dtypes as PyTorch (float64 > float32 > int32 > bool; numbers are weak)', () => {
    const f64 = tensor([1], { dtype: 'float64' });
    const f32 = tensor([1]);
    const i32 = tensor([1], { dtype: 'int32' });
    const b = tensor([true]);
    expect(add(f32, f64).dtype).toBe('float64');
    expect(add(i32, f32).dtype).toBe('float32');
    expect(add(b, i32).dtype).toBe('int32');
    expect(add(b, b).dtype).toBe('int32');
    expect(add(f32, 2.5).dtype).toBe('float32');
    expect(add(i32, 2).dtype).toBe('int32');
    expect(add(i32, 2.5).dtype).toBe('float32');
    expect(add(i32, 2.5).toArray()).toEqual([3.5]);
    expect(div(i32, 2).dtype).toBe('float32');
    expect(div(i32, 2).toArray()).toEqual([0.5]);
    expect(less(i32, f64).dtype).toBe('bool');
    expect(add(3, 4).item()).toBe(7);
  });
  it('scalar on the left keeps operand order', () => {
    expect(sub(10, tensor([1, 2])).toArray()).toEqual([9, 8]);
    expect(div(1, tensor([2, 4])).toArray()).toEqual([0.5, 0.25]);
    expect(less(1, tensor([0, 2])).toArray()).toEqual([false, true]);
  });
  it('int32 arithmetic wraps like a typed array (as int32 in PyTorch)', () => {
    expect(mul(tensor([65536], { dtype: 'int32' }), 65536).toArray()).toEqual([0]);
  });
  it('maximum/minimum propagate NaN', () => {
    expect(maximum(tensor([Number.NaN, 1]), tensor([0, Number.NaN])).toArray()).toEqual([
      Number.NaN,
      Number.NaN,
    ]);
    expect(minimum(tensor([Number.NaN]), 0).item()).toBeNaN();
  });
  it('errors name the op and both shapes', () => {
    expect(() => add(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => mul(tensor([[1, 2]]), tensor([1, 2, 3]))).toThrow(
      /mul: shapes \[1, 2\] and \[3\] cannot be broadcast together \(axis -1: 2 vs 3\)/,
    );
  });
});

const UNARY: [string, (x: Tensor) => Tensor, (v: number) => number][] = [
  ['neg', neg, (v) => -v],
  ['abs', abs, Math.abs],
  ['sign', sign, Math.sign],
  ['exp', exp, Math.exp],
  ['log', log, Math.log],
  ['log1p', log1p, Math.log1p],
  ['expm1', expm1, Math.expm1],
  ['sqrt', sqrt, Math.sqrt],
  ['rsqrt', rsqrt, (v) => 1 / Math.sqrt(v)],
  ['reciprocal', reciprocal, (v) => 1 / v],
  ['square', square, (v) => v * v],
  ['sin', sin, Math.sin],
  ['cos', cos, Math.cos],
  ['tan', tan, Math.tan],
  ['tanh', tanh, Math.tanh],
  ['relu', relu, (v) => Math.max(v, 0)],
  ['floor', floor, Math.floor],
  ['ceil', ceil, Math.ceil],
];

describe('unary ops', () => {
  const values = [-3.5, -1, -0.25, 0, 0.5, 1, 2.5, 40];
  it('match their definitions on float64 (within 1 ulp-ish)', () => {
    const x = tensor(values, { dtype: 'float64' });
    for (const [name, f, ref] of UNARY) {
      const r = f(x);
      expect(r.dtype, name).toBe('float64');
      r.data.forEach((g, i) => {
        const w = ref(values[i]);
        if (Number.isNaN(w)) expect(g, name).toBeNaN();
        else if (!Number.isFinite(w)) expect(g, name).toBe(w);
        else
          expect(Math.abs(g - w), `${name}(${values[i]})`).toBeLessThanOrEqual(
            1e-15 * Math.max(1, Math.abs(w)),
          );
      });
    }
  });
  it('float functions turn ints into float32; sign-like ones keep int32; bool becomes int32', () => {
    const i = tensor([4], { dtype: 'int32' });
    expect(sqrt(i).dtype).toBe('float32');
    expect(sqrt(i).item()).toBe(2);
    expect(abs(i).dtype).toBe('int32');
    expect(neg(tensor([true])).dtype).toBe('int32');
    expect(neg(tensor([true])).item()).toBe(-1);
    expect(exp(0).item()).toBe(1);
  });
  it('round halves to even; sigmoid never overflows', () => {
    expect(round(tensor([0.5, 1.5, 2.5, -0.5, -1.5, 2.4], { dtype: 'float64' })).toArray()).toEqual(
      [0, 2, 2, -0, -2, 2],
    );
    const s = sigmoid(tensor([-1000, 0, 1000], { dtype: 'float64' }));
    expect(s.toArray()).toEqual([0, 0.5, 1]);
    expect(sigmoid(tensor([-40], { dtype: 'float64' })).item()).toBeCloseTo(Math.exp(-40), 30);
  });
  it('clamp with either bound, and rejects lo > hi naming the op', () => {
    const x = tensor([-2, 0.5, 3]);
    expect(clamp(x, 0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(clamp(x, null, 1).toArray()).toEqual([-2, 0.5, 1]);
    expect(clamp(x, 0).toArray()).toEqual([0, 0.5, 3]);
    const c = clamp(x);
    c.data[0] = 9;
    expect(x.data[0]).toBe(-2);
    expect(x.clamp(-1, 1).toArray()).toEqual([-1, 0.5, 1]);
    expect(() => clamp(x, 2, 1)).toThrow(/clamp: lower bound 2 is greater than upper bound 1/);
  });
});
