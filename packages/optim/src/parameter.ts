import type { Tensor } from '@gd/tensor';

/**
 * What an optimizer updates: a tensor `value` and the gradient `grad` accumulated into it
 * (`null` until the first backward pass). `Var` from `@gd/autodiff` satisfies it, and so does a
 * plain `{ value, grad }` object when gradients are computed by hand.
 *
 * Optimizers write the new values in place into `value.data` and read `grad.data`.
 *
 * @example
 * ```ts
 * const p: Parameter = { value: tensor([1, 2], { dtype: 'float64' }), grad: null };
 * p.grad = tensor([0.5, -1], { dtype: 'float64' });
 * new SGD([p], { lr: 0.1 }).step(); // p.value: [0.95, 2.1]
 * ```
 */
export interface Parameter {
  /** The parameter's current value; updated in place. */
  value: Tensor;
  /** The gradient of the loss with respect to `value`, or `null` when none has been computed. */
  grad: Tensor | null;
}

/** Float typed arrays, the element storage optimizers work on. */
export type FloatArray = Float32Array | Float64Array;

/**
 * One parameter group as given to a constructor: the parameters plus any per-group overrides of
 * the optimizer's options (PyTorch's `[{ params, lr }, ...]`).
 */
export type ParamGroupInput<O> = { params: Iterable<Parameter> } & Partial<O> & {
    [extra: string]: unknown;
  };

/** What optimizer constructors accept: a list of parameters, or a list of parameter groups. */
export type ParamsInput<O> = Iterable<Parameter> | ReadonlyArray<ParamGroupInput<O>>;

/**
 * One parameter group as the optimizer holds it: every option resolved (group value, else the
 * optimizer's default). Mutable: schedulers write `lr` here between steps.
 */
export type ParamGroup<O> = O & { params: Parameter[]; [extra: string]: unknown };

/** A zero-filled (or `fill`-filled) buffer of the same element type and length as `like`. */
export function bufferLike(like: FloatArray, fill = 0): FloatArray {
  const out =
    like instanceof Float32Array ? new Float32Array(like.length) : new Float64Array(like.length);
  if (fill !== 0) out.fill(fill);
  return out;
}
