import { describe, expect, it } from 'vitest';
import { DTypeError, astype, cast, copy, tensor } from '@gd/tensor';

describe('astype / cast / copy', () => {
  it('converts between every pair of dtypes like NumPy', () => {
    const f = tensor([1.7, -1.7, 0, Number.NaN]);
    expect(astype(f, 'int32').toArray()).toEqual([1, -1, 0, 0]);
    expect(astype(f, 'bool').toArray()).toEqual([true, true, false, true]);
    expect(astype(tensor([true, false]), 'float64').toArray()).toEqual([1, 0]);
    const d = astype(tensor([0.1]), 'float64');
    expect(d.dtype).toBe('float64');
    expect(d.item()).toBe(Math.fround(0.1));
    expect(astype(tensor([1.1], { dtype: 'float64' }), 'float32').item()).toBe(Math.fround(1.1));
  });
  it('always copies', () => {
    const x = tensor([1, 2]);
    const y = astype(x, 'float32');
    y.data[0] = 5;
    expect(x.data[0]).toBe(1);
    const z = copy(x);
    z.data[1] = 7;
    expect(x.toArray()).toEqual([1, 2]);
    expect(x.copy().toArray()).toEqual([1, 2]);
    expect(x.cast('int32').dtype).toBe('int32');
    expect(cast(x, 'float64').astype('int32').toArray()).toEqual([1, 2]);
  });
  it('rejects unknown dtypes naming the op', () => {
    expect(() => astype(tensor([1]), 'int64' as never)).toThrow(DTypeError);
    expect(() => astype(tensor([1]), 'int64' as never)).toThrow(/astype: unknown dtype 'int64'/);
    expect(() => copy([1] as never)).toThrow(/copy: expected a Tensor/);
  });
});
