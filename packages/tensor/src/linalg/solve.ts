import { GdTypeError } from '@gd/errors';
import { ShapeError, fmtShape } from '../errors';
import { broadcastShapes } from '../shape';
import { Tensor } from '../tensor';
import { batchIndex, describe, matrixF64, output, resultFloat, squareBatch } from './common';
import { LinAlgError } from './errors';
import { luFactor, luSolve } from './lu';

/**
 * Solves the square linear system A·X = B (`torch.linalg.solve`), by LU factorisation with
 * partial pivoting in float64.
 *
 * $X = A^{-1} B$. A is (..., n, n); B is (..., n, k) — or a batch of vectors (..., n) when it is
 * 1-D or has exactly A's shape without the last axis, as in PyTorch; the result has B's form.
 * Batch dimensions broadcast. Float dtypes promote (float64 wins); the work is done in float64.
 *
 * @throws ShapeError when A is not square or B's rows do not match A's order.
 * @throws LinAlgError when a matrix of A is singular (an exactly zero pivot).
 * @example
 * ```ts
 * solve(tensor([[3, 1], [1, 2]], { dtype: 'float64' }), tensor([9, 8], { dtype: 'float64' })).toArray(); // [2, 3]
 * ```
 */
export function solve(a: Tensor, b: Tensor): Tensor {
  const A = squareBatch('solve', a, 'matrix A');
  if (!(b instanceof Tensor)) {
    throw new GdTypeError(`solve: expected a Tensor right-hand side B, got ${describe(b)}`);
  }
  const dtype = resultFloat('solve', a, b);
  const n = A.n;
  const vector =
    b.ndim === 1 || (b.ndim === a.ndim - 1 && b.shape.every((d, i) => d === a.shape[i]));
  if (b.ndim === 0 || (vector ? b.shape[b.ndim - 1] : b.shape[b.ndim - 2]) !== n) {
    throw new ShapeError(
      `solve: A is ${fmtShape(a.shape)} but B is ${fmtShape(b.shape)}; B must be [..., ${n}] or [..., ${n}, k]`,
    );
  }
  const m = vector ? 1 : b.shape[b.ndim - 1];
  const bBatch = b.shape.slice(0, vector ? -1 : -2);
  const batch = broadcastShapes('solve', A.batch, bBatch);
  const aIdx = batchIndex(A.batch, batch);
  const bIdx = batchIndex(bBatch, batch);
  const out = output(dtype, vector ? [...batch, n] : [...batch, n, m]);
  const x = new Float64Array(n * m);
  for (let i = 0; i < aIdx.length; i++) {
    const f = luFactor(matrixF64(A.data, aIdx[i], n), n);
    if (f.singular) {
      throw new LinAlgError(
        `solve: matrix A${batchLabel(i, batch)} is singular (a pivot of its LU factorisation is exactly 0), so A·X = B has no unique solution; use a least-squares or regularised system instead`,
      );
    }
    luSolve(f, n, b.data, bIdx[i] * n * m, m, x);
    out.data.set(x, i * n * m);
  }
  return out;
}

/** ` (batch index [i, j])` for a matrix of a batch, '' for a single matrix. */
export function batchLabel(i: number, batch: readonly number[]): string {
  if (batch.length === 0) return '';
  const idx: number[] = [];
  for (let ax = batch.length - 1; ax >= 0; ax--) {
    idx.unshift(i % batch[ax]);
    i = Math.floor(i / batch[ax]);
  }
  return ` (batch index ${fmtShape(idx)})`;
}
