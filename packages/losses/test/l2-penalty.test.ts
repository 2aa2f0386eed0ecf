import { variable } from '@gd/autodiff';
import { describe, expect, it } from 'vitest';
import { l2Penalty } from '../src/l2-penalty';
import { expectGradCheck, r64, t64 } from './helpers';

describe('l2Penalty', () => {
  it('is α·ΣW² without a ½ (cs231n R(W)), gradient 2αW', () => {
    const W = variable(
      t64([
        [1, -2],
        [3, 0],
      ]),
    );
    const b = variable(t64([5]));
    const r = l2Penalty([W, b], 0.5);
    expect(r.item()).toBe(0.5 * (1 + 4 + 9 + 25));
    r.backward();
    expect(W.grad?.toArray()).toEqual([
      [1, -2],
      [3, 0],
    ]);
    expect(l2Penalty(W, 2).item()).toBe(28);
  });

  it('passes gradCheck', () => {
    expectGradCheck((a, c) => l2Penalty([a, c], 0.3), [r64([3, 2], 1), r64([4], 2)]);
  });

  it('rejects a negative alpha and an empty list', () => {
    expect(() => l2Penalty([t64([1])], -1)).toThrow(/alpha must be a finite number ≥ 0, got -1/);
    expect(() => l2Penalty([], 1)).toThrow(/params is empty/);
  });
});
