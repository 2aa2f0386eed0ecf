import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../../src/index';

describe('comparisons', () => {
  const x = A.variable(tensor([1, 2, 3], { dtype: 'float64' }));

  it('give bool results that do not require grad', () => {
    for (const op of [A.equal, A.notEqual, A.less, A.lessEqual, A.greater, A.greaterEqual]) {
      const r = op(x, 2);
      expect(r).toBeInstanceOf(A.Var);
      expect(r.dtype).toBe('bool');
      expect(r.requiresGrad).toBe(false);
    }
    expect(A.greater(x, 2).toArray()).toEqual([false, false, true]);
    expect(A.lessEqual(tensor([1, 2]), 1).toArray()).toEqual([true, false]);
  });

  it('say they are not differentiable when asked for a backward pass', () => {
    expect(() => x.greater(1).backward()).toThrow(
      /bool result of 'greater', which is not differentiable/,
    );
  });

  it('argmax/argmin give int32 Tensors', () => {
    const r = A.argmax(x);
    expect(r).not.toBeInstanceOf(A.Var);
    expect(r.dtype).toBe('int32');
    expect(r.item()).toBe(2);
    expect(x.argmin().item()).toBe(0);
  });
});
