import { describe, expect, it } from 'vitest';
import { norm, tensor, zeros } from '@gd/tensor';
import { decode, expectValues, fixtures } from '../helpers';

describe('norm', () => {
  it('matches torch.linalg.vector_norm for ords 2, 1, ±inf, 0, 3, 0.5, -1 over axes', () => {
    for (const c of fixtures.norm) {
      const x = tensor(decode(c.x), { dtype: 'float64' });
      const ord = decode(c.ord) as number;
      expectValues(norm(x, { ord, axis: c.axis ?? undefined }), decode(c.out));
    }
  });
  it('defaults to the 2-norm over everything; fro is 2', () => {
    const x = tensor([
      [3, 0],
      [0, 4],
    ]);
    expect(norm(x).item()).toBe(5);
    expect(x.norm({ ord: 'fro' }).item()).toBe(5);
    expect(norm(x, { axis: 1, keepDims: true }).toArray()).toEqual([[3], [4]]);
  });
  it('ints give float32', () => {
    expect(norm(tensor([3, 4], { dtype: 'int32' })).dtype).toBe('float32');
  });
  it('rejects bad ords and inf-norms of empty axes', () => {
    expect(() => norm(tensor([1]), { ord: 'nuc' as never })).toThrow(/norm: ord must be a number/);
    expect(() => norm(tensor([1]), { ord: Number.NaN })).toThrow(RangeError);
    expect(() => norm(zeros([0]), { ord: Number.POSITIVE_INFINITY })).toThrow(
      /norm: ord=Infinity over an empty axis/,
    );
    expect(norm(zeros([0])).item()).toBe(0);
  });
});
