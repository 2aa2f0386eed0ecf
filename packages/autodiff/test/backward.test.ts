import { ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { backward, noGrad, variable } from '../src/index';

const f64 = (x: number | number[] | number[][]) => tensor(x, { dtype: 'float64' });

describe('backward', () => {
  it('seeds a one-element output with 1', () => {
    const x = variable(f64([2]));
    x.square().backward();
    expect(x.grad!.toArray()).toEqual([4]);
  });

  it('takes gradOutput for a non-scalar output (a vector-Jacobian product)', () => {
    const x = variable(f64([1, 2, 3]));
    x.square().backward(f64([1, 0, 2]));
    expect(x.grad!.toArray()).toEqual([2, 0, 12]);
    const y = variable(f64([1, 2]));
    backward(y.mul(3), 2);
    expect(y.grad!.toArray()).toEqual([6, 6]);
  });

  it('refuses a non-scalar output without gradOutput, naming the shape and the fix', () => {
    const x = variable(f64([1, 2]));
    expect(() => x.mul(2).backward()).toThrow(ShapeError);
    expect(() => x.mul(2).backward()).toThrow(/shape \[2\].*sum\(\)/);
  });

  it('refuses a gradOutput of the wrong shape', () => {
    const x = variable(f64([1, 2]));
    expect(() => x.mul(2).backward(f64([1, 2, 3]))).toThrow(
      /gradOutput has shape \[3\] but the output has \[2\]/,
    );
  });

  it('explains why a Var without graph cannot backward', () => {
    const c = variable(f64(1), { requiresGrad: false });
    expect(() => c.backward()).toThrow(/requiresGrad: false/);
    const x = variable(f64(1));
    const y = noGrad(() => x.mul(2));
    expect(() => y.backward()).toThrow(/no input of 'mul' requires grad/);
  });

  it('backward on a leaf sets its own gradient', () => {
    const x = variable(f64([[1, 2]]));
    x.backward(f64([[3, 4]]));
    expect(x.grad!.toArray()).toEqual([[3, 4]]);
  });
});
