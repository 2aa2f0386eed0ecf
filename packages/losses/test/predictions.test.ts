import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { predictedClasses, trueClasses } from '../src/predictions';

describe('predictedClasses / trueClasses', () => {
  it('argmaxes float rows and passes labels through', () => {
    expect([
      ...predictedClasses(
        't',
        tensor([
          [0, 2, 1],
          [5, 1, 5],
        ]),
      ),
    ]).toEqual([1, 0]);
    expect([...predictedClasses('t', [2, 0])]).toEqual([2, 0]);
    expect([
      ...trueClasses(
        't',
        tensor([
          [0, 1],
          [1, 0],
        ]),
        2,
      ),
    ]).toEqual([1, 0]);
  });

  it('rejects scores that are not [N, C]', () => {
    expect(() => predictedClasses('t', tensor([1, 2]))).toThrow(
      /scores must be \[N, C\], got \[2\]/,
    );
  });
});
