import { describe, expect, it } from 'vitest';
import {
  Generator,
  allClose,
  arange,
  argmax,
  argmin,
  astype,
  choice,
  concat,
  gather,
  logSoftmax,
  logsumexp,
  manualSeed,
  oneHot,
  permutation,
  rand,
  randint,
  randn,
  scatterAdd,
  shuffle,
  slice,
  softmax,
  split,
  stack,
  take,
  tensor,
  uniform,
  normal,
  where,
  zeros,
} from '@gd/tensor';

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: 'int32' });

describe('ops needed by autodiff and losses', () => {
  it('where broadcasts and promotes', () => {
    const r = where(tensor([true, false]), tensor([[1], [2]]), 0);
    expect(r.toArray()).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(r.dtype).toBe('float32');
  });
  it('argmax/argmin', () => {
    const x = tensor([
      [1, 5, 2],
      [7, 0, 7],
    ]);
    expect(argmax(x, { axis: 1 }).toArray()).toEqual([1, 0]);
    expect(argmin(x, { axis: 1 }).toArray()).toEqual([0, 1]);
    expect(argmax(x).item()).toBe(3);
    expect(argmax(x).dtype).toBe('int32');
  });
  it('softmax, logSoftmax, logsumexp are stable', () => {
    const x = tensor([[1000, 1000]], { dtype: 'float64' });
    expect(softmax(x).toArray()).toEqual([[0.5, 0.5]]);
    expect(logSoftmax(x).toArray()).toEqual([[-Math.LN2, -Math.LN2]]);
    expect(logsumexp(x).item()).toBeCloseTo(1000 + Math.LN2, 12);
  });
  it('slice, take, gather, scatterAdd', () => {
    const x = arange(12).reshape([3, 4]);
    expect(
      slice(x, [
        [null, null, -1],
        [0, 2],
      ]).toArray(),
    ).toEqual([
      [8, 9],
      [4, 5],
      [0, 1],
    ]);
    expect(take(x, [2, 0], 0).toArray()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
    ]);
    expect(gather(x, 1, i32([[0], [3], [1]])).toArray()).toEqual([[0], [7], [9]]);
    expect(scatterAdd(zeros([3]), 0, i32([0, 2, 0]), tensor([1, 2, 3])).toArray()).toEqual([
      4, 0, 2,
    ]);
  });
  it('concat, stack, split, oneHot, astype, allClose', () => {
    expect(concat([tensor([[1, 2]]), tensor([[3, 4]])], 1).toArray()).toEqual([[1, 2, 3, 4]]);
    expect(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(split(arange(5), 2).map((t) => t.toArray())).toEqual([[0, 1], [2, 3], [4]]);
    expect(oneHot([0, 2], 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(astype(tensor([1.7, -1.7]), 'int32').toArray()).toEqual([1, -1]);
    expect(allClose(tensor([1, 2]), tensor([1, 2.000001]))).toBe(true);
    expect(allClose(tensor([1, 2]), tensor([1, 2.1]))).toBe(false);
  });
  it('random functions are reproducible', () => {
    manualSeed(7);
    const a = randn([5]);
    manualSeed(7);
    expect(randn([5]).toArray()).toEqual(a.toArray());
    const g = new Generator(1);
    const r = rand([1000], { generator: g });
    expect(Math.min(...r.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...r.data)).toBeLessThan(1);
    const ri = randint(3, 6, [1000], { generator: g });
    expect(new Set(ri.data)).toEqual(new Set([3, 4, 5]));
    expect([...permutation(10, { generator: g }).data].sort((p, q) => p - q)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    const c = choice(10, 10, { replace: false, generator: g });
    expect(new Set(c.data).size).toBe(10);
    expect(shuffle(arange(6).reshape([3, 2]), { generator: g }).shape).toEqual([3, 2]);
    const u = uniform(-2, -1, [100], { generator: g });
    expect(u.data.every((v) => v >= -2 && v < -1)).toBe(true);
    expect(normal(5, 0, [3], { generator: g }).toArray()).toEqual([5, 5, 5]);
  });
});
