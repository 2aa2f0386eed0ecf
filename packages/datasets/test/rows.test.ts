import fc from 'fast-check';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { sliceRows } from '../src/rows';

describe('sliceRows', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);

  it('copies the chosen rows in order into one new tensor', () => {
    const out = sliceRows(x, [2, 0, 2]);
    expect(out.shape).toEqual([3, 3]);
    expect(out.toArray()).toEqual([
      [7, 8, 9],
      [1, 2, 3],
      [7, 8, 9],
    ]);
    out.data[0] = 100;
    expect(x.data[6]).toBe(7);
  });

  it('keeps dtype and trailing dims; squeeze drops the axis for one row', () => {
    const y = tensor(
      [
        [[1], [2]],
        [[3], [4]],
      ],
      { dtype: 'int32' },
    );
    expect(sliceRows(y, [1]).shape).toEqual([1, 2, 1]);
    const row = sliceRows(y, [1], true);
    expect(row.shape).toEqual([2, 1]);
    expect(row.dtype).toBe('int32');
    expect(row.toArray()).toEqual([[3], [4]]);
  });

  it('short rows (copied element by element) and long rows (one set per row) agree with indexing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('float32', 'float64', 'int32', 'bool') as fc.Arbitrary<
          'float32' | 'float64' | 'int32' | 'bool'
        >,
        fc.array(fc.nat(), { maxLength: 20 }),
        (n, rowSize, dtype, picks) => {
          const values = Array.from({ length: n * rowSize }, (_, i) => ((i * 7919) % 13) - 4);
          const t = tensor(values, { dtype, shape: [n, rowSize] });
          const idx = picks.map((p) => p % n);
          const out = sliceRows(t, idx);
          expect(out.shape).toEqual([idx.length, rowSize]);
          expect(out.dtype).toBe(dtype);
          idx.forEach((r, k) => {
            for (let j = 0; j < rowSize; j++) {
              expect(out.data[k * rowSize + j]).toBe(t.data[r * rowSize + j]);
            }
          });
        },
      ),
    );
  });
});
