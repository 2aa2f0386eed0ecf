import { describe, expect, it } from 'vitest';
import {
  DTypeError,
  ShapeError,
  arange,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  tensor,
  zeros,
  zerosLike,
} from '@gd/tensor';

describe('tensor()', () => {
  it('infers shape and dtype from nested arrays, booleans and typed arrays', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(a.shape).toEqual([2, 2]);
    expect(a.dtype).toBe('float32');
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(tensor(new Float64Array(4), { shape: [2, 2] }).shape).toEqual([2, 2]);
    expect(tensor(3).shape).toEqual([]);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([1, 2, 3, 4], { shape: [2, 2] }).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('copies typed arrays and converts to the requested dtype', () => {
    const src = new Float64Array([1.5, 2.5]);
    const t = tensor(src, { dtype: 'int32' });
    expect(t.toArray()).toEqual([1, 2]);
    src[0] = 9;
    expect(tensor(src).data).not.toBe(src);
    expect(tensor([0, 2], { dtype: 'bool' }).toArray()).toEqual([false, true]);
    expect(tensor([1.1], { dtype: 'float64' }).item()).toBe(1.1);
  });
  it('errors name the op and the problem', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => tensor([[1, 2], [3]])).toThrow(/tensor: ragged nested array/);
    expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(
      /tensor: 3 values cannot fill shape \[2, 2\]/,
    );
    expect(() => tensor(['a'] as never)).toThrow(DTypeError);
    expect(() => tensor('abc' as never)).toThrow(
      /tensor: expected a number, boolean, nested array or typed array/,
    );
    expect(() => tensor([1], { dtype: 'int8' as never })).toThrow(/tensor: unknown dtype 'int8'/);
  });
});

describe('constant constructors', () => {
  it('zeros, ones, full and the *Like variants', () => {
    expect(zeros([2, 1]).toArray()).toEqual([[0], [0]]);
    expect(ones([2], { dtype: 'int32' }).dtype).toBe('int32');
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    expect(full([1], 3, { dtype: 'bool' }).toArray()).toEqual([true]);
    const x = tensor([1, 2], { dtype: 'float64' });
    expect(zerosLike(x).dtype).toBe('float64');
    expect(onesLike(x, { dtype: 'int32' }).toArray()).toEqual([1, 1]);
    expect(fullLike(x, 4).toArray()).toEqual([4, 4]);
    expect(() => zeros([-1])).toThrow(/zeros|full: shape \[-1\] must hold non-negative integers/);
  });
  it('arange and linspace take their options after the last number given', () => {
    const a = arange(3, { dtype: 'float64' });
    expect(a.dtype).toBe('float64');
    expect(a.toArray()).toEqual([0, 1, 2]);
    const b = arange(1, 4, { dtype: 'float64' });
    expect(b.dtype).toBe('float64');
    expect(b.toArray()).toEqual([1, 2, 3]);
    expect(arange(0, 6, 2, { dtype: 'float32' }).toArray()).toEqual([0, 2, 4]);
    const l = linspace(0, 1, { dtype: 'float64' });
    expect(l.dtype).toBe('float64');
    expect(l.shape).toEqual([50]);
    expect(l.data[49]).toBe(1);
  });

  it('arange follows np.arange (int32 for integer arguments)', () => {
    expect(arange(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(arange(5).dtype).toBe('int32');
    expect(arange(2, 8, 3).toArray()).toEqual([2, 5]);
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(0, 1, 0.25).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(0, 1, 0.25).dtype).toBe('float32');
    expect(arange(3, 1).shape).toEqual([0]);
    expect(() => arange(0, 1, 0)).toThrow(/arange: step must be a non-zero finite number, got 0/);
    expect(() => arange(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
  it('linspace includes both ends (np.linspace, default 50 points)', () => {
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(0, 1).size).toBe(50);
    expect(linspace(3, 7, 1).toArray()).toEqual([3]);
    expect(linspace(-10, 10, 100, { dtype: 'float64' }).data[99]).toBe(10);
    expect(() => linspace(0, 1, -1)).toThrow(
      /linspace: num must be a non-negative integer, got -1/,
    );
  });
  it('eye builds (rectangular) identities', () => {
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(() => eye(-1)).toThrow(ShapeError);
  });
});
