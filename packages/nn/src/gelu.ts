import { GdRangeError } from '@gd/errors';
import { type Var, add, erfc, mul, neg, tanh } from '@gd/autodiff';
import { Module, type ModuleInput } from './module';

/** Options of {@link GELU}. */
export interface GELUOptions {
  /** `'none'` (default): the exact erf form; `'tanh'`: the tanh approximation. */
  approximate?: 'none' | 'tanh';
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * Gaussian error linear unit, as `torch.nn.GELU`: $\mathrm{GELU}(x) = x\,\Phi(x)$ with Φ the
 * standard normal CDF, $\Phi(x) = \tfrac12(1 + \mathrm{erf}(x/\sqrt2))$ (default, exact), or with
 * `approximate: 'tanh'`: $\tfrac12 x\,(1 + \tanh(\sqrt{2/\pi}\,(x + 0.044715x^3)))$.
 * The exact form is built on `@gd/autodiff`'s `erfc`, so derivatives of every order are exact
 * (GELU″(x) = φ(x)(2 − x²), GELU‴(x) = φ(x)(x³ − 4x), φ the standard normal density).
 *
 * @example
 * ```ts
 * new GELU().forward(tensor([1], { dtype: 'float64' })); // [0.8413447460685429]
 * ```
 */
export class GELU extends Module {
  readonly approximate: 'none' | 'tanh';

  constructor(opts: GELUOptions = {}) {
    super();
    const a = opts.approximate ?? 'none';
    if (a !== 'none' && a !== 'tanh') {
      throw new GdRangeError(`GELU: approximate must be 'none' or 'tanh', got '${String(a)}'`);
    }
    this.approximate = a;
  }

  forward(input: ModuleInput): Var {
    const x = Module.asVar(input);
    if (this.approximate === 'tanh') {
      const inner = mul(add(x, mul(mul(mul(x, x), x), 0.044715)), SQRT_2_OVER_PI);
      return mul(mul(x, 0.5), add(tanh(inner), 1));
    }
    // Φ(x) = ½·erfc(−x/√2): the same value as ½(1 + erf(x/√2)) but without the cancellation of
    // 1 + erf for x ≪ 0, and differentiable to every order through autodiff's erfc.
    return mul(x, mul(erfc(mul(neg(x), Math.SQRT1_2)), 0.5));
  }

  protected override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}
