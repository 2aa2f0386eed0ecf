import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { astype, cast, copy, grad, mul, variable } from '../../src/index';

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

describe('copy / clone', () => {
  it('gives a new buffer and passes the gradient through (torch.clone)', () => {
    const x = variable(tensor([1, 2], { dtype: 'float64' }));
    const c = x.clone();
    expect(c.value.data).not.toBe(x.value.data);
    expect(c.toArray()).toEqual([1, 2]);
    x.value.data[0] = 7; // an optimizer step in place leaves the copy alone
    expect(c.toArray()).toEqual([1, 2]);
    mul(c, tensor([3, 4], { dtype: 'float64' }))
      .add(x.copy().mul(2))
      .add(copy(x))
      .sum()
      .backward();
    expect(x.grad!.toArray()).toEqual([6, 7]);
    expect(
      grad((v) => copy(v).square().sum())(tensor([3], { dtype: 'float64' })).toArray(),
    ).toEqual([6]);
    const t = tensor([5]);
    expect(copy(t).data).not.toBe(t.data);
    expect(copy(t).toArray()).toEqual([5]);
  });
});

describe('cast', () => {
  it('is astype under the name @gd/tensor also exports, gradient included', () => {
    const x = variable(tensor([1.5, 2.5], { dtype: 'float32' }));
    const y = cast(x, 'float64');
    expect(y.dtype).toBe('float64');
    y.mul(3).sum().backward();
    expect(x.grad!.toArray()).toEqual([3, 3]);
    expect(cast(tensor([1.7]), 'int32').toArray()).toEqual([1]);
  });
});
