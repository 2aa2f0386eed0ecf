import { Linear, type LinearOptions } from './linear';

/**
 * The cs231n linear score function (cs231n: Optimization), $f(x_i; W, b) = Wx_i + b$: a {@link Linear} layer
 * from `inputs` features to `classes` scores (W is [classes, inputs], as the notes' [10 × 3073]).
 * Train it with `multiclassHinge` (SVM) or `crossEntropy` (softmax) from @gd/losses.
 *
 * @example
 * ```ts
 * const model = linearClassifier(3072, 10);
 * const scores = model.forward(x); // [batch, 10]
 * ```
 */
export function linearClassifier(
  inputs: number,
  classes: number,
  opts: LinearOptions = {},
): Linear {
  return new Linear(inputs, classes, opts);
}
