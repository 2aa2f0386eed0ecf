import { Tensor, tensor } from '@gd/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
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
});
