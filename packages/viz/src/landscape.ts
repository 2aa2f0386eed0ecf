import { GdRangeError, GdTypeError } from '@gd/errors';
import { type Generator, type Tensor, randn } from '@gd/tensor';
import { assertPositiveInt, assertRange } from './errors';
import type { Grid2D } from './grid';

/** A loss evaluated at a list of parameter tensors; a scalar Tensor/Var (anything with `item()`) works too. */
export type LossFn = (params: Tensor[]) => number | { item(): number };

/** How a random direction is rescaled to the parameters (Li et al. 2018, §4). */
export type DirectionNormalization = 'filter' | 'layer' | 'none';

/** Options of {@link randomDirection}. */
export interface DirectionOptions {
  /** Source of randomness (default: @gd/tensor's default generator, seeded by `manualSeed`). */
  generator?: Generator;
  /** `'filter'` (default): each filter d_{i,j} ← d_{i,j}/‖d_{i,j}‖ · ‖θ_{i,j}‖; `'layer'`: per tensor; `'none'`: raw Gaussian. 1-D tensors get d = θ (except with `'none'`). */
  normalization?: DirectionNormalization;
  /** Zero the direction of 1-D tensors (biases, BatchNorm), Li et al.'s `--xignore biasbn` (default false). */
  ignoreBiases?: boolean;
}

function checkParams(op: string, params: Tensor[]): void {
  if (!Array.isArray(params) || params.length === 0) {
    throw new GdRangeError(`${op}: params must be a non-empty array of Tensors`);
  }
  params.forEach((p, i) => {
    if (!p || typeof p !== 'object' || !('data' in p) || !('shape' in p)) {
      throw new GdTypeError(`${op}: params[${i}] must be a Tensor`);
    }
    if (p.dtype !== 'float32' && p.dtype !== 'float64') {
      throw new GdTypeError(
        `${op}: params[${i}] has dtype ${p.dtype}; landscapes need float32 or float64 parameters`,
      );
    }
  });
}

function checkDirection(op: string, what: string, d: Tensor[], params: Tensor[]): void {
  if (!Array.isArray(d) || d.length !== params.length) {
    throw new GdRangeError(
      `${op}: ${what} must have one tensor per parameter (${params.length}), got ${Array.isArray(d) ? d.length : typeof d}`,
    );
  }
  d.forEach((t, i) => {
    if (!t || t.size !== params[i].size || t.shape.join(',') !== params[i].shape.join(',')) {
      throw new GdRangeError(
        `${op}: ${what}[${i}] has shape [${t?.shape?.join(', ')}] but params[${i}] has shape [${params[i].shape.join(', ')}]`,
      );
    }
  });
}

/**
 * Rescales direction tensors to the parameters' scale, in place (Li et al. 2018 filter
 * normalisation): for each filter j of tensor i (a slice along axis 0),
 * $d_{i,j} ← \frac{d_{i,j}}{‖d_{i,j}‖ + 10^{-10}} ‖θ_{i,j}‖$; `'layer'` uses whole tensors.
 * 1-D and 0-d tensors (biases, BatchNorm) get d = θ, as the reference code does, or d = 0 with
 * `ignoreBiases`.
 *
 * @example
 * ```js
 * normalizeDirection(dir, params, 'filter');
 * ```
 */
export function normalizeDirection(
  direction: Tensor[],
  params: Tensor[],
  normalization: DirectionNormalization = 'filter',
  ignoreBiases = false,
): Tensor[] {
  const op = 'normalizeDirection';
  checkParams(op, params);
  checkDirection(op, 'direction', direction, params);
  if (!['filter', 'layer', 'none'].includes(normalization)) {
    throw new GdRangeError(
      `${op}: normalization must be 'filter', 'layer' or 'none', got ${String(normalization)}`,
    );
  }
  direction.forEach((d, i) => {
    const p = params[i];
    const dd = d.data as Float32Array | Float64Array;
    const pd = p.data as Float32Array | Float64Array;
    if (ignoreBiases && p.ndim <= 1) {
      dd.fill(0);
      return;
    }
    if (normalization === 'none') return;
    if (p.ndim <= 1) {
      // Li et al.'s reference code (normalize_directions_for_weights) sets d = θ for tensors
      // with one value per node instead of rescaling a random draw
      dd.set(pd);
      return;
    }
    const groups = normalization === 'layer' ? 1 : p.shape[0];
    const len = p.size / groups;
    for (let g = 0; g < groups; g++) {
      let dn = 0;
      let pn = 0;
      for (let k = g * len; k < (g + 1) * len; k++) {
        dn += dd[k] * dd[k];
        pn += pd[k] * pd[k];
      }
      const s = Math.sqrt(pn) / (Math.sqrt(dn) + 1e-10);
      for (let k = g * len; k < (g + 1) * len; k++) dd[k] *= s;
    }
  });
  return direction;
}

/**
 * A random Gaussian direction in parameter space, one tensor per parameter (same shapes and
 * dtypes), filter-normalised by default so that plots of different networks are comparable
 * (Li et al., "Visualizing the Loss Landscape of Neural Nets", 2018).
 *
 * @example
 * ```js
 * const d = randomDirection([w, b], { generator: new Generator(0) });
 * ```
 */
export function randomDirection(params: Tensor[], options: DirectionOptions = {}): Tensor[] {
  const op = 'randomDirection';
  checkParams(op, params);
  const dir = params.map((p) => randn(p.shape, { dtype: p.dtype, generator: options.generator }));
  return normalizeDirection(
    dir,
    params,
    options.normalization ?? 'filter',
    options.ignoreBiases ?? false,
  );
}

function evalLoss(op: string, loss: LossFn, params: Tensor[], at: string): number {
  const r = loss(params);
  if (typeof r === 'number') return r;
  if (r && typeof r.item === 'function') return r.item();
  throw new GdTypeError(
    `${op}: loss must return a number or a scalar Tensor, got ${typeof r} at ${at}`,
  );
}

function linspace(op: string, what: string, r: [number, number], n: number): number[] {
  assertRange(op, what, r);
  assertPositiveInt(op, `steps for ${what}`, n, 2);
  return Array.from({ length: n }, (_, i) => r[0] + ((r[1] - r[0]) * i) / (n - 1));
}

/** Working copies of the parameters that the loss sees; restored values never leak to the caller's tensors. */
function workCopies(params: Tensor[]): Tensor[] {
  return params.map((p) => p.clone());
}

/** Options of {@link landscape1d}. */
export interface Landscape1DOptions extends DirectionOptions {
  /** Direction d (default: {@link randomDirection} with these options). */
  direction?: Tensor[];
  /** Range of α (default [−1, 1]). */
  range?: [number, number];
  /** Number of α values (default 51). */
  steps?: number;
}

/** Result of {@link landscape1d} and {@link interpolationCurve}. */
export interface Landscape1D {
  alphas: number[];
  losses: number[];
  /** The direction used (for landscape1d; the difference θ₁ − θ₀ for interpolations). */
  direction: Tensor[];
}

/**
 * The loss along a line through the parameters: $L(θ + α d)$ for α evenly spaced over `range`
 * (cs231n's 1-D loss slice, Li et al.'s 1-D plot). `params` are not modified; the loss receives
 * working copies.
 *
 * Defaults: random filter-normalised d, α ∈ [−1, 1], 51 steps.
 *
 * @example
 * ```js
 * const { alphas, losses } = landscape1d((p) => lossOf(p), [w], { steps: 41 });
 * const svg = linePlot({ x: alphas, y: losses }, { xLabel: 'α', yLabel: 'loss' });
 * ```
 */
export function landscape1d(
  loss: LossFn,
  params: Tensor[],
  options: Landscape1DOptions = {},
): Landscape1D {
  const op = 'landscape1d';
  if (typeof loss !== 'function')
    throw new GdTypeError(`${op}: loss must be a function (params: Tensor[]) => number`);
  checkParams(op, params);
  const alphas = linspace(op, 'range', options.range ?? [-1, 1], options.steps ?? 51);
  const direction = options.direction ?? randomDirection(params, options);
  checkDirection(op, 'direction', direction, params);
  const work = workCopies(params);
  const losses = alphas.map((a) => {
    work.forEach((w, i) => {
      const wd = w.data;
      const pd = params[i].data;
      const dd = direction[i].data;
      for (let k = 0; k < wd.length; k++) wd[k] = pd[k] + a * dd[k];
    });
    return evalLoss(op, loss, work, `α = ${a}`);
  });
  return { alphas, losses, direction };
}

/** Options of {@link landscape2d}. */
export interface Landscape2DOptions extends DirectionOptions {
  /** Directions [d₁, d₂] (default: two independent {@link randomDirection}s). */
  directions?: [Tensor[], Tensor[]];
  /** Range of α (default [−1, 1]). */
  xRange?: [number, number];
  /** Range of β (default [−1, 1]). */
  yRange?: [number, number];
  /** Grid points per axis, or [nα, nβ] (default 31). */
  steps?: number | [number, number];
}

/** Result of {@link landscape2d}: a {@link Grid2D} (x = α, y = β, z[j][i] = L(θ + α_i d₁ + β_j d₂)). */
export interface Landscape2D extends Grid2D {
  directions: [Tensor[], Tensor[]];
}

/**
 * The loss on a plane through the parameters: $L(θ + α d_1 + β d_2)$ on a grid (cs231n's 2-D loss
 * slices, Li et al.'s contour plots). The result is a {@link Grid2D} that `contourPlot`,
 * `heatmap` and `surfacePlot` draw directly.
 *
 * Defaults: two random filter-normalised directions, α, β ∈ [−1, 1], 31 × 31 points.
 *
 * @example
 * ```js
 * const grid = landscape2d(lossOf, [w], { steps: 41 });
 * const svg = heatmap(grid, { xLabel: 'α', yLabel: 'β' });
 * ```
 */
export function landscape2d(
  loss: LossFn,
  params: Tensor[],
  options: Landscape2DOptions = {},
): Landscape2D {
  const op = 'landscape2d';
  if (typeof loss !== 'function')
    throw new GdTypeError(`${op}: loss must be a function (params: Tensor[]) => number`);
  checkParams(op, params);
  const [nx, ny] = Array.isArray(options.steps)
    ? options.steps
    : [options.steps ?? 31, options.steps ?? 31];
  const x = linspace(op, 'xRange', options.xRange ?? [-1, 1], nx);
  const y = linspace(op, 'yRange', options.yRange ?? [-1, 1], ny);
  const directions = options.directions ?? [
    randomDirection(params, options),
    randomDirection(params, options),
  ];
  if (!Array.isArray(directions) || directions.length !== 2) {
    throw new GdRangeError(`${op}: directions must be a pair [d1, d2]`);
  }
  checkDirection(op, 'directions[0]', directions[0], params);
  checkDirection(op, 'directions[1]', directions[1], params);
  const work = workCopies(params);
  const z = y.map((b) =>
    x.map((a) => {
      work.forEach((w, i) => {
        const wd = w.data;
        const pd = params[i].data;
        const d1 = directions[0][i].data;
        const d2 = directions[1][i].data;
        for (let k = 0; k < wd.length; k++) wd[k] = pd[k] + a * d1[k] + b * d2[k];
      });
      return evalLoss(op, loss, work, `(α, β) = (${a}, ${b})`);
    }),
  );
  return { x, y, z, directions };
}

/** Options of {@link interpolationCurve}. */
export interface InterpolationOptions {
  /** Range of α (default [−0.5, 1.5], extrapolating past both ends). */
  range?: [number, number];
  /** Number of α values (default 41). */
  steps?: number;
}

/**
 * The loss on the straight line between two parameter sets, $L((1 − α) θ_0 + α θ_1)$
 * (Goodfellow et al. 2015; Li et al. 2018 §3), e.g. initial vs trained weights or two minima.
 *
 * Defaults: α ∈ [−0.5, 1.5], 41 steps.
 *
 * @example
 * ```js
 * const { alphas, losses } = interpolationCurve(lossOf, initial, trained);
 * ```
 */
export function interpolationCurve(
  loss: LossFn,
  from: Tensor[],
  to: Tensor[],
  options: InterpolationOptions = {},
): Landscape1D {
  const op = 'interpolationCurve';
  if (typeof loss !== 'function')
    throw new GdTypeError(`${op}: loss must be a function (params: Tensor[]) => number`);
  checkParams(op, from);
  checkDirection(op, 'to', to, from);
  const alphas = linspace(op, 'range', options.range ?? [-0.5, 1.5], options.steps ?? 41);
  const direction = from.map((p, i) => {
    const d = p.clone();
    const dd = d.data;
    const td = to[i].data;
    for (let k = 0; k < dd.length; k++) dd[k] = td[k] - dd[k];
    return d;
  });
  const r = landscape1d(loss, from, {
    direction,
    range: options.range ?? [-0.5, 1.5],
    steps: alphas.length,
  });
  return { alphas: r.alphas, losses: r.losses, direction };
}
