import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { astype, mul, variable } from '../../src/index';

describe('astype', () => {
  it('casts the value and casts the gradient back to the input dtype', () => {
    const x = variable(tensor([1.5, 2.5], { dtype: 'float32' }));
    const y = astype(x, 'float64');
    expect(y.dtype).toBe('float64');
    mul(y, tensor([2, 4], { dtype: 'float64' }))
      .sum()
      .backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(x.grad!.toArray()).toEqual([2, 4]);
  });

  it('mixing a float32 leaf with float64 constants gives a float32 gradient', () => {
    const w = variable(tensor([1, 2], { dtype: 'float32' }));
    const y = mul(w, tensor([0.1, 0.2], { dtype: 'float64' }));
    expect(y.dtype).toBe('float64');
    y.sum().backward();
    expect(w.grad!.dtype).toBe('float32');
    expect(w.grad!.data[1]).toBeCloseTo(0.2, 7);
  });

  it('an integer cast is a constant (not differentiable)', () => {
    const x = variable(tensor([1.5, 2.5], { dtype: 'float64' }));
    const i = x.astype('int32');
    expect(i.requiresGrad).toBe(false);
    expect(i.toArray()).toEqual([1, 2]);
    expect(x.cast('float32').dtype).toBe('float32');
    expect(astype(tensor([1]), 'float64').dtype).toBe('float64');
  });
});
