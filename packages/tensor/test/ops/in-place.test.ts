import { GdError } from '@gd/errors';
import { DTypeError, ShapeError, Tensor, modifiedAt, reshape, tensor, zeros } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const f64 = (v: number[] | number[][]) => tensor(v, { dtype: 'float64' });

describe('in-place ops on Tensor', () => {
  it('add_/sub_/mul_/div_ write into the same buffer and return the tensor', () => {
    const x = f64([1, 2, 3]);
    const data = x.data;
    expect(x.add_(1)).toBe(x);
    expect(x.data).toBe(data);
    expect(Array.from(x.data)).toEqual([2, 3, 4]);
    x.sub_(f64([1, 1, 1]));
    expect(Array.from(x.data)).toEqual([1, 2, 3]);
    x.mul_(f64([2]));
    expect(Array.from(x.data)).toEqual([2, 4, 6]);
    x.div_(4);
    expect(Array.from(x.data)).toEqual([0.5, 1, 1.5]);
  });

  it('broadcasts the argument to the tensor, never the tensor to the argument', () => {
    const x = f64([
      [1, 2],
      [3, 4],
    ]);
    x.add_(f64([10, 20]));
    expect(x.toArray()).toEqual([
      [11, 22],
      [13, 24],
    ]);
    x.mul_(f64([[1], [0]]));
    expect(x.toArray()).toEqual([
      [11, 22],
      [0, 0],
    ]);
    const small = f64([1, 2]);
    expect(() =>
      small.add_(
        f64([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toThrow(ShapeError);
    expect(() =>
      small.add_(
        f64([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toThrow("add_: the output of shape [2] doesn't match the broadcast shape [2, 2]");
    expect(() => small.add_(f64([1, 2, 3]))).toThrow(ShapeError);
    expect(Array.from(small.data)).toEqual([1, 2]);
  });

  it('gives bit for bit what the out-of-place op gives, in float32 and float64 (property)', () => {
    const ops = ['add', 'sub', 'mul', 'div'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.constantFrom('float32' as const, 'float64' as const),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.oneof(
          fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          fc.constant('tensor' as const),
          fc.constant('one' as const),
        ),
        (op, dtype, values, other) => {
          const x = tensor(values, { dtype });
          const arg =
            other === 'tensor'
              ? tensor(
                  values.map((v) => v / 3 + 1),
                  { dtype },
                )
              : other === 'one'
                ? tensor([7.25], { dtype })
                : other;
          const expected = Array.from(x[op](arg).data);
          x[`${op}_`](arg);
          expect(Array.from(x.data)).toEqual(expected);
        },
      ),
    );
  });

  it('refuses results that do not fit the dtype, as PyTorch (float into int32)', () => {
    const i = tensor(new Int32Array([1, 2, 3]));
    expect(() => i.mul_(0.5)).toThrow(DTypeError);
    expect(() => i.mul_(0.5)).toThrow(
      /mul_: the result type float32 can't be cast to the int32 tensor being updated in place/,
    );
    expect(() => i.div_(2)).toThrow(DTypeError);
    expect(() => i.add_(f64([1, 1, 1]))).toThrow(DTypeError);
    expect(Array.from(i.data)).toEqual([1, 2, 3]);
    i.add_(2).mul_(tensor(new Int32Array([1, 2, 3])));
    expect(Array.from(i.data)).toEqual([3, 8, 15]);
    const f32 = tensor([1, 2]);
    f32.add_(f64([0.1, 0.1])); // float64 result into float32: allowed, rounded
    expect(f32.data[0]).toBe(Math.fround(1.1));
  });

  it('clamp_ bounds in place, keeps NaN, validates bounds', () => {
    const x = f64([-2, 0.5, 3, Number.NaN]);
    x.clamp_(0, 1);
    expect(Array.from(x.data)).toEqual([0, 0.5, 1, Number.NaN]);
    expect(Array.from(f64([-2, 5]).clamp_(null, 1).data)).toEqual([-2, 1]);
    expect(Array.from(f64([-2, 5]).clamp_(0).data)).toEqual([0, 5]);
    expect(() => f64([1]).clamp_(2, 1)).toThrow(
      /clamp_: lower bound 2 is greater than upper bound 1/,
    );
    expect(() => f64([1]).clamp_(Number.NaN)).toThrow(RangeError);
    expect(() => tensor(new Int32Array([1])).clamp_(0.5)).toThrow(DTypeError);
    expect(() => tensor([true]).clamp_(0)).toThrow(/cannot clamp a bool tensor/);
    expect(Array.from(tensor(new Int32Array([-3, 9])).clamp_(0, 5).data)).toEqual([0, 5]);
  });

  it('fill_, zero_ and copy_ follow PyTorch', () => {
    expect(Array.from(zeros([2]).fill_(0.5).data)).toEqual([0.5, 0.5]);
    expect(Array.from(tensor(new Int32Array(2)).fill_(2.7).data)).toEqual([2, 2]);
    expect(Array.from(tensor([false, true]).fill_(true).data)).toEqual([1, 1]);
    expect(() => tensor(new Int32Array(1)).fill_(Number.NaN)).toThrow(RangeError);
    expect(() => zeros([1]).fill_('1' as never)).toThrow(DTypeError);
    expect(Array.from(f64([1, 2]).zero_().data)).toEqual([0, 0]);
    const w = zeros([2, 2], { dtype: 'float64' });
    w.copy_(f64([1, 2]));
    expect(w.toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    w.copy_(3);
    expect(Array.from(w.data)).toEqual([3, 3, 3, 3]);
    const ints = tensor(new Int32Array(3));
    ints.copy_(f64([1.9, -1.9, 2]));
    expect(Array.from(ints.data)).toEqual([1, -1, 2]); // truncation toward zero
    const bools = tensor([false, false]);
    bools.copy_(f64([0, 2]));
    expect(Array.from(bools.data)).toEqual([0, 1]);
    expect(() => f64([1, 2]).copy_(f64([1, 2, 3]))).toThrow(/^copy_: shapes \[2\] and \[3\]/);
    expect(() =>
      f64([1, 2]).copy_(
        f64([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toThrow(/copy_: the source of shape \[2, 2\] does not broadcast to the destination's \[2\]/);
  });

  it('validates its arguments with typed errors naming the op', () => {
    const x = f64([1]);
    for (const bad of [undefined, null, '1', [1], { value: x, requiresGrad: true }]) {
      for (const op of ['add_', 'sub_', 'mul_', 'div_', 'copy_'] as const) {
        let err: unknown;
        try {
          x[op](bad as never);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(GdError);
        expect((err as Error).message.startsWith(`${op}:`)).toBe(true);
      }
    }
  });

  it('advances the buffer version, shared by tensors that share the buffer', () => {
    const x = f64([1, 2, 3, 4]);
    const view = reshape(x, [2, 2]);
    expect(view.data).toBe(x.data);
    const before = modifiedAt(x.data);
    view.mul_(2);
    const after = modifiedAt(x.data);
    expect(after).toBeGreaterThan(before);
    expect(modifiedAt(view.data)).toBe(after);
    expect(Array.from(x.data)).toEqual([2, 4, 6, 8]);
    const untouched = new Tensor(new Float64Array(1), []);
    expect(modifiedAt(untouched.data)).toBe(0);
  });
});
