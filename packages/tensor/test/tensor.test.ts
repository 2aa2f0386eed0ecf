import { describe, expect, it } from 'vitest';
import * as T from '@gd/tensor';
import { ShapeError, Tensor, tensor } from '@gd/tensor';

describe('Tensor', () => {
  it('wraps a typed array without copying and reads its dtype from the array type', () => {
    const buf = new Float64Array([1, 2, 3, 4, 5, 6]);
    const t = new Tensor(buf, [2, 3]);
    expect(t.data).toBe(buf);
    expect(t.dtype).toBe('float64');
    expect(t.size).toBe(6);
    expect(t.ndim).toBe(2);
    expect(t.strides).toEqual([3, 1]);
    expect(Object.isFrozen(t.shape)).toBe(true);
    expect(new Tensor(new Uint8Array(1), []).dtype).toBe('bool');
    expect(() => new Tensor(buf, [4])).toThrow(
      /Tensor: data has 6 elements but shape \[4\] needs 4/,
    );
  });
  it('item, toArray and clone', () => {
    expect(tensor([[7]]).item()).toBe(7);
    expect(() => tensor([1, 2]).item()).toThrow(ShapeError);
    expect(() => tensor([1, 2]).item()).toThrow(
      /item: only a tensor with one element has an item; this one has shape \[2\]/,
    );
    expect(tensor([[1, 2]]).toArray()).toEqual([[1, 2]]);
    expect(tensor(true).toArray()).toBe(true);
    expect(T.zeros([2, 0]).toArray()).toEqual([[], []]);
    const a = tensor([1, 2]);
    const c = a.clone();
    c.data[0] = 5;
    expect(a.data[0]).toBe(1);
  });
  it('shows its toString() in console.log / util.inspect', async () => {
    const { inspect } = await import('node:util');
    const t = tensor([1, 2]);
    expect(inspect(t)).toBe(t.toString());
    expect(inspect({ a: t })).toContain('tensor([1., 2.])');
  });
  it('every op method gives the same result as its function', () => {
    const x = tensor(
      [
        [1.5, -2, 3],
        [0.5, 4, -1],
      ],
      { dtype: 'float64' },
    );
    const y = tensor([2, 1, 0.5], { dtype: 'float64' });
    const idx = tensor([[1, 0, 2]], { dtype: 'int32' });
    // A plain object copy of the namespace, so ops can be looked up by name in the loops below.
    const api = { ...T } as unknown as Record<string, (...args: unknown[]) => T.Tensor>;
    const same = (a: T.Tensor, b: T.Tensor) => {
      expect(a.shape).toEqual(b.shape);
      expect(a.dtype).toBe(b.dtype);
      expect(a.toArray()).toEqual(b.toArray());
    };
    for (const op of [
      'add',
      'sub',
      'mul',
      'div',
      'pow',
      'maximum',
      'minimum',
      'equal',
      'notEqual',
      'less',
      'lessEqual',
      'greater',
      'greaterEqual',
      'logicalAnd',
      'logicalOr',
      'logicalXor',
    ] as const)
      same(x[op](y), api[op](x, y));
    for (const op of [
      'neg',
      'abs',
      'sign',
      'exp',
      'log',
      'log1p',
      'expm1',
      'sqrt',
      'square',
      'sin',
      'cos',
      'tan',
      'tanh',
      'sigmoid',
      'relu',
      'logicalNot',
      'copy',
    ] as const)
      same(x[op](), api[op](x));
    for (const op of [
      'sum',
      'mean',
      'prod',
      'max',
      'min',
      'logsumexp',
      'variance',
      'std',
      'norm',
      'any',
      'all',
    ] as const)
      same(x[op]({ axis: 1, keepDims: true }), api[op](x, { axis: 1, keepDims: true }));
    same(x.argmax({ axis: 0 }), T.argmax(x, { axis: 0 }));
    same(x.argmin(), T.argmin(x));
    same(x.softmax(0), T.softmax(x, 0));
    same(x.logSoftmax(), T.logSoftmax(x));
    same(x.clamp(0, 1), T.clamp(x, 0, 1));
    same(x.matmul(y), T.matmul(x, y));
    same(x.reshape([3, 2]), T.reshape(x, [3, 2]));
    same(x.transpose(), T.transpose(x));
    same(x.slice([null, [1]]), T.slice(x, [null, [1]]));
    same(x.take([0, 5]), T.take(x, [0, 5]));
    same(x.gather(1, idx), T.gather(x, 1, idx));
    same(x.scatterAdd(1, idx, x), T.scatterAdd(x, 1, idx, x));
    same(x.tile([2, 1]), T.tile(x, [2, 1]));
    same(x.astype('int32'), T.astype(x, 'int32'));
    same(x.where(x.greater(0), 0), T.where(x.greater(0), x, 0));
    same(x.split(1)[1], T.split(x, 1)[1]);
    same(idx.oneHot(3), T.oneHot(idx, 3));
    expect(x.allClose(x.add(1e-12))).toBe(true);
  });
});
