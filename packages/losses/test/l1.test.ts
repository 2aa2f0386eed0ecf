import { variable } from '@gd/autodiff';
import { ShapeError } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { l1 } from '../src/l1';
import { expectGradCheck, r64, t64 } from './helpers';

describe('l1', () => {
  it('is the mean absolute error with subgradient 0 at a tie', () => {
    const x = variable(t64([1, 2, 3]));
    const loss = l1(x, t64([1, 0, 5]));
    expect(loss.item()).toBeCloseTo(4 / 3, 14);
    loss.backward();
    expect(x.grad?.toArray()).toEqual([0, 1 / 3, -1 / 3]);
    expect(l1(t64([1, -2]), t64([0, 0]), { reduction: 'sum' }).item()).toBe(3);
  });

  it('passes gradCheck away from ties', () => {
    expectGradCheck((a, b) => l1(a, b), [r64([3, 4], 5), r64([3, 4], 6)]);
  });

  it('rejects shape mismatches', () => {
    expect(() => l1(r64([3], 1), r64([2], 2))).toThrow(ShapeError);
  });
});
