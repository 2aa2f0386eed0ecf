import { isVar, variable } from '@gd/autodiff';
import { ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { asVar, checkBroadcastsTo, checkSameShape } from '../src/inputs';

describe('inputs', () => {
  it('wraps Tensors as constant Vars and keeps Vars', () => {
    const v = asVar('t', 'x', tensor([1]));
    expect(isVar(v)).toBe(true);
    expect(v.requiresGrad).toBe(false);
    const w = variable(tensor([1]));
    expect(asVar('t', 'x', w)).toBe(w);
    expect(() => asVar('t', 'x', 3 as never)).toThrow(/x must be a Tensor or Var, got number/);
  });

  it('checks shapes', () => {
    const a = asVar('t', 'a', tensor([[1, 2]]));
    expect(() => checkSameShape('t', a, asVar('t', 'b', tensor([1, 2])))).toThrow(ShapeError);
    expect(() => checkBroadcastsTo('t', 'b', a, asVar('t', 'b', tensor([1, 2])))).not.toThrow();
    expect(() => checkBroadcastsTo('t', 'b', a, asVar('t', 'b', tensor([[1], [2]])))).toThrow(
      ShapeError,
    );
  });
});
