import { logSoftmax } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../src/cross-entropy';
import { nll } from '../src/nll';
import { expectGradCheck, r64 } from './helpers';

describe('nll', () => {
  it('picks −log p at the label, and nll ∘ logSoftmax equals crossEntropy', () => {
    const z = r64([4, 5], 1);
    const y = [4, 0, 2, 2];
    const logp = logSoftmax(z);
    const none = nll(logp, y, { reduction: 'none' }).toArray() as number[];
    const lp = logp.toArray() as number[][];
    for (const [i, v] of none.entries()) expect(v).toBe(-lp[i][y[i]]);
    const w = [1, 2, 3, 4, 5];
    expect(nll(logp, y, { weight: w }).item()).toBeCloseTo(
      crossEntropy(z, y, { weight: w }).item(),
      14,
    );
  });

  it('passes gradCheck with weights and ignored examples', () => {
    expectGradCheck(
      (x) => nll(x, [1, -100, 0], { weight: tensor([0.5, 2], { dtype: 'float64' }) }),
      [r64([3, 2], 2)],
    );
  });

  it('rejects labels out of range', () => {
    expect(() => nll(r64([2, 2], 3), [0, 2])).toThrow(
      /label 2 at index 1 is out of range for 2 classes/,
    );
  });
});
