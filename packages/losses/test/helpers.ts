import { type Var, gradCheck } from '@gd/autodiff';
import { Generator, type Tensor, randn, tensor } from '@gd/tensor';
import { expect } from 'vitest';

/** float64 N(0, scale²) samples of `shape`, from a fixed seed. */
export function r64(shape: number[], seed: number, scale = 1): Tensor {
  return randn(shape, { dtype: 'float64', generator: new Generator(seed) }).mul(scale);
}

/** float64 tensor from nested numbers. */
export function t64(x: number | number[] | number[][]): Tensor {
  return tensor(x, { dtype: 'float64' });
}

/** Asserts that autodiff's gradCheck passes for `f` at `inputs`. */
export function expectGradCheck(f: (...xs: Var[]) => Var, inputs: Tensor[]): void {
  const r = gradCheck(f as never, inputs);
  expect(r.ok, `gradCheck failed: ${JSON.stringify(r)}`).toBe(true);
}
