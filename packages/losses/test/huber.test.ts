import { describe, expect, it } from 'vitest';
import { huber } from '../src/huber';
import { expectGradCheck, r64, t64 } from './helpers';

describe('huber', () => {
  it('is quadratic inside δ and linear outside', () => {
    const none = huber(t64([0.5, 3, -4]), t64([0, 0, 0]), { delta: 2, reduction: 'none' });
    expect(none.toArray()).toEqual([0.125, 2 * (3 - 1), 2 * (4 - 1)]);
    expect(huber(t64([0.5, 3]), t64([0, 0])).item()).toBeCloseTo((0.125 + 2.5) / 2, 15);
  });

  it('passes gradCheck in both regimes', () => {
    expectGradCheck((a, b) => huber(a, b, { delta: 0.7 }), [r64([4, 3], 7, 2), r64([4, 3], 8)]);
  });

  it('rejects a non-positive delta', () => {
    expect(() => huber(t64([1]), t64([0]), { delta: 0 })).toThrow(
      /delta must be a positive finite number, got 0/,
    );
  });
});
