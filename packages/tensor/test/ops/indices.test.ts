import { describe, expect, it } from 'vitest';
import { DTypeError, Tensor, tensor } from '@gd/tensor';
import { toIndexTensor } from '../../src/ops/indices';

describe('toIndexTensor', () => {
  it('passes int32 tensors through and converts integer arrays', () => {
    const t = tensor([1, 2], { dtype: 'int32' });
    expect(toIndexTensor('op', t)).toBe(t);
    const r = toIndexTensor('op', [[1], [-2]]);
    expect(r).toBeInstanceOf(Tensor);
    expect(r.dtype).toBe('int32');
    expect(r.shape).toEqual([2, 1]);
    expect(toIndexTensor('op', 3).shape).toEqual([]);
  });
  it('rejects non-integers and non-int32 tensors naming the op', () => {
    expect(() => toIndexTensor('myOp', [1.5])).toThrow(/myOp: indices must be integers, got 1.5/);
    expect(() => toIndexTensor('myOp', tensor([1]))).toThrow(DTypeError);
    expect(() => toIndexTensor('myOp', tensor([1], { dtype: 'float64' }))).toThrow(
      /myOp: indices must be an int32 tensor, got float64; convert with astype\('int32'\)/,
    );
  });
});
