import {
  ADAM_DEFAULTS,
  type AdamOptions,
  type AdamState,
  adamUpdate,
  initAdamState,
  validateAdam,
} from './adam';
import { ElementwiseOptimizer, resolveOptions } from './optimizer';
import type { FloatArray, ParamGroup, ParamsInput } from './parameter';

/** Options of {@link AdamW}: Adam's, with weightDecay the decoupled decay (default 1e-2). */
export type AdamWOptions = AdamOptions;

const DEFAULTS: AdamWOptions = { ...ADAM_DEFAULTS, weightDecay: 1e-2 };

/**
 * AdamW (Loshchilov & Hutter), exactly torch.optim.AdamW: Adam with the weight decay
 * decoupled from the gradient,
 *
 * $θ ← θ(1 − αλ)$, then the Adam step $θ ← θ − α\frac{m/(1−β₁^t)}{\sqrt{v/(1−β₂^t)} + ε}$
 * on the undecayed gradient.
 *
 * Defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 1e-2, amsgrad false,
 * maximize false, epsInsideSqrt false, biasCorrection 'step'.
 *
 * @example
 * ```ts
 * const opt = new AdamW(model.parameters(), { lr: 1e-3, weightDecay: 0.05 });
 * ```
 */
export class AdamW extends ElementwiseOptimizer<AdamWOptions, AdamState> {
  constructor(params: ParamsInput<AdamWOptions>, options?: Partial<AdamWOptions>) {
    super('AdamW', params, resolveOptions('AdamW', options, DEFAULTS));
  }

  protected validate(o: AdamWOptions, where: string): void {
    validateAdam(where === 'options' ? 'AdamW' : `AdamW: ${where}`, o);
  }

  protected initState(p: FloatArray, o: ParamGroup<AdamWOptions>): AdamState {
    return initAdamState(p, o);
  }

  protected update(p: FloatArray, g: FloatArray, s: AdamState, o: ParamGroup<AdamWOptions>): void {
    adamUpdate(p, g, s, o, 0, o.weightDecay);
  }
}
