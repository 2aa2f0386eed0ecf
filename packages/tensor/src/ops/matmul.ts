import { defineOp } from './registry';
import { GdTypeError } from '@gd/errors';
import { allocate, promoteTypes } from '../dtype';
import { ShapeError, fmtShape } from '../errors';
import { backend } from '../kernels';
import { broadcastShapes, sizeOf, stridesOf } from '../shape';
import { Tensor } from '../tensor';
import { castArray } from './elementwise';

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Use the transpose of `a`'s last two axes, without materialising it. Default false. */
  transposeA?: boolean;
  /** Use the transpose of `b`'s last two axes, without materialising it. Default false. */
  transposeB?: boolean;
}

/**
 * Matrix product with NumPy's `matmul` rules: 1-D·1-D is a dot product, 2-D·2-D a matrix
 * product, a 1-D operand is promoted to a row (left) or column (right) and that axis removed,
 * and leading batch axes broadcast. `transposeA`/`transposeB` multiply by the transpose of the
 * last two axes without copying (what backward passes need: ∂L/∂A = G·Bᵀ, ∂L/∂B = Aᵀ·G).
 *
 * C[..., i, j] = Σₚ A[..., i, p] · B[..., p, j]
 *
 * @example
 * ```ts
 * matmul(tensor([[1, 2], [3, 4]]), tensor([[5], [6]])).toArray(); // [[17], [39]]
 * matmul(x, w, { transposeB: true }); // x · wᵀ
 * ```
 */
export const matmul = /* @__PURE__ */ defineOp(
  'matmul',
  function matmul(a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
    if (!(a instanceof Tensor) || !(b instanceof Tensor))
      throw new GdTypeError('matmul: both operands must be Tensors');
    if (a.ndim === 0 || b.ndim === 0) {
      throw new ShapeError(
        `matmul: operands must have at least 1 dimension, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}; use mul for scalars`,
      );
    }
    const ta = !!opts.transposeA && a.ndim >= 2;
    const tb = !!opts.transposeB && b.ndim >= 2;
    const aS = a.ndim === 1 ? [1, a.shape[0]] : [...a.shape];
    const bS = b.ndim === 1 ? [b.shape[0], 1] : [...b.shape];
    const m = ta ? aS[aS.length - 1] : aS[aS.length - 2];
    const k = ta ? aS[aS.length - 2] : aS[aS.length - 1];
    const k2 = tb ? bS[bS.length - 1] : bS[bS.length - 2];
    const n = tb ? bS[bS.length - 2] : bS[bS.length - 1];
    if (k !== k2) {
      const show = (s: readonly number[], t: boolean) => `${fmtShape(s)}${t ? 'ᵀ' : ''}`;
      throw new ShapeError(
        `matmul: cannot multiply ${show(a.shape, ta)} by ${show(b.shape, tb)} (inner dimensions ${k} ≠ ${k2})`,
      );
    }
    const batch = broadcastShapes('matmul', aS.slice(0, -2), bS.slice(0, -2));
    const dt = promoteTypes(a.dtype, b.dtype) === 'bool' ? 'int32' : promoteTypes(a.dtype, b.dtype);
    const ad = a.dtype === dt ? a.data : castArray(a.data, dt);
    const bd = b.dtype === dt ? b.data : castArray(b.data, dt);
    const nb = sizeOf(batch);
    const out = allocate(dt, nb * m * n);
    const aBatch = batchOffsets(aS.slice(0, -2), batch, m * k);
    const bBatch = batchOffsets(bS.slice(0, -2), batch, k * n);
    const kern = backend();
    for (let i = 0; i < nb; i++)
      kern.gemm(ad, aBatch[i], ta, bd, bBatch[i], tb, out, i * m * n, m, n, k);
    const outShape = [...batch];
    if (a.ndim > 1) outShape.push(m);
    if (b.ndim > 1) outShape.push(n);
    return new Tensor(out, outShape);
  },
);

/** Start offset of each matrix of an operand with batch shape `own` broadcast to `batch`. */
function batchOffsets(own: readonly number[], batch: readonly number[], matSize: number): number[] {
  const nb = sizeOf(batch);
  const offs = new Array<number>(nb);
  const ownStr = stridesOf(own);
  const pad = batch.length - own.length;
  const bStr = stridesOf(batch);
  for (let i = 0; i < nb; i++) {
    let off = 0;
    for (let ax = 0; ax < own.length; ax++) {
      const idx = Math.floor(i / bStr[ax + pad]) % batch[ax + pad];
      if (own[ax] !== 1) off += idx * ownStr[ax];
    }
    offs[i] = off * matSize;
  }
  return offs;
}

/** Dot product of two 1-D tensors: Σᵢ aᵢbᵢ. @example `dot(tensor([1, 2]), tensor([3, 4])).item() // 11` */
export const dot = /* @__PURE__ */ defineOp('dot', function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1)
    throw new ShapeError(
      `dot: expected two 1-D tensors, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`,
    );
  return matmul(a, b);
});
