import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logSoftmax, softmax, tensor, zeros } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

describe('softmax / logSoftmax', () => {
  it('match PyTorch (float64), including ±inf, NaN and huge values', () => {
    for (const c of fixtures.softmax) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      expectValues(softmax(x, c.axis), decode(c.softmax));
      expectValues(logSoftmax(x, c.axis), decode(c.logSoftmax));
    }
  });
  it('default axis is the last one', () => {
    const x = tensor([
      [1, 2],
      [3, 5],
    ]);
    expect(softmax(x).toArray()).toEqual(softmax(x, 1).toArray());
    expect(x.softmax().toArray()).toEqual(softmax(x, -1).toArray());
    expect(x.logSoftmax(0).toArray()).toEqual(logSoftmax(x, 0).toArray());
  });
  it('keeps float dtypes and turns ints into float32', () => {
    expect(softmax(tensor([1, 2], { dtype: 'float64' })).dtype).toBe('float64');
    expect(softmax(tensor([1, 2])).dtype).toBe('float32');
    const i = softmax(tensor([0, 0], { dtype: 'int32' }));
    expect(i.dtype).toBe('float32');
    expect(i.toArray()).toEqual([0.5, 0.5]);
  });
  it('float32 (fast exp path) agrees with float64 to float32 precision, NaN and -inf included', () => {
    const vals = Array.from({ length: 60 }, (_, i) => Math.sin(i * 12.9898) * 30);
    vals[7] = Number.NEGATIVE_INFINITY;
    const x32 = tensor(vals, { shape: [6, 10] });
    const x64 = x32.astype('float64');
    for (const f of [softmax, logSoftmax]) {
      const a = f(x32);
      const b = f(x64);
      expect(a.dtype).toBe('float32');
      for (let i = 0; i < a.size; i++) {
        const w = b.data[i];
        if (!Number.isFinite(w)) expect(a.data[i]).toBe(w);
        else
          expect(Math.abs(a.data[i] - w)).toBeLessThanOrEqual(
            2e-6 * Math.max(Math.abs(w), 1e-30) + 1e-37,
          );
      }
    }
    expect(
      softmax(tensor([[Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]])).data.every(
        Number.isNaN,
      ),
    ).toBe(true);
    expect(softmax(tensor([Number.NaN, 1])).data.every(Number.isNaN)).toBe(true);
  });
  it('handles 0-d and empty tensors', () => {
    expect(softmax(tensor(3)).item()).toBe(1);
    expect(logSoftmax(tensor(3)).item()).toBe(0);
    expect(softmax(zeros([2, 0])).shape).toEqual([2, 0]);
  });
  it('rows sum to 1 and logSoftmax = log(softmax) (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (vals, rows) => {
          const cols = vals.length;
          const data = new Float64Array(rows * cols);
          for (let r = 0; r < rows; r++)
            for (let j = 0; j < cols; j++) data[r * cols + j] = vals[j] + r;
          const x = tensor(data, { shape: [rows, cols] });
          const s = softmax(x);
          const ls = logSoftmax(x);
          for (let r = 0; r < rows; r++) {
            let sum = 0;
            for (let j = 0; j < cols; j++) {
              sum += s.data[r * cols + j];
              expect(Math.abs(Math.log(s.data[r * cols + j]) - ls.data[r * cols + j])).toBeLessThan(
                1e-9,
              );
            }
            expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          }
        },
      ),
    );
  });
  it('rejects a bad axis naming the op', () => {
    expect(() => softmax(tensor([1, 2]), 1)).toThrow(/softmax: axis 1 is out of range/);
    expect(() => logSoftmax(tensor([1, 2]), -2)).toThrow(/logSoftmax: axis -2/);
    expect(() => softmax([1, 2] as never)).toThrow(TypeError);
  });
});
