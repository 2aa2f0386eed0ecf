import { tensor } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumToShape } from '../src/broadcast';
import { broadcastPairArb, rnd } from './helpers';

describe('sumToShape (undoing broadcasting)', () => {
  it('sums prepended axes and axes stretched from 1', () => {
    const g = tensor(
      [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
      { dtype: 'float64' },
    ); // [1, 2, 3]
    expect(sumToShape(g, [3]).toArray()).toEqual([5, 7, 9]);
    expect(sumToShape(g, [2, 1]).toArray()).toEqual([[6], [15]]);
    expect(sumToShape(g, []).toArray()).toBe(21);
    expect(sumToShape(g, [1, 2, 3]).toArray()).toEqual(g.toArray());
  });

  it('preserves the total and yields the target shape for any broadcast pair', () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([a, b], seed) => {
        const out = rnd(a, seed).add(rnd(b, seed + 1)); // broadcast shape
        const r = sumToShape(out, b);
        expect(r.shape).toEqual(b);
        expect(r.sum().item()).toBeCloseTo(out.sum().item(), 10);
      }),
    );
  });
});
