import { variable } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { classRows, labelCoefficients } from '../src/class-rows';

describe('classRows / labelCoefficients', () => {
  it('moves the class axis last and flattens the rest', () => {
    const x = variable(
      tensor(
        [
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        ],
        { dtype: 'float64' },
      ),
    ); // [1, 3, 2]
    const r = classRows('t', 'x', x);
    expect(r.numClasses).toBe(3);
    expect(r.outShape).toEqual([1, 2]);
    expect(r.rows.toArray()).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it('builds (1−ε)·w_y·onehot + ε/C·w and zero rows for ignored labels', () => {
    const { coef, weightSum } = labelCoefficients(
      Int32Array.from([1, -100]),
      2,
      Float64Array.from([1, 3]),
      -100,
      0.5,
      'float64',
    );
    expect(coef.toArray()).toEqual([
      [0.25, 0.5 * 3 + 0.75],
      [0, 0],
    ]);
    expect(weightSum).toBe(3);
  });
});
