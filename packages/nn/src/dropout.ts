import { GdRangeError } from '@gd/errors';
import { type Var, mul } from '@gd/autodiff';
import { type Generator, Tensor, rand } from '@gd/tensor';
import { Module, type ModuleInput } from './module';

/** Options of {@link Dropout}. */
export interface DropoutOptions {
  /** Random source for the masks; default the global generator (`manualSeed`). */
  generator?: Generator;
}

/**
 * Dropout, as `torch.nn.Dropout` (inverted dropout): in training each element is zeroed with
 * probability p and the survivors are scaled by 1/(1 − p), so the expected output equals the
 * input; in eval mode it is the identity. p = 1 zeroes everything. Masks come from `generator`
 * (seeded, reproducible).
 *
 * @example
 * ```ts
 * const drop = new Dropout(0.5, { generator: new Generator(0) });
 * drop.forward(ones([4])); // e.g. [2, 0, 2, 2]
 * drop.eval().forward(ones([4])); // [1, 1, 1, 1]
 * ```
 */
export class Dropout extends Module {
  readonly p: number;
  private readonly generator: Generator | undefined;

  constructor(p = 0.5, opts: DropoutOptions = {}) {
    super();
    if (!(p >= 0 && p <= 1)) {
      throw new GdRangeError(`Dropout: p must be a probability in [0, 1], got ${p}`);
    }
    this.p = p;
    this.generator = opts.generator;
  }

  forward(input: ModuleInput): Var {
    const x = Module.asVar(input);
    if (!this.training || this.p === 0) return x;
    const u = rand(x.shape, { dtype: 'float64', generator: this.generator }).data;
    const scale = this.p === 1 ? 0 : 1 / (1 - this.p);
    const mask = x.dtype === 'float64' ? new Float64Array(u.length) : new Float32Array(u.length);
    for (let i = 0; i < u.length; i++) mask[i] = u[i] < this.p ? 0 : scale;
    return mul(x, new Tensor(mask, x.shape));
  }

  protected override extraRepr(): string {
    return `p=${this.p}`;
  }
}
