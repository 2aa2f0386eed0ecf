import * as T from '@gd/tensor';
import { Tensor, tensor } from '@gd/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as A from '../src/index';
import { type Operand, Var, add, exp, matmul, sum, variable } from '../src/index';

describe('result types follow the inputs', () => {
  const t = tensor([1, 2]);
  const v = variable(tensor([1, 2]));

  it('Tensor-only inputs give Tensor; any Var gives Var (types and values)', () => {
    const a = add(t, 1);
    const b = add(1, v);
    const c = exp(v);
    const d = sum(t);
    expectTypeOf(a).toEqualTypeOf<Tensor>();
    expectTypeOf(b).toEqualTypeOf<Var>();
    expectTypeOf(c).toEqualTypeOf<Var>();
    expectTypeOf(d).toEqualTypeOf<Tensor>();
    expectTypeOf(matmul(tensor([[1]]), variable(tensor([[1]])))).toEqualTypeOf<Var>();
    expect(a).toBeInstanceOf(Tensor);
    expect(b).toBeInstanceOf(Var);
    expect(c).toBeInstanceOf(Var);
    expect(d).toBeInstanceOf(Tensor);
  });

  it('an operand of unknown kind types as Var | Tensor', () => {
    const o: Operand = Math.random() > 2 ? v : t;
    expectTypeOf(add(o, 1)).toEqualTypeOf<Var | Tensor>();
    expect(add(o, 1)).toBeInstanceOf(Tensor);
  });

  it('0-d operands give exactly the tensor library results (dtype, shape, values)', () => {
    const ops = [
      [add, T.add],
      [A.sub, T.sub],
      [A.mul, T.mul],
      [A.div, T.div],
      [A.pow, T.pow],
      [A.maximum, T.maximum],
      [A.greater, T.greater],
    ] as const;
    for (const dtype of ['float32', 'float64'] as const) {
      const s = tensor(1.7, { dtype });
      const m = tensor(
        [
          [0.3, -2.1],
          [5, 2],
        ],
        { dtype },
      );
      const other = tensor(0.5, { dtype: dtype === 'float32' ? 'float64' : 'float32' });
      for (const [ours, theirs] of ops) {
        for (const [a, b] of [
          [s, m],
          [m, s],
          [s, s],
          [s, other],
          [other, m],
        ] as const) {
          const r = ours(a, b) as Tensor;
          const e = theirs(a, b);
          expect(r.dtype).toBe(e.dtype);
          expect(r.shape).toEqual(e.shape);
          expect(Array.from(r.data)).toEqual(Array.from(e.data));
        }
      }
    }
  });
});
