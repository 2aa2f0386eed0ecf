import { variable } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { checkReduction, reduce } from '../src/reduction';

describe('reduction', () => {
  it('defaults to mean and applies mean / sum / none', () => {
    expect(checkReduction('t', undefined)).toBe('mean');
    const v = variable(tensor([1, 2, 6], { dtype: 'float64' }));
    expect(reduce(v, 'mean').item()).toBe(3);
    expect(reduce(v, 'sum').item()).toBe(9);
    expect(reduce(v, 'none')).toBe(v);
    expect(() => checkReduction('t', 'max' as 'sum')).toThrow(/got 'max'/);
  });
});
