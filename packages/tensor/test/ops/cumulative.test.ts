import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, cumprod, cumsum, tensor } from '@gd/tensor';

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'table-ops.json'), 'utf8'),
);

describe('cumsum and cumprod', () => {
  it('match torch.cumsum / torch.cumprod along every axis, negative ones included', () => {
    const x = tensor(golden.scan_input, { dtype: 'float64' });
    for (const c of golden.scans) {
      expect(cumsum(x, c.axis).toArray()).toEqual(c.cumsum);
      expect(cumprod(x, c.axis).toArray()).toEqual(c.cumprod);
      expect(x.cumsum(c.axis).toArray()).toEqual(c.cumsum);
    }
  });

  it('keep int32 and turn bool into int32, as torch (which uses int64)', () => {
    const i = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'int32' },
    );
    expect(cumsum(i, 1).toArray()).toEqual(golden.int_cumsum);
    expect(cumprod(i, 0).toArray()).toEqual(golden.int_cumprod);
    expect(cumsum(i, 1).dtype).toBe('int32');
    const b = cumsum(tensor([true, false, true]), 0);
    expect([b.dtype, b.toArray()]).toEqual(['int32', [1, 1, 2]]);
  });

  it('the last entry along the axis is the sum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 20 }),
        (xs) => {
          const c = cumsum(tensor(xs, { dtype: 'float64' }), 0).toArray() as number[];
          expect(c[c.length - 1]).toBe(xs.reduce((p, v) => p + v, 0));
        },
      ),
    );
  });

  it('a 0-d tensor scans over its one element; a bad axis names the op', () => {
    expect(cumsum(tensor(3), 0).item()).toBe(3);
    expect(() => cumsum(tensor([1, 2]), 1)).toThrow(/^cumsum: axis 1 is out of range/);
    expect(() => cumprod(tensor([1, 2]), undefined as never)).toThrow(/^cumprod: axis must be/);
    expect(() => cumsum([1, 2] as never, 0)).toThrow(/^cumsum: expected a Tensor/);
    expect(ShapeError).toBeTypeOf('function');
  });
});
