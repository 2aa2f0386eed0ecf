import { describe, expect, it } from 'vitest';
import { std, tensor, variance } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

describe('variance / std', () => {
  it('match torch.var / torch.std for axes and corrections (float64)', () => {
    for (const c of fixtures.variance) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const opts = { axis: c.axis ?? undefined, correction: c.correction };
      expectValues(variance(x, opts), decode(c.var));
      expectValues(std(x, opts), decode(c.std));
    }
  });
  it('default correction is 1 (unbiased), 0 gives the population variance', () => {
    const x = tensor([1, 2, 3, 4], { dtype: 'float64' });
    expect(variance(x).item()).toBeCloseTo(5 / 3, 14);
    expect(x.variance({ correction: 0 }).item()).toBeCloseTo(1.25, 14);
    expect(x.std().item()).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });
  it('is accurate for data with a large offset (two-pass)', () => {
    const x = tensor([1e9 + 1, 1e9 + 2, 1e9 + 3], { dtype: 'float64' });
    expect(variance(x).item()).toBeCloseTo(1, 9);
  });
  it('keeps dims and turns ints into float32', () => {
    const x = tensor([
      [1, 3],
      [2, 2],
    ]);
    const v = variance(x.astype('int32'), { axis: 1, keepDims: true });
    expect(v.dtype).toBe('float32');
    expect(v.shape).toEqual([2, 1]);
    expect(v.toArray()).toEqual([[2], [0]]);
  });
  it('rejects a negative correction naming the op', () => {
    expect(() => variance(tensor([1, 2]), { correction: -1 })).toThrow(
      /variance: correction must be a non-negative number, got -1/,
    );
    expect(() => std(tensor([1, 2]), { axis: 3 })).toThrow(/std: axis 3/);
  });
});
