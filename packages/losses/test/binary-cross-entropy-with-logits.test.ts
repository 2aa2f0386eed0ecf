import { variable } from '@gd/autodiff';
import { ShapeError, sigmoid } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../src/binary-cross-entropy';
import { binaryCrossEntropyWithLogits } from '../src/binary-cross-entropy-with-logits';
import { expectGradCheck, r64, t64 } from './helpers';

describe('binaryCrossEntropyWithLogits', () => {
  it('equals binaryCrossEntropy(sigmoid(x)) for moderate logits', () => {
    const z = r64([6], 1, 2);
    const y = t64([1, 0, 1, 1, 0, 0]);
    expect(binaryCrossEntropyWithLogits(z, y).item()).toBeCloseTo(
      binaryCrossEntropy(sigmoid(z), y).item(),
      13,
    );
  });

  it('stays finite and exact for huge logits', () => {
    const out = binaryCrossEntropyWithLogits(t64([800, -800, 800]), t64([0, 1, 1]), {
      reduction: 'none',
    });
    expect(out.toArray()).toEqual([800, 800, 0]);
  });

  it('has gradient σ(x) − y at x = 0 (no stalled zero-initialised models)', () => {
    const x = variable(t64([0, 0]));
    binaryCrossEntropyWithLogits(x, t64([1, 0]), { reduction: 'sum' }).backward();
    expect(x.grad?.toArray()).toEqual([-0.5, 0.5]);
  });

  it('passes gradCheck with weight and posWeight, for input and target', () => {
    const w = r64([3], 2).abs();
    const pw = t64([2, 0.5, 1.5]);
    expectGradCheck(
      (x, y) => binaryCrossEntropyWithLogits(x, y, { weight: w, posWeight: pw }),
      [r64([4, 3], 3, 2), r64([4, 3], 4).abs().div(4)],
    );
  });

  it('rejects mismatched shapes and posWeight that does not broadcast', () => {
    expect(() => binaryCrossEntropyWithLogits(t64([1, 2]), t64([1]))).toThrow(ShapeError);
    expect(() =>
      binaryCrossEntropyWithLogits(t64([[1, 2]]), t64([[1, 0]]), { posWeight: t64([1, 2, 3]) }),
    ).toThrow(/posWeight shape \[3\] does not broadcast to input shape \[1, 2\]/);
  });
});
