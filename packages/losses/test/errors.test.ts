import { variable } from '@gd/autodiff';
import { GdError } from '@gd/errors';
import { DTypeError, ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { crossEntropy, mse } from '../src/index';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('loss errors are GdErrors', () => {
  it('shape, dtype and option errors from losses are instanceof GdError', () => {
    const x = variable(tensor([[1, 2, 3]], { dtype: 'float64' }));
    const shape = thrown(() => mse(x, tensor([1, 2], { dtype: 'float64' })));
    expect(shape).toBeInstanceOf(ShapeError);
    expect(shape).toBeInstanceOf(GdError);
    const dtype = thrown(() => crossEntropy(x, [0.5]));
    expect(dtype).toBeInstanceOf(DTypeError);
    expect(dtype).toBeInstanceOf(GdError);
    const range = thrown(() => crossEntropy(x, [7]));
    expect(range).toBeInstanceOf(RangeError);
    expect(range).toBeInstanceOf(GdError);
    expect((range as GdError).code).toBe('ERR_GD_RANGE');
    const option = thrown(() => mse(x, x, { reduction: 'avg' as never }));
    expect(option).toBeInstanceOf(GdError);
  });
});
