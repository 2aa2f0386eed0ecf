import { getMomentum, type MomentumKey, momentumKeyOf, setMomentum } from './momentum.js';
import type { OptimizerLike } from './optimizer.js';
import type { Schedule } from './schedule.js';
import { LRScheduler } from './scheduler.js';
import { callable, finite, nonNegative, oneOf, perGroup, positive } from './validate.js';

/** CyclicLR's built-in amplitude policies. */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';
/** Whether a custom `scaleFn` sees the cycle number or the iteration count. */
export type ScaleMode = 'cycle' | 'iterations';

/** The shape of a cycle, shared by {@link CyclicLR} and the pure cyclic schedules. */
export interface CyclicShapeOptions {
  /** Iterations in the increasing half of a cycle; default 2000. */
  stepSizeUp?: number;
  /** Iterations in the decreasing half; default `stepSizeUp`. */
  stepSizeDown?: number | null;
  /** Amplitude policy; default 'triangular'. Ignored when `scaleFn` is given. */
  mode?: CyclicMode;
  /** Base of 'exp_range': amplitude · gamma^iteration; default 1. */
  gamma?: number;
  /** Custom amplitude scaling, 0 ≤ scaleFn(x) ≤ 1; overrides `mode`. Not serialised. */
  scaleFn?: ((x: number) => number) | null;
  /** What `scaleFn` receives; default 'cycle'. */
  scaleMode?: ScaleMode;
}

/** Options of {@link CyclicLR}. */
export interface CyclicLROptions extends CyclicShapeOptions {
  /** Lower lr boundary, one value or one per group. */
  baseLr: number | readonly number[];
  /** Upper lr boundary, one value or one per group. */
  maxLr: number | readonly number[];
  /** Cycle momentum inversely to the lr (`momentum` or Adam's `betas[0]`); default true. */
  cycleMomentum?: boolean;
  /** Momentum at the lr peak; default 0.8. */
  baseMomentum?: number | readonly number[];
  /** Momentum at the lr trough; default 0.9. */
  maxMomentum?: number | readonly number[];
  /** Index of the last batch when resuming; default −1. */
  lastEpoch?: number;
}

/** The validated shape: per-iteration triangle height and amplitude scale. */
interface CyclicShape {
  totalSize: number;
  stepRatio: number;
  mode: CyclicMode;
  gamma: number;
  scaleMode: ScaleMode;
  scaleFn: ((x: number) => number) | null;
}

/** Validates the cycle options and derives the cycle length and up-ratio. */
function cyclicShape(owner: string, options: CyclicShapeOptions): CyclicShape {
  const up = positive(owner, 'stepSizeUp', options.stepSizeUp ?? 2000);
  const down =
    options.stepSizeDown == null ? up : nonNegative(owner, 'stepSizeDown', options.stepSizeDown);
  const totalSize = up + down;
  const scaleFn =
    options.scaleFn == null
      ? null
      : callable<(x: number) => number>(owner, 'scaleFn', options.scaleFn);
  const mode = (options.mode ?? 'triangular') as CyclicMode;
  if (scaleFn === null) oneOf(owner, 'mode', mode, ['triangular', 'triangular2', 'exp_range']);
  const scaleMode =
    scaleFn === null
      ? mode === 'exp_range'
        ? 'iterations'
        : 'cycle'
      : oneOf(owner, 'scaleMode', options.scaleMode ?? 'cycle', ['cycle', 'iterations']);
  return {
    totalSize,
    stepRatio: up / totalSize,
    mode,
    gamma: nonNegative(owner, 'gamma', options.gamma ?? 1),
    scaleMode,
    scaleFn,
  };
}

/**
 * For iteration t: the triangle height in [0, 1] and the amplitude scale, as PyTorch's
 * `CyclicLR.get_lr` computes them.
 */
function cyclicAt(shape: CyclicShape, t: number): { height: number; scale: number } {
  const cycle = Math.floor(1 + t / shape.totalSize);
  const x = 1 + t / shape.totalSize - cycle;
  const height = x <= shape.stepRatio ? x / shape.stepRatio : (x - 1) / (shape.stepRatio - 1);
  const arg = shape.scaleMode === 'cycle' ? cycle : t;
  let scale: number;
  if (shape.scaleFn !== null) scale = shape.scaleFn(arg);
  else if (shape.mode === 'triangular') scale = 1;
  else if (shape.mode === 'triangular2') scale = 1 / 2 ** (arg - 1);
  else scale = shape.gamma ** arg;
  return { height, scale };
}

/**
 * Cycles each group's learning rate between `baseLr` and `maxLr` (Smith's cyclical learning
 * rates; PyTorch's `CyclicLR`), and momentum inversely between `maxMomentum` and
 * `baseMomentum`. Step it after every batch.
 *
 * cycle = ⌊1 + t/(up+down)⌋, x = 1 + t/(up+down) − cycle,
 * h = x/r if x ≤ r else (x − 1)/(r − 1) with r = up/(up+down),
 * ηₜ = base + (max − base)·h·scale, mₜ = maxM − (maxM − baseM)·h·scale,
 * scale = 1 (triangular), 1/2^(cycle−1) (triangular2), γᵗ (exp_range) or scaleFn(cycle | t).
 *
 * Defaults: stepSizeUp = 2000, stepSizeDown = stepSizeUp, mode = 'triangular', gamma = 1,
 * scaleMode = 'cycle', cycleMomentum = true, baseMomentum = 0.8, maxMomentum = 0.9.
 * Momentum is `momentum` for SGD-like groups and `betas[0]` for Adam-like ones (PyTorch ≥ 2.0;
 * 1.13 supports `momentum` only).
 *
 * @example
 * ```ts
 * const opt = { paramGroups: [{ lr: 0.01, momentum: 0.9 }] };
 * const sched = new CyclicLR(opt, { baseLr: 0.001, maxLr: 0.1, stepSizeUp: 10 });
 * for (let i = 0; i < 10; i++) sched.step();
 * opt.paramGroups[0].lr; // 0.1 (peak), momentum 0.8
 * ```
 */
export class CyclicLR extends LRScheduler {
  maxLrs: number[];
  totalSize: number;
  stepRatio: number;
  mode: CyclicMode;
  gamma: number;
  scaleMode: ScaleMode;
  scaleFn: ((x: number) => number) | null;
  cycleMomentum: boolean;
  momentumKey: MomentumKey | null = null;
  baseMomentums: number[] = [];
  maxMomentums: number[] = [];

  constructor(optimizer: OptimizerLike, options: CyclicLROptions) {
    super(optimizer, 'CyclicLR');
    const owner = 'CyclicLR';
    const groups = this.groups();
    const n = groups.length;
    const lastEpoch = options?.lastEpoch ?? -1;
    const baseLrs = perGroup(owner, 'baseLr', options.baseLr, n).map((v, i) =>
      nonNegative(owner, `baseLr[${i}]`, v),
    );
    if (lastEpoch === -1) {
      for (let i = 0; i < n; i++) groups[i].lr = baseLrs[i];
    }
    this.maxLrs = perGroup(owner, 'maxLr', options.maxLr, n).map((v, i) =>
      finite(owner, `maxLr[${i}]`, v),
    );
    const shape = cyclicShape(owner, options);
    this.totalSize = shape.totalSize;
    this.stepRatio = shape.stepRatio;
    this.mode = shape.mode;
    this.gamma = shape.gamma;
    this.scaleMode = shape.scaleMode;
    this.scaleFn = shape.scaleFn;
    this.cycleMomentum = options.cycleMomentum ?? true;
    if (this.cycleMomentum) {
      const key = momentumKeyOf(optimizer, owner);
      this.momentumKey = key;
      const base = perGroup(owner, 'baseMomentum', options.baseMomentum ?? 0.8, n);
      if (lastEpoch === -1) {
        for (let i = 0; i < n; i++) {
          setMomentum(groups[i], key, finite(owner, `baseMomentum[${i}]`, base[i]));
        }
      }
      this.baseMomentums = groups.map((g) => getMomentum(g, key));
      this.maxMomentums = perGroup(owner, 'maxMomentum', options.maxMomentum ?? 0.9, n).map(
        (v, i) => finite(owner, `maxMomentum[${i}]`, v),
      );
    }
    this.attach(lastEpoch);
    // As in PyTorch, the initial step used the groups' initialLr; from now on baseLr rules.
    this.baseLrs = baseLrs;
  }

  private shape(): CyclicShape {
    return {
      totalSize: this.totalSize,
      stepRatio: this.stepRatio,
      mode: this.mode,
      gamma: this.gamma,
      scaleMode: this.scaleMode,
      scaleFn: this.scaleFn,
    };
  }

  protected getLr(): number[] {
    const { height, scale } = cyclicAt(this.shape(), this.lastEpoch);
    const lrs = this.baseLrs.map((base, i) => base + (this.maxLrs[i] - base) * height * scale);
    if (this.cycleMomentum && this.momentumKey !== null) {
      const groups = this.groups();
      for (let i = 0; i < groups.length; i++) {
        const maxM = this.maxMomentums[i];
        const m = maxM - (maxM - this.baseMomentums[i]) * height * scale;
        setMomentum(groups[i], this.momentumKey, m);
      }
    }
    return lrs;
  }
}

/**
 * The learning rate of {@link CyclicLR} at iteration t, as a pure function:
 * `t ↦ baseLr + (maxLr − baseLr)·h(t)·scale(t)`.
 *
 * @example
 * ```ts
 * const s = cyclicLRSchedule({ baseLr: 0.001, maxLr: 0.1, stepSizeUp: 10, mode: 'triangular2' });
 * s(10); // 0.1
 * s(30); // 0.0505 (second cycle, half amplitude)
 * ```
 */
export function cyclicLRSchedule(
  options: { baseLr: number; maxLr: number } & CyclicShapeOptions,
): Schedule {
  const owner = 'cyclicLRSchedule';
  const base = nonNegative(owner, 'baseLr', options?.baseLr);
  const max = finite(owner, 'maxLr', options.maxLr);
  const shape = cyclicShape(owner, options);
  return (t) => {
    const { height, scale } = cyclicAt(shape, t);
    return base + (max - base) * height * scale;
  };
}

/**
 * The momentum of {@link CyclicLR} at iteration t: `maxMomentum − (maxMomentum −
 * baseMomentum)·h(t)·scale(t)`. Defaults: baseMomentum = 0.8, maxMomentum = 0.9.
 *
 * @example
 * ```ts
 * cyclicMomentumSchedule({ stepSizeUp: 10 })(10); // 0.8
 * ```
 */
export function cyclicMomentumSchedule(
  options: { baseMomentum?: number; maxMomentum?: number } & CyclicShapeOptions,
): Schedule {
  const owner = 'cyclicMomentumSchedule';
  const base = finite(owner, 'baseMomentum', options?.baseMomentum ?? 0.8);
  const max = finite(owner, 'maxMomentum', options.maxMomentum ?? 0.9);
  const shape = cyclicShape(owner, options);
  return (t) => {
    const { height, scale } = cyclicAt(shape, t);
    return max - (max - base) * height * scale;
  };
}
