import { GdTypeError } from '@gd/errors';
import type { Tensor } from '../tensor';
import { output, squareBatch } from './common';
import { LinAlgError } from './errors';
import { batchLabel } from './solve';

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /** Return the upper factor U = Lᵀ (A = UᵀU) instead of L. Default false, as PyTorch. */
  upper?: boolean;
}

/**
 * The Cholesky factor of a symmetric positive-definite matrix (`torch.linalg.cholesky`), batched
 * over leading dimensions, computed in float64 from A's lower triangle only (the upper one is not
 * read, as in PyTorch).
 *
 * $A = L L^\top$ with L lower triangular and $L_{ii} > 0$:
 * $L_{jj} = \sqrt{A_{jj} - \sum_{k<j} L_{jk}^2}$,
 * $L_{ij} = (A_{ij} - \sum_{k<j} L_{ik} L_{jk}) / L_{jj}$ for i > j. Default `upper: false`.
 *
 * @throws ShapeError when A is not square.
 * @throws LinAlgError when a matrix is not positive-definite (names the failing leading minor).
 * @example
 * ```ts
 * cholesky(tensor([[4, 2], [2, 5]], { dtype: 'float64' })).toArray(); // [[2, 0], [1, 2]]
 * ```
 */
export function cholesky(a: Tensor, opts: CholeskyOptions = {}): Tensor {
  const A = squareBatch('cholesky', a);
  const { n } = A;
  const upper = opts.upper ?? false;
  if (typeof upper !== 'boolean') {
    throw new GdTypeError(`cholesky: option upper must be a boolean, got ${typeof upper}`);
  }
  const out = output(A.dtype, a.shape);
  const l = new Float64Array(n * n);
  for (let b = 0; b < A.count; b++) {
    const off = b * n * n;
    l.fill(0);
    for (let j = 0; j < n; j++) {
      let s = A.data[off + j * n + j];
      for (let k = 0; k < j; k++) s -= l[j * n + k] * l[j * n + k];
      // `!(s > 0)` also catches NaN.
      if (!(s > 0)) {
        throw new LinAlgError(
          `cholesky: the matrix${batchLabel(b, A.batch)} is not positive-definite (its leading minor of order ${j + 1} is not); check that it is symmetric with positive eigenvalues, or add a multiple of the identity`,
        );
      }
      const d = Math.sqrt(s);
      l[j * n + j] = d;
      for (let i = j + 1; i < n; i++) {
        let t = A.data[off + i * n + j];
        for (let k = 0; k < j; k++) t -= l[i * n + k] * l[j * n + k];
        l[i * n + j] = t / d;
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        if (upper) out.data[off + j * n + i] = l[i * n + j];
        else out.data[off + i * n + j] = l[i * n + j];
      }
  }
  return out;
}
