import { describe, expect, it } from 'vitest';
import { hingeMargins } from '../src/hinge-margins';
import { t64 } from './helpers';

describe('hingeMargins', () => {
  it('is max(0, s_j − s_y + Δ) off the label and 0 at it', () => {
    const { margins, outShape } = hingeMargins(
      't',
      t64([
        [1, 2, -5],
        [0, 0, 0],
      ]),
      [0, 2],
      1,
    );
    expect(margins.toArray()).toEqual([
      [0, 2, 0],
      [1, 1, 0],
    ]);
    expect(outShape).toEqual([2]);
    expect(hingeMargins('t', t64([1, 2]), 1, 1).outShape).toEqual([]);
  });
});
