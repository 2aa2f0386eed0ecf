import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { type NestedArray, type Tensor, tensor } from '@gd/tensor';

type Nested = number | Nested[];

/** Golden values written by test/fixtures/gen_linalg.py (torch.linalg, float64). */
// biome-ignore lint/suspicious/noExplicitAny: each routine's records have their own layout
export const golden: Record<string, any> = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'linalg.json'), 'utf8'),
);

/** A float64 tensor from nested numbers. */
export const f64 = (v: Nested): Tensor => tensor(v as NestedArray, { dtype: 'float64' });

/** Flattens nested numbers. */
export const flat = (v: Nested): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);

/** Asserts |got − want| ≤ tol·max(1, max |want|) element-wise (a norm-relative tolerance). */
export function expectClose(got: Tensor, want: Nested, tol: number, label = ''): void {
  const w = flat(want);
  const g = Array.from(got.data as ArrayLike<number>);
  expect(g.length, label).toBe(w.length);
  const scale = Math.max(1, ...w.map(Math.abs));
  for (let i = 0; i < w.length; i++) {
    expect(Math.abs(g[i] - w[i]), `${label}[${i}]: ${g[i]} vs ${w[i]}`).toBeLessThanOrEqual(
      tol * scale,
    );
  }
}

/** Row-major n×n product. */
export function matmulF(a: ArrayLike<number>, b: ArrayLike<number>, n: number, m = n): number[] {
  const out = new Array<number>(n * m).fill(0);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++)
      for (let j = 0; j < m; j++) out[i * m + j] += a[i * n + k] * b[k * m + j];
  return out;
}

/** Arbitrary n×n float64 matrices with entries in [−10, 10] (n in [1, 6]). */
export const squareMatrix = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n })
      .map((xs) => ({ n, xs })),
  );
