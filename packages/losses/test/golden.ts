import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '@gd/tensor';
import { expect } from 'vitest';

/** A tensor as the fixtures store it. */
export interface Enc {
  shape: number[];
  data: number[];
}

/** One golden case written by gen_losses.py. */
export interface LossCase {
  name: string;
  fn: string;
  inputs: Record<string, Enc>;
  labels: Record<string, number | number[] | number[][]>;
  options: Record<string, unknown>;
  value: Enc;
  upstream: Enc;
  grads: Record<string, Enc>;
}

export const fixture: { cases: LossCase[] } = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/losses.json'), 'utf8'),
);

/** The cases of one loss function. */
export function casesOf(fn: string): LossCase[] {
  const cs = fixture.cases.filter((c) => c.fn === fn);
  if (cs.length === 0) throw new Error(`no golden cases for ${fn}`);
  return cs;
}

/** A float64 tensor from its fixture encoding. */
export function dec(e: Enc): Tensor {
  return new Tensor(Float64Array.from(e.data), e.shape);
}

/** Largest |a − b| seen by {@link expectClose}, per test file (reported by the tests). */
export const deviation = { max: 0, where: '' };

/** Asserts `actual` has `expected`'s shape and values within atol + rtol·|expected|. */
export function expectClose(actual: Tensor, expected: Enc, what: string, tol = 1e-12): void {
  expect([...actual.shape], `${what}: shape`).toEqual(expected.shape);
  const a = actual.data;
  for (let i = 0; i < expected.data.length; i++) {
    const e = expected.data[i];
    const d = Math.abs(a[i] - e);
    if (d > deviation.max) {
      deviation.max = d;
      deviation.where = `${what}[${i}] (expected ${e})`;
    }
    if (!(d <= tol + tol * Math.abs(e))) {
      expect.fail(`${what}[${i}]: got ${a[i]}, expected ${e} (|diff| ${d})`);
    }
  }
}
