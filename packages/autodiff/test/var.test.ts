import { DTypeError, Tensor, tensor, zeros } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { Var, add, isVar, mul, noGrad, variable } from '../src/index';

const f64 = (x: number | number[] | number[][]) => tensor(x, { dtype: 'float64' });

describe('Var and variable', () => {
  it('wraps a Tensor without copying and exposes its shape and dtype', () => {
    const t = f64([
      [1, 2],
      [3, 4],
    ]);
    const v = variable(t);
    expect(v.value).toBe(t);
    expect(v.shape).toEqual([2, 2]);
    expect(v.dtype).toBe('float64');
    expect(v.size).toBe(4);
    expect(v.ndim).toBe(2);
    expect(v.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(v.requiresGrad).toBe(true);
    expect(v.grad).toBeNull();
    expect(v.isLeaf).toBe(true);
  });

  it('makes leaves from numbers and nested arrays with a dtype', () => {
    expect(variable(3, { dtype: 'float64' }).item()).toBe(3);
    expect(variable([1, 2]).dtype).toBe('float32');
    expect(variable(f64([1, 2]), { dtype: 'float32' }).dtype).toBe('float32');
    expect(variable([1, 2], { requiresGrad: false }).requiresGrad).toBe(false);
  });

  it('refuses integer tensors that require grad with a DTypeError naming the fix', () => {
    expect(() => variable(tensor([1, 2], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => variable(tensor([1, 2], { dtype: 'int32' }))).toThrow(/astype/);
    expect(variable(tensor([1], { dtype: 'int32' }), { requiresGrad: false }).dtype).toBe('int32');
  });

  it('isVar distinguishes Vars from Tensors', () => {
    expect(isVar(variable(1))).toBe(true);
    expect(isVar(tensor(1))).toBe(false);
    expect(isVar(1)).toBe(false);
  });

  it('op functions return Tensors for Tensor inputs and Vars when any input is a Var', () => {
    const t = f64([1, 2]);
    const r: Tensor = add(t, 1);
    expect(r).toBeInstanceOf(Tensor);
    const v = variable(f64([1, 2]));
    const s: Var = mul(t, v);
    expect(s).toBeInstanceOf(Var);
    expect(s.toArray()).toEqual([1, 4]);
    expect(s.requiresGrad).toBe(true);
    expect(s.isLeaf).toBe(false);
  });

  it('records nothing inside noGrad and from constant Vars', () => {
    const v = variable(f64([1, 2]));
    const y = noGrad(() => v.mul(2));
    expect(y).toBeInstanceOf(Var);
    expect(y.requiresGrad).toBe(false);
    const c = variable(f64([1]), { requiresGrad: false });
    expect(c.add(1).requiresGrad).toBe(false);
  });

  it('detach shares the value and records nothing', () => {
    const v = variable(f64([1, 2]));
    const d = v.mul(3).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.toArray()).toEqual([3, 6]);
    const e = v.detach();
    expect(e.value).toBe(v.value);
  });

  it('toString marks the Var', () => {
    expect(variable(zeros([2])).toString()).toMatch(/^Var\(.*requiresGrad\)$/s);
  });

  it('refuses to wrap a Var in variable()', () => {
    expect(() => variable(variable(1) as unknown as Tensor)).toThrow(/detach/);
  });
});
