import { type Var, add, mul, tanh } from '@gd/autodiff';
import { Tensor } from '@gd/tensor';
import { normalCdf } from './erf';
import { Module, type ModuleInput } from './module';

/** Options of {@link GELU}. */
export interface GELUOptions {
  /** `'none'` (default): the exact erf form; `'tanh'`: the tanh approximation. */
  approximate?: 'none' | 'tanh';
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Gaussian error linear unit, as `torch.nn.GELU`: $\mathrm{GELU}(x) = x\,\Phi(x)$ with Φ the
 * standard normal CDF, $\Phi(x) = \tfrac12(1 + \mathrm{erf}(x/\sqrt2))$ (default, exact), or with
 * `approximate: 'tanh'`: $\tfrac12 x\,(1 + \tanh(\sqrt{2/\pi}\,(x + 0.044715x^3)))$.
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
      throw new RangeError(`GELU: approximate must be 'none' or 'tanh', got '${String(a)}'`);
    }
    this.approximate = a;
  }

  forward(input: ModuleInput): Var {
    const x = Module.asVar(input);
    if (this.approximate === 'tanh') {
      const inner = mul(add(x, mul(mul(mul(x, x), x), 0.044715)), SQRT_2_OVER_PI);
      return mul(mul(x, 0.5), add(tanh(inner), 1));
    }
    return mul(x, phiOf(x));
  }

  protected override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}

/**
 * Φ(x) as a differentiable Var. No autodiff op has erf, so Φ is evaluated to double precision on
 * the values and attached through its Taylor expansion in e = x − x₀ (x₀ = x's value, e's value
 * is exactly 0): Φ(x₀) + φ(x₀)e + ½φ′(x₀)e². The value is exactly Φ(x₀), and the first and second
 * derivatives are exact (φ, φ′ = −xφ), so gradients and Hessians of GELU are right.
 */
function phiOf(x: Var): Tensor | Var {
  const v = x.value.data;
  const Arr = x.dtype === 'float64' ? Float64Array : Float32Array;
  const cdf = new Arr(v.length);
  const pdf = new Arr(v.length);
  const dpdf = new Arr(v.length);
  for (let i = 0; i < v.length; i++) {
    const p = INV_SQRT_2PI * Math.exp(-0.5 * v[i] * v[i]);
    cdf[i] = normalCdf(v[i]);
    pdf[i] = p;
    dpdf[i] = -0.5 * v[i] * p;
  }
  const c = new Tensor(cdf, x.shape);
  if (!x.requiresGrad) return c;
  const e = x.sub(x.detach());
  return add(c, mul(e, add(new Tensor(pdf, x.shape), mul(e, new Tensor(dpdf, x.shape)))));
}
