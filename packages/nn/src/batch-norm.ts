import { GdRangeError } from '@gd/errors';
import { type Var, add, div, mean, mul, reshape, sqrt, sub, variable } from '@gd/autodiff';
import { type DType, ShapeError, type Tensor, ones, zeros } from '@gd/tensor';
import { Module, type ModuleInput } from './module';

/** Options of {@link BatchNorm1d}, PyTorch's with camelCase names. */
export interface BatchNorm1dOptions {
  /** Added to the variance for stability. Default 1e-5. */
  eps?: number;
  /** Weight of the new batch in the running averages; `null` for a cumulative average. Default 0.1. */
  momentum?: number | null;
  /** Learnable per-feature scale γ (init 1) and shift β (init 0). Default true. */
  affine?: boolean;
  /** Keep running mean/variance for eval mode; without them eval uses batch statistics. Default true. */
  trackRunningStats?: boolean;
  /** Parameter and buffer dtype. Default 'float32'. */
  dtype?: DType;
}

/**
 * Batch normalisation over a batch [N, C] or [N, C, L], as `torch.nn.BatchNorm1d`:
 * $y = \frac{x - \mathrm{E}[x]}{\sqrt{\mathrm{Var}[x] + \epsilon}}\,\gamma + \beta$ per feature C.
 * In training the statistics are the batch's (biased variance), and the running averages are
 * updated: $\hat\mu \leftarrow (1-m)\hat\mu + m\,\mu_B$,
 * $\hat\sigma^2 \leftarrow (1-m)\hat\sigma^2 + m\,\sigma_B^2\,\frac{n}{n-1}$ (unbiased), m = momentum
 * (or 1/t with `momentum: null`). In eval mode the running averages are used. The lecture's
 * MultiLayerNet (the optimizer exercise) places it between each hidden Linear and its activation.
 *
 * @example
 * ```ts
 * const bn = new BatchNorm1d(40);
 * bn.forward(randn([100, 40]));   // training: batch statistics
 * bn.eval().forward(randn([5, 40])); // running statistics
 * ```
 */
export class BatchNorm1d extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  /** γ, [C] (null without affine). */
  readonly weight: Var | null;
  /** β, [C] (null without affine). */
  readonly bias: Var | null;

  constructor(numFeatures: number, opts: BatchNorm1dOptions = {}) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures < 1) {
      throw new GdRangeError(
        `BatchNorm1d: numFeatures must be a positive integer, got ${numFeatures}`,
      );
    }
    const eps = opts.eps ?? 1e-5;
    if (!(eps >= 0) || !Number.isFinite(eps)) {
      throw new GdRangeError(`BatchNorm1d: eps must be a finite number ≥ 0, got ${eps}`);
    }
    const momentum = opts.momentum === undefined ? 0.1 : opts.momentum;
    if (momentum !== null && !(momentum >= 0 && momentum <= 1)) {
      throw new GdRangeError(`BatchNorm1d: momentum must be in [0, 1] or null, got ${momentum}`);
    }
    const dtype = opts.dtype ?? 'float32';
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.affine = opts.affine ?? true;
    this.trackRunningStats = opts.trackRunningStats ?? true;
    this.weight = this.registerParameter(
      'weight',
      this.affine ? variable(ones([numFeatures], { dtype })) : null,
    );
    this.bias = this.registerParameter(
      'bias',
      this.affine ? variable(zeros([numFeatures], { dtype })) : null,
    );
    const track = this.trackRunningStats;
    // PyTorch's buffer names, so state dicts move between gd and torch.nn.BatchNorm1d as they are.
    this.registerBuffer('running_mean', track ? zeros([numFeatures], { dtype }) : null);
    this.registerBuffer('running_var', track ? ones([numFeatures], { dtype }) : null);
    this.registerBuffer('num_batches_tracked', track ? zeros([], { dtype: 'int32' }) : null, {
      fileDtype: 'I64',
    });
  }

  /** Running mean [C] (null without trackRunningStats). */
  get runningMean(): Tensor | null {
    return this.getBuffer('running_mean');
  }

  /** Running (unbiased) variance [C] (null without trackRunningStats). */
  get runningVar(): Tensor | null {
    return this.getBuffer('running_var');
  }

  /** Number of training batches seen (null without trackRunningStats). */
  get numBatchesTracked(): number | null {
    const t = this.getBuffer('num_batches_tracked');
    return t === null ? null : t.data[0];
  }

  forward(input: ModuleInput): Var {
    const x = Module.asVar(input);
    const c = this.numFeatures;
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[1] !== c) {
      throw new ShapeError(
        `BatchNorm1d: expected input [N, ${c}] or [N, ${c}, L], got [${x.shape.join(', ')}]`,
      );
    }
    const axes = x.ndim === 2 ? [0] : [0, 2];
    const paramShape = x.ndim === 2 ? [c] : [c, 1];
    const n = x.ndim === 2 ? x.shape[0] : x.shape[0] * x.shape[2];
    let xhat: Var;
    if (this.training || !this.trackRunningStats) {
      if (n <= 1) {
        throw new ShapeError(
          `BatchNorm1d: expected more than 1 value per feature in training, got input [${x.shape.join(', ')}]; use a larger batch or eval()`,
        );
      }
      const mu = mean(x, { axis: axes, keepDims: true });
      const xc = sub(x, mu);
      const v = mean(mul(xc, xc), { axis: axes, keepDims: true });
      xhat = div(xc, sqrt(add(v, this.eps)));
      if (this.training && this.trackRunningStats) this.updateRunningStats(mu.value, v.value, n);
    } else {
      const rm = reshape(this.runningMean as Tensor, paramShape);
      const rv = reshape(this.runningVar as Tensor, paramShape);
      xhat = div(sub(x, rm), sqrt(add(rv, this.eps)));
    }
    if (this.weight === null || this.bias === null) return xhat;
    return add(mul(xhat, reshape(this.weight, paramShape)), reshape(this.bias, paramShape));
  }

  private updateRunningStats(mu: Tensor, v: Tensor, n: number): void {
    const count = this.getBuffer('num_batches_tracked') as Tensor;
    count.data[0] += 1;
    const m = this.momentum === null ? 1 / count.data[0] : this.momentum;
    const rm = (this.runningMean as Tensor).data;
    const rv = (this.runningVar as Tensor).data;
    const bm = mu.data;
    const bv = v.data;
    const unbias = n / (n - 1);
    for (let i = 0; i < rm.length; i++) {
      rm[i] = (1 - m) * rm[i] + m * bm[i];
      rv[i] = (1 - m) * rv[i] + m * bv[i] * unbias;
    }
  }

  protected override extraRepr(): string {
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum}, affine=${this.affine}, trackRunningStats=${this.trackRunningStats}`;
  }
}
