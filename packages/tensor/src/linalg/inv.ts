import type { Tensor } from '../tensor';
import { matrixF64, output, squareBatch } from './common';
import { LinAlgError } from './errors';
import { luFactor, luSolve } from './lu';
import { batchLabel } from './solve';

/**
 * The inverse of a square matrix (`torch.linalg.inv`), batched over leading dimensions, by LU
 * factorisation with partial pivoting in float64.
 *
 * $A^{-1}$ with $A A^{-1} = A^{-1} A = I$; the result keeps A's shape and float dtype.
 *
 * @throws ShapeError when A is not square.
 * @throws LinAlgError when a matrix is singular (an exactly zero pivot).
 * @example
 * ```ts
 * inv(tensor([[2, 0], [0, 4]], { dtype: 'float64' })).toArray(); // [[0.5, 0], [0, 0.25]]
 * ```
 */
export function inv(a: Tensor): Tensor {
  const A = squareBatch('inv', a);
  const { n } = A;
  const out = output(A.dtype, a.shape);
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  const x = new Float64Array(n * n);
  for (let i = 0; i < A.count; i++) {
    const f = luFactor(matrixF64(A.data, i, n), n);
    if (f.singular) {
      throw new LinAlgError(
        `inv: the matrix${batchLabel(i, A.batch)} is singular (a pivot of its LU factorisation is exactly 0) and has no inverse; solve a regularised system or use a pseudo-inverse instead`,
      );
    }
    luSolve(f, n, eye, 0, n, x);
    out.data.set(x, i * n * n);
  }
  return out;
}
