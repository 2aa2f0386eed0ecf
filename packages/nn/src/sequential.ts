import { GdRangeError } from '@gd/errors';
import type { Var } from '@gd/autodiff';
import { Module, type ModuleInput } from './module';

/**
 * A chain of modules applied in order, as `torch.nn.Sequential`: forward(x) = mₙ(…m₂(m₁(x))).
 * Children are named '0', '1', … so parameters are '0.weight', '0.bias', ….
 *
 * @example
 * ```ts
 * const net = new Sequential(new Linear(784, 40), new ReLU(), new Linear(40, 10));
 * net.forward(x); // [batch, 10]
 * ```
 */
export class Sequential extends Module {
  private readonly layers: Module[] = [];

  constructor(...modules: Module[]) {
    super();
    for (const m of modules) this.append(m);
  }

  /** Adds a module at the end; returns this. */
  append(module: Module): this {
    this.registerModule(String(this.layers.length), module);
    this.layers.push(module);
    return this;
  }

  /** Number of modules. */
  get length(): number {
    return this.layers.length;
  }

  /** The i-th module (negative counts from the end). */
  at(i: number): Module {
    const m = this.layers.at(i);
    if (m === undefined) {
      throw new GdRangeError(
        `Sequential.at: index ${i} is out of range for ${this.layers.length} modules`,
      );
    }
    return m;
  }

  [Symbol.iterator](): Iterator<Module> {
    return this.layers[Symbol.iterator]();
  }

  forward(input: ModuleInput): Var {
    let x: Var = Module.asVar(input);
    for (const m of this.layers) x = m.forward(x);
    return x;
  }
}
