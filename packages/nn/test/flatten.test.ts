import { variable } from '@gd/autodiff';
import { zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { Flatten } from '../src/flatten';

describe('Flatten', () => {
  it('keeps the batch axis by default and honours start/end axes', () => {
    expect(new Flatten().forward(zeros([2, 1, 28, 28])).shape).toEqual([2, 784]);
    expect(new Flatten(0).forward(zeros([2, 3, 4])).shape).toEqual([24]);
    expect(new Flatten(1, 2).forward(zeros([2, 3, 4, 5])).shape).toEqual([2, 12, 5]);
  });

  it('passes gradients back in the input shape', () => {
    const x = variable(zeros([2, 3, 2], { dtype: 'float64' }));
    new Flatten().forward(x).sum().backward();
    expect(x.grad?.shape).toEqual([2, 3, 2]);
  });

  it('rejects non-integer axes', () => {
    expect(() => new Flatten(0.5)).toThrow(/axes must be integers/);
  });
});
