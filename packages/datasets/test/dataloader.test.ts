import { Generator, ShapeError, Tensor, arange, reshape, tensor } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataLoader } from '../src/dataloader';
import { type Dataset, TensorDataset } from '../src/dataset';
import { Subset } from '../src/subset';

/** x row i = [i, 10·i], y i = i, so a batch reveals which examples it holds. */
function numbered(n: number): TensorDataset<[Tensor, Tensor]> {
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = 10 * i;
  }
  return new TensorDataset(
    new Tensor(x, [n, 2]),
    new Tensor(
      Int32Array.from({ length: n }, (_, i) => i),
      [n],
    ),
  );
}

function epochIds(loader: DataLoader<[Tensor, Tensor]>): number[][] {
  return [...loader].map(([x, y]) => {
    const ids = Array.from(y.data);
    ids.forEach((id, j) => {
      expect(x.data[2 * j]).toBe(id);
      expect(x.data[2 * j + 1]).toBe(10 * id);
    });
    return ids;
  });
}

describe('DataLoader', () => {
  it('visits every example exactly once per epoch, for any n, batch size, shuffle, dropLast', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 17 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (n, batchSize, shuffle, dropLast, seed) => {
          const loader = new DataLoader(numbered(n), { batchSize, shuffle, dropLast, seed });
          const batches = epochIds(loader);
          expect(batches.length).toBe(loader.length);
          const seen = batches.flat();
          const full = Math.floor(n / batchSize) * batchSize;
          expect(seen.length).toBe(dropLast ? full : n);
          expect(new Set(seen).size).toBe(seen.length);
          batches.forEach((b, k) => {
            expect(b.length).toBe(
              k < batches.length - 1 || dropLast ? batchSize : n - k * batchSize,
            );
          });
          if (!shuffle) expect(seen).toEqual([...Array(seen.length).keys()]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handles the last partial batch: kept by default, dropped with dropLast', () => {
    const keep = new DataLoader(numbered(10), { batchSize: 4 });
    expect(keep.length).toBe(3);
    expect([...keep].map(([x]) => x.shape)).toEqual([
      [4, 2],
      [4, 2],
      [2, 2],
    ]);
    const drop = new DataLoader(numbered(10), { batchSize: 4, dropLast: true });
    expect(drop.length).toBe(2);
    expect([...drop].map(([, y]) => y.shape)).toEqual([[4], [4]]);
  });

  it('reproduces the shuffled order from the same seed, and reshuffles each epoch', () => {
    const a = new DataLoader(numbered(50), { batchSize: 8, shuffle: true, seed: 42 });
    const b = new DataLoader(numbered(50), {
      batchSize: 8,
      shuffle: true,
      generator: new Generator(42),
    });
    const a1 = epochIds(a);
    const a2 = epochIds(a);
    expect(epochIds(b)).toEqual(a1);
    expect(epochIds(b)).toEqual(a2);
    expect(a2).not.toEqual(a1);
    expect(a1.flat()).not.toEqual([...Array(50).keys()]);
    const c = new DataLoader(numbered(50), { batchSize: 8, shuffle: true, seed: 43 });
    expect(epochIds(c)).not.toEqual(a1);
  });

  it('batches a generic Dataset of tensors and numbers (int32 for integers, float64 otherwise)', () => {
    const ds: Dataset<[Tensor, number, number]> = {
      length: 5,
      get: (i) => [reshape(arange(i, i + 4, 1, { dtype: 'float64' }), [2, 2]), i, i / 2],
    };
    const [x, label, half] = [...new DataLoader(ds, { batchSize: 3 })][1];
    expect(x.shape).toEqual([2, 2, 2]);
    expect(x.dtype).toBe('float64');
    expect(Array.from(x.data)).toEqual([3, 4, 5, 6, 4, 5, 6, 7]);
    expect(label.dtype).toBe('int32');
    expect(Array.from(label.data)).toEqual([3, 4]);
    expect(half.dtype).toBe('float64');
    expect(Array.from(half.data)).toEqual([1.5, 2]);
  });

  it('uses the row-copy path through Subsets of a TensorDataset', () => {
    const sub = new Subset(numbered(10), [9, 3, 5]);
    const [[x, y]] = [...new DataLoader(sub, { batchSize: 3 })];
    expect(Array.from(y.data)).toEqual([9, 3, 5]);
    expect(Array.from(x.data)).toEqual([9, 90, 3, 30, 5, 50]);
  });

  it('calls an overridden get() of a TensorDataset subclass', () => {
    class Doubled extends TensorDataset<[Tensor]> {
      override get(i: number): [Tensor] {
        return [super.get(i)[0].mul(2)];
      }
    }
    const [[x]] = [...new DataLoader(new Doubled(tensor([1, 2, 3])), { batchSize: 3 })];
    expect(Array.from(x.data)).toEqual([2, 4, 6]);
  });

  it('rejects bad options and examples that cannot be stacked', () => {
    expect(() => new DataLoader(numbered(3), { batchSize: 0 })).toThrow(
      /batchSize must be a positive integer, got 0/,
    );
    expect(() => new DataLoader(numbered(3), { batchSize: 1.5 })).toThrow(RangeError);
    expect(() => new DataLoader({} as Dataset, {})).toThrow(TypeError);
    const ragged: Dataset<[Tensor]> = { length: 2, get: (i) => [arange(i + 1)] };
    expect(() => [...new DataLoader(ragged, { batchSize: 2 })]).toThrow(ShapeError);
    const mixed: Dataset<[number]> = { length: 2, get: (i) => [i === 0 ? 1 : 1.5] };
    expect(() => [...new DataLoader(mixed, { batchSize: 1 })]).toThrow(/return a Tensor/);
    expect([...new DataLoader(mixed, { batchSize: 2 })][0][0].dtype).toBe('float64');
  });
});
