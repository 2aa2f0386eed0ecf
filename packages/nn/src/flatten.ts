import { GdRangeError } from '@gd/errors';
import { type Var, flatten } from '@gd/autodiff';
import { Module, type ModuleInput } from './module';

/**
 * Flattens axes `startAxis..endAxis` (default 1..−1, keeping the batch axis) into one, as
 * `torch.nn.Flatten`: [N, 1, 28, 28] → [N, 784].
 *
 * @example
 * ```ts
 * new Flatten().forward(zeros([2, 1, 28, 28])).shape; // [2, 784]
 * ```
 */
export class Flatten extends Module {
  readonly startAxis: number;
  readonly endAxis: number;

  constructor(startAxis = 1, endAxis = -1) {
    super();
    if (!Number.isInteger(startAxis) || !Number.isInteger(endAxis)) {
      throw new GdRangeError(`Flatten: axes must be integers, got ${startAxis}, ${endAxis}`);
    }
    this.startAxis = startAxis;
    this.endAxis = endAxis;
  }

  forward(input: ModuleInput): Var {
    return flatten(Module.asVar(input), this.startAxis, this.endAxis);
  }

  protected override extraRepr(): string {
    return `startAxis=${this.startAxis}, endAxis=${this.endAxis}`;
  }
}
