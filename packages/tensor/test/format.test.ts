import { describe, expect, it } from 'vitest';
import { arange, tensor, zeros } from '@gd/tensor';

describe('toString (NumPy-like)', () => {
  it('prints floats with a shared format, aligned, dtype named unless float32', () => {
    expect(
      String(
        tensor([
          [1, 2.5],
          [3, 4],
        ]),
      ),
    ).toBe('tensor([[1.0, 2.5],\n        [3.0, 4.0]])');
    expect(String(tensor([1, 2], { dtype: 'float64' }))).toBe('tensor([1., 2.], dtype=float64)');
    expect(String(tensor([-1.5, 10]))).toBe('tensor([-1.5, 10.0])');
    expect(tensor(3).toString()).toBe('tensor(3.)');
  });
  it('uses scientific notation for wide ranges and prints nan / inf', () => {
    expect(String(tensor([1e-5, 1, 1000.5]))).toBe('tensor([1.0000e-05, 1.0000e+00, 1.0005e+03])');
    expect(String(tensor([Number.NaN, Number.POSITIVE_INFINITY, -1.5]))).toBe(
      'tensor([ nan,  inf, -1.5])',
    );
    expect(String(tensor([1e10], { dtype: 'float64' }))).toBe('tensor([1.e+10], dtype=float64)');
  });
  it('limits precision to 4 decimals (float32) and 8 (float64)', () => {
    expect(String(tensor([1 / 3]))).toBe('tensor([0.3333])');
    expect(String(tensor([1 / 3], { dtype: 'float64' }))).toBe(
      'tensor([0.33333333], dtype=float64)',
    );
  });
  it('ints, bools, empty and 3-D tensors', () => {
    expect(String(tensor([1, -20], { dtype: 'int32' }))).toBe('tensor([  1, -20], dtype=int32)');
    expect(String(tensor([true, false]))).toBe('tensor([ true, false], dtype=bool)');
    expect(String(zeros([0]))).toBe('tensor([])');
    expect(String(zeros([0, 3]))).toBe('tensor([], shape=[0, 3])');
    expect(String(zeros([2, 0], { dtype: 'float64' }))).toBe(
      'tensor([], shape=[2, 0], dtype=float64)',
    );
    expect(String(zeros([2]))).toBe('tensor([0., 0.])');
    expect(String(tensor([0, 0.5]))).toBe('tensor([0.0, 0.5])');
    expect(String(arange(8).reshape([2, 2, 2]))).toBe(
      'tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]], dtype=int32)',
    );
  });
  it('elides the middle of long axes past 1000 elements and wraps long rows', () => {
    const s = String(arange(2000).reshape([2, 1000]));
    expect(s).toBe(
      'tensor([[   0,    1,    2, ...,  997,  998,  999],\n        [1000, 1001, 1002, ..., 1997, 1998, 1999]], dtype=int32)',
    );
    const long = String(arange(30).astype('float32').div(7));
    for (const line of long.split('\n')) expect(line.length).toBeLessThanOrEqual(75);
    expect(long.split('\n').length).toBeGreaterThan(1);
    expect(String(arange(1000)).includes('...')).toBe(false);
  });
});
