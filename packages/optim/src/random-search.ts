import { GdTypeError } from '@gd/errors';
import { Generator, ShapeError, defaultGenerator } from '@gd/tensor';
import { type Closure, Optimizer, lossValue, resolveOptions } from './optimizer';
import type { FloatArray, ParamGroup, ParamsInput, Parameter } from './parameter';
import { nonNegative, owner, positiveInteger } from './validate';

/** Options of {@link RandomSearch}. */
export interface RandomSearchOptions {
  /** Standard deviation σ of each fresh draw $W \sim σ·N(0, 1)$. Default 1e-4 (the lecture's). */
  std: number;
}

/** Options of {@link RandomLocalSearch}. */
export interface RandomLocalSearchOptions {
  /** Standard deviation σ of each perturbation $δW \sim σ·N(0, 1)$. Default 1e-4 (the lecture's). */
  stepSize: number;
}

/** State of one parameter under the random searches: the best values seen. */
export type SearchState = {
  /** The parameter's values at the best loss so far. */
  best: FloatArray;
  /** The best loss so far (kept on every parameter). */
  bestLoss: number;
};

/**
 * Shared machinery of the zeroth-order searches: propose new values in place, evaluate the
 * closure, keep them if the loss dropped below the best so far, otherwise restore the best.
 */
abstract class SearchOptimizer<O extends object> extends Optimizer<O, SearchState> {
  protected readonly generator: Generator;

  constructor(name: string, params: ParamsInput<O>, defaults: O, generator: Generator | undefined) {
    super(name, params, defaults);
    if (generator !== undefined && !(generator instanceof Generator)) {
      throw new GdTypeError(`${name}: generator must be a Generator from @gd/tensor`);
    }
    this.generator = generator ?? defaultGenerator;
  }

  /**
   * The loaded best values must have one element per parameter element (ShapeError otherwise)
   * and take the parameter's dtype.
   */
  protected override adoptState(param: Parameter, state: SearchState, id: string): SearchState {
    const data = param.value.data as FloatArray;
    const best = state.best as unknown;
    if (!(best instanceof Float64Array || best instanceof Float32Array)) {
      throw new GdTypeError(
        `${this.name}.loadStateDict: state 'best' of parameter ${id} is not a buffer`,
      );
    }
    if (best.length !== data.length) {
      throw new ShapeError(
        `${this.name}.loadStateDict: state 'best' of parameter ${id} has ${best.length} elements but the parameter has ${data.length} (shape [${param.value.shape.join(', ')}]); load a state dict saved for the same parameters`,
      );
    }
    if (best.constructor !== data.constructor) {
      state.best = data instanceof Float32Array ? Float32Array.from(best) : Float64Array.from(best);
    }
    return state;
  }

  /** Writes the candidate into `p` given the best values so far. */
  protected abstract propose(p: FloatArray, best: FloatArray, group: ParamGroup<O>): void;

  /** The lowest loss seen so far (Infinity before the first step). */
  get bestLoss(): number {
    for (const s of this.state.values()) return s.bestLoss;
    return Number.POSITIVE_INFINITY;
  }

  /**
   * One trial: proposes new values, evaluates `closure` (which only needs to return the loss; no
   * gradients are used) and keeps the proposal if its loss beats the best so far. Returns the
   * trial's loss; the parameters hold the best values afterwards.
   */
  override step(closure?: Closure): number {
    if (typeof closure !== 'function') {
      throw new GdTypeError(`${this.name}: step needs a closure that returns the loss`);
    }
    const bestLoss = this.bestLoss;
    const all: Array<[FloatArray, SearchState]> = [];
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        const data = p.value.data as FloatArray;
        let s = this.state.get(p);
        if (s === undefined) {
          s = { best: data.slice(), bestLoss };
          this.state.set(p, s);
        }
        this.propose(data, s.best, group);
        all.push([data, s]);
      }
    }
    const loss = lossValue(this.name, closure());
    const improved = loss < bestLoss;
    for (const [data, s] of all) {
      if (improved) {
        s.best.set(data);
        s.bestLoss = loss;
      } else {
        data.set(s.best);
      }
    }
    return loss;
  }
}

/**
 * cs231n's "strategy 1" (cs231n: Optimization), random search: each step draws every parameter afresh,
 * $W \sim σ·N(0, 1)$, evaluates the loss and keeps the draw if it is the best so far.
 * A baseline to compare gradient methods against, not a method to train with.
 *
 * Defaults: std 1e-4; generator: the default generator of @gd/tensor.
 *
 * @example
 * ```ts
 * const search = new RandomSearch([w], { std: 1e-4 });
 * for (let i = 0; i < 1000; i++) search.step(() => loss(w));
 * search.bestLoss; // w holds the best draw
 * ```
 */
export class RandomSearch extends SearchOptimizer<RandomSearchOptions> {
  constructor(
    params: ParamsInput<RandomSearchOptions>,
    options: Partial<RandomSearchOptions> & { generator?: Generator } = {},
  ) {
    const { generator, ...rest } = options;
    super('RandomSearch', params, resolveOptions('RandomSearch', rest, { std: 1e-4 }), generator);
  }

  protected validate(o: RandomSearchOptions, where: string): void {
    nonNegative(owner('RandomSearch', where), 'std', o.std);
  }

  protected propose(p: FloatArray, _best: FloatArray, o: ParamGroup<RandomSearchOptions>): void {
    for (let i = 0; i < p.length; i++) p[i] = o.std * this.generator.normal();
  }
}

/**
 * cs231n's "strategy 2" (cs231n: Optimization), random local search: each step perturbs the best
 * parameters, $W_{try} = W + δW,\ δW \sim σ·N(0, 1)$, and moves there only if the loss drops.
 *
 * Defaults: stepSize 1e-4; generator: the default generator of @gd/tensor.
 *
 * @example
 * ```ts
 * const search = new RandomLocalSearch([w], { stepSize: 1e-4 });
 * for (let i = 0; i < 1000; i++) search.step(() => loss(w));
 * ```
 */
export class RandomLocalSearch extends SearchOptimizer<RandomLocalSearchOptions> {
  constructor(
    params: ParamsInput<RandomLocalSearchOptions>,
    options: Partial<RandomLocalSearchOptions> & { generator?: Generator } = {},
  ) {
    const { generator, ...rest } = options;
    super(
      'RandomLocalSearch',
      params,
      resolveOptions('RandomLocalSearch', rest, { stepSize: 1e-4 }),
      generator,
    );
  }

  protected validate(o: RandomLocalSearchOptions, where: string): void {
    nonNegative(owner('RandomLocalSearch', where), 'stepSize', o.stepSize);
  }

  protected propose(
    p: FloatArray,
    best: FloatArray,
    o: ParamGroup<RandomLocalSearchOptions>,
  ): void {
    for (let i = 0; i < p.length; i++) p[i] = best[i] + o.stepSize * this.generator.normal();
  }
}

/** Result of {@link randomSearch} and {@link randomLocalSearch}. */
export interface SearchResult {
  /** The best loss found; the parameters hold the values that reached it. */
  bestLoss: number;
  /** The loss of every trial, in order. */
  losses: number[];
  /** The best loss after each trial (cs231n prints this). */
  bestLosses: number[];
}

function run(search: SearchOptimizer<object>, closure: Closure, trials: number): SearchResult {
  const losses: number[] = [];
  const bestLosses: number[] = [];
  for (let i = 0; i < trials; i++) {
    losses.push(search.step(closure));
    bestLosses.push(search.bestLoss);
  }
  return { bestLoss: search.bestLoss, losses, bestLosses };
}

/**
 * Runs `trials` steps of {@link RandomSearch} over `params` (best of N random draws).
 * Defaults: trials 1000, std 1e-4.
 *
 * @example
 * ```ts
 * const { bestLoss } = randomSearch([w], () => loss(w), { trials: 1000 });
 * ```
 */
export function randomSearch(
  params: ParamsInput<RandomSearchOptions>,
  closure: Closure,
  {
    trials = 1000,
    ...options
  }: Partial<RandomSearchOptions> & { trials?: number; generator?: Generator } = {},
): SearchResult {
  positiveInteger('randomSearch', 'trials', trials);
  return run(new RandomSearch(params, options), closure, trials);
}

/**
 * Runs `trials` steps of {@link RandomLocalSearch} over `params` (perturb, keep if better).
 * Defaults: trials 1000, stepSize 1e-4.
 *
 * @example
 * ```ts
 * const { bestLoss } = randomLocalSearch([w], () => loss(w), { trials: 1000, stepSize: 1e-3 });
 * ```
 */
export function randomLocalSearch(
  params: ParamsInput<RandomLocalSearchOptions>,
  closure: Closure,
  {
    trials = 1000,
    ...options
  }: Partial<RandomLocalSearchOptions> & { trials?: number; generator?: Generator } = {},
): SearchResult {
  positiveInteger('randomLocalSearch', 'trials', trials);
  return run(new RandomLocalSearch(params, options), closure, trials);
}
