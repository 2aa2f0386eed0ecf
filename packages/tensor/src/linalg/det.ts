import type { Tensor } from '../tensor';
import { matrixF64, output, squareBatch } from './common';
import { luFactor } from './lu';

/**
 * The determinant of a square matrix (`torch.linalg.det`), batched over leading dimensions:
 * the product of U's diagonal from an LU factorisation with partial pivoting (in float64), times
 * the permutation's sign.
 *
 * $\det A = \operatorname{sign}(P) \prod_i U_{ii}$ for $PA = LU$; 0 for a singular matrix (no
 * error, as PyTorch). The result has A's batch shape (a 0-d tensor for one matrix); the 0×0
 * matrix has determinant 1.
 *
 * @throws ShapeError when A is not square.
 * @example
 * ```ts
 * det(tensor([[1, 2], [3, 4]], { dtype: 'float64' })).item(); // -2
 * ```
 */
export function det(a: Tensor): Tensor {
  const A = squareBatch('det', a);
  const { n } = A;
  const out = output(A.dtype, A.batch);
  for (let i = 0; i < A.count; i++) {
    const f = luFactor(matrixF64(A.data, i, n), n);
    let d = f.sign;
    for (let k = 0; k < n; k++) d *= f.lu[k * n + k];
    out.data[i] = d;
  }
  return out;
}
