import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { type Parameter, clipGradNorm, clipGradValue } from '../src';
import { golden } from './helpers';

function paramsWith(grads: Array<number[] | number[][]>): Parameter[] {
  return grads.map((g) => {
    const grad = tensor(g, { dtype: 'float64' });
    return { value: tensor(g, { dtype: 'float64' }).mul(0), grad };
  });
}

const grads = (ps: Parameter[]) => ps.map((p) => Array.from(p.grad!.data));

describe('clipGradNorm', () => {
  it.each(golden.clipGradNorm.results.map((r) => [r.normType, r.maxNorm, r] as const))(
    'matches torch.nn.utils.clip_grad_norm_ (normType %s, maxNorm %s)',
    (normType, maxNorm, r) => {
      const ps = paramsWith(golden.clipGradNorm.grads);
      const q = normType === 'Infinity' ? Number.POSITIVE_INFINITY : normType;
      const total = clipGradNorm(ps, maxNorm, q);
      expect(Math.abs(total - r.total) / r.total).toBeLessThan(1e-14);
      const got = grads(ps).flat();
      const want = r.grads.flat();
      for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 13);
    },
  );

  it('skips parameters without a gradient and returns 0 when none has one', () => {
    const ps = paramsWith([[3, 4]]);
    ps.push({ value: tensor([1]), grad: null });
    expect(clipGradNorm(ps, 1)).toBeCloseTo(5, 15);
    expect(clipGradNorm([{ value: tensor([1]), grad: null }], 1)).toBe(0);
  });

  it('raises on a non-finite norm only when asked, and validates its arguments', () => {
    const ps = paramsWith([[Number.NaN, 1]]);
    expect(() => clipGradNorm(ps, 1, 2, { errorIfNonfinite: true })).toThrow(
      /total norm of order 2 of the gradients is NaN/,
    );
    expect(Number.isNaN(clipGradNorm(ps, 1))).toBe(true);
    expect(() => clipGradNorm(paramsWith([[1]]), -1)).toThrow(
      'clipGradNorm: maxNorm must be >= 0, got -1',
    );
    expect(() => clipGradNorm(paramsWith([[1]]), 1, 0)).toThrow(/normType must be > 0/);
  });

  it('accepts a single parameter as well as a list', () => {
    const [p] = paramsWith([[30, 40]]);
    expect(clipGradNorm(p, 5)).toBeCloseTo(50, 12);
    expect(Math.hypot(...Array.from(p.grad!.data))).toBeCloseTo(5, 5);
  });
});

describe('clipGradValue', () => {
  it.each(golden.clipGradValue.map((r) => [r.clipValue, r] as const))(
    'matches torch.nn.utils.clip_grad_value_ (clip %s)',
    (clipValue, r) => {
      const ps = paramsWith(golden.clipGradNorm.grads);
      clipGradValue(ps, clipValue);
      expect(grads(ps)).toEqual(r.grads);
    },
  );

  it('rejects a negative clip value', () => {
    expect(() => clipGradValue(paramsWith([[1]]), -1)).toThrow(
      'clipGradValue: clipValue must be >= 0, got -1',
    );
  });
});
