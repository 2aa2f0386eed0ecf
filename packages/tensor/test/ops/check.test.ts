import { describe, expect, it } from 'vitest';
import {
  add,
  argmax,
  exp,
  flatten,
  reshape,
  softmax,
  sum,
  take,
  tensor,
  transpose,
} from '@gd/tensor';
import { checkTensor, checkTensorLike } from '../../src/ops/check';

describe('input checks', () => {
  it('accept tensors (and numbers where allowed)', () => {
    expect(() => checkTensor('op', tensor([1]))).not.toThrow();
    expect(() => checkTensorLike('op', 3)).not.toThrow();
  });
  it('name the op and say what was passed and what to do', () => {
    expect(() => checkTensor('op', [1, 2])).toThrow(
      /op: expected a Tensor, got an array; wrap it with tensor\(\)/,
    );
    expect(() => checkTensor('op', new Float32Array(2))).toThrow(
      /got a Float32Array; wrap it with tensor\(\)/,
    );
    expect(() => checkTensor('op', null)).toThrow(/got null/);
    expect(() => checkTensor('op', 3)).toThrow(/got number 3/);
    expect(() => checkTensorLike('op', '3')).toThrow(
      /op: expected a Tensor or a number, got string 3/,
    );
    expect(() => checkTensorLike('op', new Map())).toThrow(/got a Map/);
  });
  it('tell a Tensor method given an autodiff Var to use the function form instead', () => {
    // Shaped like @gd/autodiff's Var (which tensor cannot import): a value Tensor and requiresGrad.
    class Var {
      value = tensor([1, 2]);
      requiresGrad = true;
    }
    expect(() => tensor([1, 2]).mul(new Var() as never)).toThrow(
      /mul: expected a Tensor or a number, got an autodiff Var; .*mul\(a, b\) from @gd\/autodiff/,
    );
    expect(() => checkTensor('exp', new Var())).toThrow(/exp: .*got an autodiff Var/);
  });
  it('guard the public ops', () => {
    const arr = [1, 2] as never;
    expect(() => add(arr, 1)).toThrow(/add: expected a Tensor or a number, got an array/);
    expect(() => exp(arr)).toThrow(/exp: expected a Tensor or a number/);
    expect(() => sum(arr)).toThrow(/sum: expected a Tensor/);
    expect(() => argmax(arr)).toThrow(/argmax: expected a Tensor/);
    expect(() => softmax(arr)).toThrow(/softmax: expected a Tensor/);
    expect(() => reshape(arr, [2])).toThrow(/reshape: expected a Tensor/);
    expect(() => transpose(arr)).toThrow(/transpose: expected a Tensor/);
    expect(() => flatten(arr)).toThrow(/flatten: expected a Tensor/);
    expect(() => take(arr, [0])).toThrow(/take: expected a Tensor/);
  });
});
