import { GdRangeError } from '@gd/errors';
import { type Var, mul, relu, sigmoid, softmax, tanh, where } from '@gd/autodiff';
import { greater } from '@gd/tensor';
import { Module, type ModuleInput } from './module';

/**
 * Rectified linear unit, $\mathrm{ReLU}(x) = \max(0, x)$, with ReLU′(0) = 0 as PyTorch.
 * @example `new ReLU().forward(tensor([-1, 2])) // [0, 2]`
 */
export class ReLU extends Module {
  forward(input: ModuleInput): Var {
    return relu(Module.asVar(input));
  }
}

/**
 * Logistic sigmoid, $\sigma(x) = 1 / (1 + e^{-x})$ — the lecture MultiLayerNet's activation.
 * @example `new Sigmoid().forward(tensor([0])) // [0.5]`
 */
export class Sigmoid extends Module {
  forward(input: ModuleInput): Var {
    return sigmoid(Module.asVar(input));
  }
}

/**
 * Hyperbolic tangent, $\tanh(x)$ (tanh′(4) ≈ 0.0013: the vanishing gradient).
 * @example `new Tanh().forward(tensor([0])) // [0]`
 */
export class Tanh extends Module {
  forward(input: ModuleInput): Var {
    return tanh(Module.asVar(input));
  }
}

/**
 * Leaky ReLU, $x$ for $x > 0$ and $\alpha x$ otherwise; α = `negativeSlope`, default 0.01.
 * @example `new LeakyReLU(0.2).forward(tensor([-1, 2])) // [-0.2, 2]`
 */
export class LeakyReLU extends Module {
  readonly negativeSlope: number;

  constructor(negativeSlope = 0.01) {
    super();
    if (!Number.isFinite(negativeSlope)) {
      throw new GdRangeError(`LeakyReLU: negativeSlope must be finite, got ${negativeSlope}`);
    }
    this.negativeSlope = negativeSlope;
  }

  forward(input: ModuleInput): Var {
    const x = Module.asVar(input);
    return where(greater(x.value, 0), x, mul(x, this.negativeSlope));
  }

  protected override extraRepr(): string {
    return `negativeSlope=${this.negativeSlope}`;
  }
}

/**
 * Softmax along `axis` (default −1): $\mathrm{softmax}(x)_i = e^{x_i} / \sum_j e^{x_j}$, stable.
 * For training prefer raw logits with `crossEntropy`, which fuses log-softmax.
 * @example `new Softmax().forward(tensor([[0, 0]])) // [[0.5, 0.5]]`
 */
export class Softmax extends Module {
  readonly axis: number;

  constructor(axis = -1) {
    super();
    if (!Number.isInteger(axis))
      throw new GdRangeError(`Softmax: axis must be an integer, got ${axis}`);
    this.axis = axis;
  }

  forward(input: ModuleInput): Var {
    return softmax(Module.asVar(input), this.axis);
  }

  protected override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}
