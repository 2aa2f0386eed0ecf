import { describe, expect, it } from 'vitest';
import { squaredHinge } from '../src/squared-hinge';
import { expectGradCheck, r64, t64 } from './helpers';

describe('squaredHinge (L2-SVM)', () => {
  it('squares each violated margin', () => {
    expect(squaredHinge(t64([[13, -7, 11]]), [0], { margin: 10 }).item()).toBe(64);
    expect(squaredHinge(t64([[1, 2, 3]]), [0], { reduction: 'none' }).toArray()).toEqual([4 + 9]);
  });

  it('passes gradCheck', () => {
    expectGradCheck((x) => squaredHinge(x, [2, 0, 1]), [r64([3, 4], 5, 2)]);
  });

  it('rejects bad labels', () => {
    expect(() => squaredHinge(r64([2, 3], 1), [0])).toThrow(/labels of shape \[1\] do not match/);
  });
});
