import { GdTypeError } from '@gd/errors';
import { type DType, ShapeError, Tensor, fullLike, isFloat, onesLike } from '@gd/tensor';
import { sweep } from './engine';
import type { Var } from './var';

const SCALAR_ONE: Partial<Record<DType, Tensor>> = {};

/** Options of {@link Var.backward}. */
export interface BackwardOptions {
  /** Keep the graph's saved inputs so that backward can run through it again. Default: `createGraph`. */
  retainGraph?: boolean;
  /**
   * Record the backward pass (PyTorch's `create_graph`), so that the gradients accumulated into
   * the leaves are values of Vars ({@link Var.gradVar}) that can be differentiated again.
   * Default false.
   */
  createGraph?: boolean;
}

/**
 * Backpropagates from `root` into the `.grad` of every leaf it depends on (accumulating, as
 * PyTorch): leaf.grad += Σ gradOutput · ∂root/∂leaf. `gradOutput` defaults to 1 for a
 * one-element root and is required otherwise. With `createGraph` the pass is recorded and each
 * leaf's gradient is also available as a differentiable Var, `leaf.gradVar`.
 *
 * @example
 * ```ts
 * const x = variable(tensor([1, 2]));
 * backward(x.mul(3), tensor([1, 1])); // x.grad = [3, 3]
 * ```
 */
export function backward(
  root: Var,
  gradOutput?: Tensor | number,
  opts: BackwardOptions = {},
): void {
  if (!root.requiresGrad) throw notDifferentiable(root);
  let seed: Tensor;
  if (gradOutput === undefined) {
    if (root.size !== 1) {
      throw new ShapeError(
        `backward: grad can be implicitly created only for a one-element output, got shape [${root.shape.join(', ')}]; pass gradOutput of that shape (e.g. onesLike(y.value)) or reduce with sum()/mean() first`,
      );
    }
    // A shared 0-d seed saves an allocation per step; rules never write into gradients, and a
    // leaf's .grad is always a copy.
    seed =
      root.ndim === 0 ? (SCALAR_ONE[root.dtype] ??= onesLike(root.value)) : onesLike(root.value);
  } else if (typeof gradOutput === 'number') {
    seed = fullLike(root.value, gradOutput);
  } else {
    if (!(gradOutput instanceof Tensor))
      throw new GdTypeError('backward: gradOutput must be a Tensor or number');
    if (
      gradOutput.shape.length !== root.shape.length ||
      gradOutput.shape.some((d, i) => d !== root.shape[i])
    ) {
      throw new ShapeError(
        `backward: gradOutput has shape [${gradOutput.shape.join(', ')}] but the output has [${root.shape.join(', ')}]; they must match`,
      );
    }
    seed = gradOutput;
  }
  const createGraph = !!opts.createGraph;
  sweep([root], [seed], {
    retainGraph: opts.retainGraph ?? createGraph,
    createGraph,
    targets: null,
  });
}

/** The error for a backward call on a Var that carries no graph, saying why. */
export function notDifferentiable(v: Var): Error {
  if (!isFloat(v.dtype)) {
    return new GdTypeError(
      `backward: this Var is the ${v.dtype} result of '${v.op}', which is not differentiable; differentiate a float expression instead`,
    );
  }
  return new GdTypeError(
    `backward: this Var does not require grad: ${v.op === 'leaf' ? 'it is a leaf made with { requiresGrad: false } or detach()' : `no input of '${v.op}' requires grad (made inside noGrad(), or only from constants)`}`,
  );
}
