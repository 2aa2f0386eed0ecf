import { Generator, arange } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { TensorDataset } from '../src/dataset';
import { Subset, randomSplit } from '../src/subset';

const ds = new TensorDataset(arange(10));

describe('Subset', () => {
  it('reads the parent at the mapped indices', () => {
    const s = new Subset(ds, [7, 2]);
    expect(s.length).toBe(2);
    expect(s.get(0)[0].item()).toBe(7);
    expect(s.get(1)[0].item()).toBe(2);
    expect(() => s.get(2)).toThrow(RangeError);
    expect(() => new Subset(ds, [10])).toThrow(/out of range/);
  });
});

describe('randomSplit', () => {
  it('partitions every index exactly once, with counts or fractions', () => {
    for (const lengths of [
      [7, 3],
      [0.5, 0.3, 0.2],
    ]) {
      const parts = randomSplit(ds, lengths, { seed: 1 });
      const all = parts.flatMap((p) => Array.from(p.indices)).sort((a, b) => a - b);
      expect(all).toEqual([...Array(10).keys()]);
    }
    expect(randomSplit(ds, [0.5, 0.3, 0.2], { seed: 1 }).map((p) => p.length)).toEqual([5, 3, 2]);
  });

  it('deals the remainder of fractional lengths round-robin (as PyTorch)', () => {
    expect(randomSplit(ds, [1 / 3, 1 / 3, 1 / 3], { seed: 0 }).map((p) => p.length)).toEqual([
      4, 3, 3,
    ]);
  });

  it('is reproducible with a seed or generator and rejects bad lengths', () => {
    const a = randomSplit(ds, [5, 5], { seed: 3 })[0].indices;
    const b = randomSplit(ds, [5, 5], { generator: new Generator(3) })[0].indices;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(() => randomSplit(ds, [5, 4])).toThrow(RangeError);
  });
});
