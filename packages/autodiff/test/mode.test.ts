import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { enableGrad, isGradEnabled, noGrad, variable } from '../src/index';

describe('grad mode', () => {
  const x = variable(tensor([1, 2], { dtype: 'float64' }));

  it('noGrad records nothing and returns the function value', () => {
    const y = noGrad(() => x.mul(2).exp());
    expect(y.requiresGrad).toBe(false);
    expect(y.isLeaf).toBe(true);
    expect(isGradEnabled()).toBe(true);
  });

  it('restores the mode when the function throws', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(x.mul(2).requiresGrad).toBe(true);
  });

  it('enableGrad switches recording back on inside noGrad', () => {
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      return enableGrad(() => x.mul(2));
    });
    expect(y.requiresGrad).toBe(true);
  });
});
