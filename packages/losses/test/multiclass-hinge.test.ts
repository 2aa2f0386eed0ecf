import { variable } from '@gd/autodiff';
import { ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { multiclassHinge } from '../src/multiclass-hinge';
import { expectGradCheck, r64, t64 } from './helpers';

describe('multiclassHinge (Weston–Watkins SVM)', () => {
  it("reproduces the cs231n notes' example: scores [13, −7, 11], y = 0, Δ = 10 → 8", () => {
    expect(multiclassHinge(t64([[13, -7, 11]]), [0], { margin: 10 }).item()).toBe(8);
    expect(multiclassHinge(t64([13, -7, 11]), 0, { margin: 10 }).item()).toBe(8);
  });

  it('sums over wrong classes and averages over the batch (not over classes)', () => {
    const s = t64([
      [1, 2, 3],
      [3, 2, 1],
    ]);
    // row 0, y = 0: max(0, 2−1+1) + max(0, 3−1+1) = 2 + 3; row 1, y = 0: 0 + 0
    expect(multiclassHinge(s, [0, 0], { reduction: 'none' }).toArray()).toEqual([5, 0]);
    expect(multiclassHinge(s, [0, 0]).item()).toBe(2.5);
    expect(multiclassHinge(s, [0, 0], { reduction: 'sum' }).item()).toBe(5);
  });

  it('has the notes’ gradient: −(#violations) at the label, +1 at each violator', () => {
    const x = variable(t64([[1, 2, 0.5, -3]]));
    multiclassHinge(x, [0]).backward();
    expect(x.grad?.toArray()).toEqual([[-2, 1, 1, 0]]);
  });

  it('passes gradCheck away from kinks', () => {
    expectGradCheck((x) => multiclassHinge(x, [1, 0, 3, 2], { margin: 0.5 }), [r64([4, 5], 1, 3)]);
  });

  it('rejects bad shapes, labels and margins', () => {
    expect(() => multiclassHinge(r64([2, 3, 4], 1), [0, 1])).toThrow(ShapeError);
    expect(() => multiclassHinge(r64([2, 3], 1), [0, 3])).toThrow(
      /label 3 at index 1 is out of range for 3 classes/,
    );
    expect(() => multiclassHinge(r64([2, 3], 1), tensor([0, 1], { dtype: 'float32' }))).toThrow(
      /class labels must be an int32 Tensor or number\[\], got a float32 tensor/,
    );
    expect(() => multiclassHinge(r64([2, 3], 1), [0, 1], { margin: Number.NaN })).toThrow(
      /margin must be a finite number/,
    );
  });
});
