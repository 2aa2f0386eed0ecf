import { defineVarOp } from '../registry';
import * as T from '@gd/tensor';
import { type Grad, arg, needs, raw, record, send } from '../engine';
import type { Lift2 } from '../lift';
import { Var } from '../var';
import { reshape } from './shape';

type Mat = Var | T.Tensor;

/**
 * Matrix product with NumPy's matmul rules (1-D operands promoted, batch axes broadcast),
 * optionally with the transpose of either operand's last two axes:
 * C = op(A)·op(B). Gradients: ∂L/∂op(A) = G·op(B)ᵀ, ∂L/∂op(B) = op(A)ᵀ·G, summed over broadcast
 * batch axes.
 *
 * @example
 * ```ts
 * const w = variable(randn([784, 10]).mul(0.01));
 * const logits = matmul(x, w); // x: Tensor [batch, 784] → Var [batch, 10]
 * ```
 */
export const matmul = defineVarOp('matmul', function matmul<
  A extends Mat,
  B extends Mat,
>(a: A, b: B, opts: T.MatmulOptions = {}): Lift2<A, B> {
  if (!(a instanceof Var) && !(b instanceof Var)) {
    return T.matmul(a as T.Tensor, b as T.Tensor, opts) as Lift2<A, B>;
  }
  const value = T.matmul(raw(a) as T.Tensor, raw(b) as T.Tensor, opts);
  return record('matmul', value, a, b, matmulBack, opts) as Lift2<A, B>;
});

function matmulBack(g: Grad, n: Var): void {
  const opts = n.aux as T.MatmulOptions;
  const a0 = arg(n.x0) as Mat;
  const b0 = arg(n.x1) as Mat;
  // Promote 1-D operands to matrices (as the forward did) so one rule covers every case.
  const a = a0.ndim === 1 ? reshape(a0, [1, a0.shape[0]]) : a0;
  const b = b0.ndim === 1 ? reshape(b0, [b0.shape[0], 1]) : b0;
  const ta = !!opts.transposeA && a0.ndim >= 2;
  const tb = !!opts.transposeB && b0.ndim >= 2;
  // G gets back the axes the forward dropped for 1-D operands: [..., m, n].
  const gs = [...g.shape];
  if (a0.ndim === 1) gs.splice(gs.length - (b0.ndim === 1 ? 0 : 1), 0, 1);
  if (b0.ndim === 1) gs.push(1);
  const g2 = gs.length === g.ndim ? g : reshape(g, gs);
  if (needs(n.x0)) {
    // op(A) = ta ? Aᵀ : A; ∂L/∂op(A) = G·op(B)ᵀ, transposed back when A was. `send` sums
    // broadcast batch axes away.
    const ga = ta
      ? matmul(b, g2, { transposeA: tb, transposeB: true })
      : matmul(g2, b, { transposeB: !tb });
    send(n.x0, a0.ndim === 1 ? dropAxis(ga, -2) : ga);
  }
  if (needs(n.x1)) {
    const gb = tb
      ? matmul(g2, a, { transposeA: true, transposeB: ta })
      : matmul(a, g2, { transposeA: !ta });
    send(n.x1, b0.ndim === 1 ? dropAxis(gb, -1) : gb);
  }
}

/** Removes the size-1 axis a 1-D operand was promoted with (−2 for A's row, −1 for B's column). */
function dropAxis(x: Grad, axis: -2 | -1): Grad {
  const s = [...x.shape];
  s.splice(s.length + axis, 1);
  return reshape(x, s);
}

/** Dot product of two 1-D operands: Σᵢ aᵢbᵢ. @example `dot(variable(tensor([1, 2])), tensor([3, 4]))  // Var 11` */
export const dot = defineVarOp('dot', function dot<A extends Mat, B extends Mat>(a: A, b: B): Lift2<
  A,
  B
> {
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new T.ShapeError(`dot: expected two 1-D operands, got [${a.shape}] and [${b.shape}]`);
  }
  return matmul(a, b);
});
