import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../src/confusion-matrix';

describe('confusionMatrix', () => {
  it('has true classes as rows and predictions as columns', () => {
    const m = confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2]);
    expect(m.dtype).toBe('int32');
    expect(m.toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('takes scores (argmax) and sizes itself from their columns', () => {
    const m = confusionMatrix(
      tensor([
        [0.9, 0.1, 0, 0],
        [0.2, 0.8, 0, 0],
      ]),
      [1, 1],
    );
    expect(m.shape).toEqual([4, 4]);
    expect(m.data[1 * 4 + 0]).toBe(1);
    expect(m.data[1 * 4 + 1]).toBe(1);
  });

  it('honours numClasses and rejects classes beyond it', () => {
    expect(confusionMatrix([0], [0], { numClasses: 3 }).shape).toEqual([3, 3]);
    expect(() => confusionMatrix([0, 3], [0, 1], { numClasses: 3 })).toThrow(
      /class 3 at index 1 is out of range/,
    );
    expect(() => confusionMatrix([0], [0], { numClasses: 0 })).toThrow(
      /numClasses must be a positive integer/,
    );
  });
});
