import { variable } from '@gd/autodiff';
import { ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { mse } from '../src/mse';
import { expectGradCheck, r64, t64 } from './helpers';

describe('mse', () => {
  it('is the mean / sum / per-element squared error', () => {
    const x = t64([1, 2, 3]);
    const y = t64([1, 0, 0]);
    expect(mse(x, y).item()).toBeCloseTo(13 / 3, 14);
    expect(mse(x, y, { reduction: 'sum' }).item()).toBe(13);
    expect(mse(x, y, { reduction: 'none' }).toArray()).toEqual([0, 4, 9]);
  });

  it('passes gradCheck for input and target', () => {
    expectGradCheck((a, b) => mse(a, b), [r64([3, 4], 1), r64([3, 4], 2)]);
    expectGradCheck((a, b) => mse(a, b, { reduction: 'none' }), [r64([2, 3], 3), r64([2, 3], 4)]);
  });

  it('returns a Var with gradients flowing to a Var input', () => {
    const x = variable(t64([1, 2]));
    mse(x, t64([0, 0])).backward();
    expect(x.grad?.toArray()).toEqual([1, 2]);
  });

  it('rejects shape mismatches, non-tensors, int inputs and unknown reductions', () => {
    expect(() => mse(r64([3], 1), r64([4], 2))).toThrow(ShapeError);
    expect(() => mse(r64([3], 1), r64([2, 3], 2))).toThrow(
      /does not broadcast to input shape \[3\]/,
    );
    expect(() => mse([1, 2] as never, r64([2], 1))).toThrow(
      /input must be a Tensor or Var, got a plain array/,
    );
    expect(() => mse(tensor([1, 2], { dtype: 'int32' }), r64([2], 1))).toThrow(
      /float32 or float64/,
    );
    expect(() => mse(r64([2], 1), r64([2], 2), { reduction: 'avg' as 'mean' })).toThrow(
      /reduction must be 'mean', 'sum' or 'none', got 'avg'/,
    );
  });
});
