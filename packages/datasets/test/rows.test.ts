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
});
