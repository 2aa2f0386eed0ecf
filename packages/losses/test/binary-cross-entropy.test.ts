import { type Var, hessian, variable } from '@gd/autodiff';
import { Generator, ShapeError, type Tensor, rand } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../src/binary-cross-entropy';
import { expectGradCheck, t64 } from './helpers';

describe('binaryCrossEntropy', () => {
  it('is −[y log p + (1−y) log(1−p)], logs clamped at −100', () => {
    expect(binaryCrossEntropy(t64([0.9, 0.2]), t64([1, 0])).item()).toBeCloseTo(
      -(Math.log(0.9) + Math.log(0.8)) / 2,
      15,
    );
    expect(binaryCrossEntropy(t64([0, 1]), t64([1, 0]), { reduction: 'none' }).toArray()).toEqual([
      100, 100,
    ]);
    expect(binaryCrossEntropy(t64([0.5]), t64([1]), { weight: t64([3]) }).item()).toBeCloseTo(
      3 * Math.LN2,
      15,
    );
  });

  it('passes gradCheck inside (0, 1)', () => {
    const p = rand([3, 2], { dtype: 'float64', generator: new Generator(1) })
      .mul(0.8)
      .add(0.1);
    const y = rand([3, 2], { dtype: 'float64', generator: new Generator(2) });
    expectGradCheck((x) => binaryCrossEntropy(x, y), [p]);
  });

  it('has a finite gradient at p = 0 and 1 (0 where exactly right, as a saturated sigmoid gives)', () => {
    const p = variable(t64([1, 0, 1, 0]));
    binaryCrossEntropy(p, t64([1, 0, 0, 1]), { reduction: 'sum' }).backward();
    const g = Array.from((p.grad as Tensor).data);
    expect(g.slice(0, 2)).toEqual([0, 0]);
    // (p − y) / max(p(1 − p), 1e-12 as float32), as PyTorch's backward
    expect(g[2]).toBe(1 / Math.fround(1e-12));
    expect(g[3]).toBe(-1 / Math.fround(1e-12));
  });

  it('keeps second derivatives inside (0, 1): ∂²ℓ/∂p² = y/p² + (1 − y)/(1 − p)²', () => {
    const h = hessian((x: Var) => binaryCrossEntropy(x, t64([0.3]), { reduction: 'sum' }))(
      t64([0.4]),
    ) as Tensor;
    expect(h.data[0]).toBeCloseTo(0.3 / 0.16 + 0.7 / 0.36, 12);
  });

  it('rejects values outside [0, 1] and mismatched shapes', () => {
    expect(() => binaryCrossEntropy(t64([1.2]), t64([1]))).toThrow(
      /input must be probabilities in \[0, 1\], got 1.2 at flat index 0/,
    );
    expect(() => binaryCrossEntropy(variable(t64([0.5, 0.5])), t64([1]))).toThrow(ShapeError);
  });
});
