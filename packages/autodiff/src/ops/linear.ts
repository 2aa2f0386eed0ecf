import * as T from '@gd/tensor';
import { type Grad, arg, needs, raw, record, send } from '../engine';
import { Var } from '../var';
import { add } from './arithmetic';
import { matmul } from './matmul';
import { sum } from './reduce';
import { reshape } from './shape';

type Mat = Var | T.Tensor;

/**
 * The affine map of a fully connected layer (PyTorch's `torch.nn.functional.linear`):
 * $y = x W^\top + b$ for `x` of shape [in] or [N, in], `weight` [out, in] and `bias` [out]
 * (or none). Gradients: $\partial L/\partial x = G W$, $\partial L/\partial W = G^\top x$,
 * $\partial L/\partial b = \sum_n G_n$.
 *
 * The same values and gradients as `add(matmul(x, weight, { transposeB: true }), bias)`, to the
 * bit, recorded as one node: the bias is added into the product's fresh buffer instead of into
 * a broadcast copy and a third array. Inputs with batch axes ([B, N, in]) take that composed
 * path.
 *
 * @example
 * ```ts
 * const w = variable(randn([10, 784]).mul(0.01));
 * const b = variable(zeros([10]));
 * const logits = linear(x, w, b); // x: Tensor [batch, 784] → Var [batch, 10]
 * ```
 */
export function linear(x: Var, weight: Mat, bias?: Mat | null): Var;
export function linear(x: Mat, weight: Var, bias?: Mat | null): Var;
export function linear(x: Mat, weight: Mat, bias?: Mat | null): Var | T.Tensor;
export function linear(x: Mat, weight: Mat, bias: Mat | null = null): Var | T.Tensor {
  const xv = raw(x) as T.Tensor;
  const wv = raw(weight) as T.Tensor;
  const bv = bias === null ? null : (raw(bias) as T.Tensor);
  const fused =
    xv.ndim <= 2 &&
    wv.ndim === 2 &&
    (bv === null || (bv.ndim === 1 && bv.dtype === xv.dtype)) &&
    xv.dtype === wv.dtype &&
    T.isFloat(xv.dtype);
  if (!fused) {
    const y = matmul(x, weight, { transposeB: true });
    return bias === null ? y : add(y, bias);
  }
  const y = T.matmul(xv, wv, { transposeB: true });
  if (bv !== null) addRows(y, bv);
  if (!(x instanceof Var) && !(weight instanceof Var) && !(bias instanceof Var)) return y;
  return record('linear', y, x, weight, linearBack, null, bias === null ? null : [bias]);
}

/** y ← y + b with `b` repeated down y's rows, written into `y`'s own (fresh) buffer. */
function addRows(y: T.Tensor, b: T.Tensor): void {
  if (b.shape[0] !== y.shape[y.ndim - 1]) {
    throw new T.ShapeError(
      `linear: bias of shape [${b.shape.join(', ')}] does not match the ${y.shape[y.ndim - 1]} outputs of the weight; pass a bias of shape [${y.shape[y.ndim - 1]}]`,
    );
  }
  // One pass, no broadcast copy of b (measured on [128, 256]: several times faster than a
  // kernel call on a broadcast copy). A float add rounds the same in any correct kernel, so the
  // values are those of add(y, b).
  const d = y.data;
  const bd = b.data;
  const n = bd.length;
  for (let o = 0; o < d.length; o += n) for (let j = 0; j < n; j++) d[o + j] += bd[j];
}

function linearBack(g: Grad, n: Var): void {
  const x = arg(n.x0) as Mat;
  const w = arg(n.x1) as Mat;
  if (needs(n.x0)) send(n.x0, matmul(g, w));
  if (needs(n.x1)) {
    // A single example is the outer product gᵀx of a 1-row batch.
    const g2 = g.ndim === 1 ? reshape(g, [1, g.shape[0]]) : g;
    const x2 = x.ndim === 1 ? reshape(x, [1, x.shape[0]]) : x;
    send(n.x1, matmul(g2, x2, { transposeA: true }));
  }
  const b = n.xs === null ? null : n.xs[0];
  if (needs(b)) send(b, g.ndim === 1 ? g : sum(g, { axis: 0 }));
}
