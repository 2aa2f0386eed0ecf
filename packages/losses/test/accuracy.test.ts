import { variable } from '@gd/autodiff';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { accuracy } from '../src/accuracy';

describe('accuracy', () => {
  const scores = tensor([
    [0.1, 0.9],
    [0.8, 0.2],
    [0.3, 0.7],
  ]);

  it('counts argmax hits over N', () => {
    expect(accuracy(scores, [1, 0, 0])).toBeCloseTo(2 / 3, 15);
    expect(accuracy(variable(scores), tensor([1, 0, 1], { dtype: 'int32' }))).toBe(1);
  });

  it('accepts one-hot labels (as the lecture’s MultiLayerNet) and predicted labels', () => {
    expect(
      accuracy(
        scores,
        tensor([
          [0, 1],
          [0, 1],
          [1, 0],
        ]),
      ),
    ).toBeCloseTo(1 / 3, 15);
    expect(accuracy([1, 1, 0], [1, 0, 0])).toBeCloseTo(2 / 3, 15);
  });

  it('takes the first maximum on ties', () => {
    expect(accuracy(tensor([[1, 1]]), [0])).toBe(1);
  });

  it('rejects mismatched lengths and empty batches', () => {
    expect(() => accuracy(scores, [1, 0])).toThrow(/labels of shape \[2\] do not match/);
    expect(() => accuracy([], [])).toThrow(/no examples/);
  });
});
