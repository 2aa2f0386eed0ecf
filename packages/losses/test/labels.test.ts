import { variable } from '@gd/autodiff';
import { DTypeError, ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { isLabels, readLabels } from '../src/labels';

describe('readLabels', () => {
  it('reads number[], nested arrays, int32 tensors and single numbers', () => {
    expect([...readLabels('t', [1, 0], [2], 3, null)]).toEqual([1, 0]);
    expect([
      ...readLabels(
        't',
        [
          [1, 0],
          [2, 2],
        ],
        [2, 2],
        3,
        null,
      ),
    ]).toEqual([1, 0, 2, 2]);
    expect([...readLabels('t', tensor([2], { dtype: 'int32' }), [1], 3, null)]).toEqual([2]);
    expect([...readLabels('t', 1, [], 3, null)]).toEqual([1]);
    expect([...readLabels('t', [-100], [1], 3, -100)]).toEqual([-100]);
    expect([...readLabels('t', Int32Array.from([2, 0, 1, 1]), [2, 2], 3, null)]).toEqual([
      2, 0, 1, 1,
    ]);
  });

  it('names the bad label, its index and the valid range', () => {
    expect(() => readLabels('op', [0, 5], [2], 3, -100)).toThrow(
      'op: label 5 at index 1 is out of range for 3 classes (expected 0 ≤ label < 3 or ignoreIndex -100)',
    );
    expect(() => readLabels('op', [0.5], [1], 3, null)).toThrow(DTypeError);
    expect(() => readLabels('op', [[1], [1, 2]], [2, 2], 3, null)).toThrow(ShapeError);
    expect(() => readLabels('op', tensor([1.0]), [1], 3, null)).toThrow(
      /int32 Tensor or number\[\], got a float32 tensor/,
    );
  });

  it('tells labels from float targets', () => {
    expect(isLabels([1, 2])).toBe(true);
    expect(isLabels(tensor([1], { dtype: 'int32' }))).toBe(true);
    expect(isLabels(tensor([1]))).toBe(false);
    expect(isLabels(Int32Array.from([1]))).toBe(true);
    expect(isLabels(variable(tensor([1], { dtype: 'int32' }), { requiresGrad: false }))).toBe(true);
  });
});
