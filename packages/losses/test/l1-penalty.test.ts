import { variable } from '@gd/autodiff';
import { describe, expect, it } from 'vitest';
import { l1Penalty } from '../src/l1-penalty';
import { expectGradCheck, r64, t64 } from './helpers';

describe('l1Penalty', () => {
  it('is α·Σ|W|, subgradient α·sign(W)', () => {
    const W = variable(t64([1, -2, 0]));
    const r = l1Penalty([W], 0.1);
    expect(r.item()).toBeCloseTo(0.3, 15);
    r.backward();
    expect(W.grad?.toArray()).toEqual([0.1, -0.1, 0]);
  });

  it('passes gradCheck', () => {
    expectGradCheck((a) => l1Penalty(a, 0.7), [r64([5], 3)]);
  });

  it('rejects a non-finite alpha', () => {
    expect(() => l1Penalty([t64([1])], Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
