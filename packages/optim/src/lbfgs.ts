import { GdRangeError, GdTypeError } from '@gd/errors';
import { ShapeError } from '@gd/tensor';
import { dot, maxAbs, sumAbs } from './flat';
import { type Closure, Optimizer, lossValue, resolveOptions } from './optimizer';
import type { FloatArray, ParamGroupInput, ParamsInput, Parameter } from './parameter';
import { strongWolfe } from './strong-wolfe';
import { nonNegative, owner, positive, positiveInteger } from './validate';

/** Options of {@link LBFGS} (torch.optim.LBFGS's, camelCase). */
export interface LBFGSOptions {
  /** Step length (the line search's first trial step). Default 1. */
  lr: number;
  /** Maximal iterations per `step()`. Default 20. */
  maxIter: number;
  /** Maximal objective evaluations per `step()`. Default `floor(maxIter * 5 / 4)`. */
  maxEval: number;
  /** Stop when $\max |g| ≤$ toleranceGrad. Default 1e-7. */
  toleranceGrad: number;
  /** Stop when the loss or the step changes by less than this. Default 1e-9. */
  toleranceChange: number;
  /** Number of (s, y) pairs kept. Default 100. */
  historySize: number;
  /** `'strongWolfe'` for the strong-Wolfe line search, `null` for fixed steps. Default null. */
  lineSearchFn: 'strongWolfe' | null;
}

/** LBFGS's state, kept (as in PyTorch) on the first parameter. */
export type LBFGSState = {
  funcEvals: number;
  nIter: number;
  /** Last search direction. */
  d: Float64Array | null;
  /** Last step length. */
  t: number;
  /** Gradient differences $y_k$. */
  oldDirs: Float64Array[];
  /** Steps $s_k$. */
  oldStps: Float64Array[];
  /** $1/(y_k^T s_k)$. */
  ro: number[];
  /** Scale γ of the initial inverse Hessian. */
  hDiag: number;
  prevFlatGrad: Float64Array | null;
  prevLoss: number | null;
  /** Workspace of the two-loop recursion. */
  al: (number | null)[];
};

const DEFAULTS: LBFGSOptions = {
  lr: 1,
  maxIter: 20,
  maxEval: Number.NaN,
  toleranceGrad: 1e-7,
  toleranceChange: 1e-9,
  historySize: 100,
  lineSearchFn: null,
};

/**
 * L-BFGS (limited-memory BFGS, Nocedal), a faithful port of torch.optim.LBFGS: each `step(closure)`
 * runs up to `maxIter` quasi-Newton iterations, the direction $d = −H_k g$ from the two-loop
 * recursion over the last `historySize` pairs $s_k = t d$, $y_k = g_{k+1} − g_k$ (kept when
 * $y^Ts > 10^{-10}$) with $H_0 = \frac{y^Ts}{y^Ty} I$, and the step either fixed ($t = $ lr, the
 * first one $\min(1, 1/\lVert g \rVert_1)·$lr) or found by a strong-Wolfe line search.
 *
 * The closure must zero the gradients, recompute the loss, call `backward()` and return the
 * loss; it is called several times per step. Only one parameter group is supported.
 *
 * Defaults: lr 1, maxIter 20, maxEval maxIter·5/4, toleranceGrad 1e-7, toleranceChange 1e-9,
 * historySize 100, lineSearchFn null.
 *
 * @example
 * ```ts
 * const opt = new LBFGS([x], { lineSearchFn: 'strongWolfe' });
 * opt.step(() => { opt.zeroGrad(); const l = rosenbrock(x); l.backward(); return l; });
 * ```
 */
export class LBFGS extends Optimizer<LBFGSOptions, LBFGSState> {
  private readonly params: Parameter[];
  private readonly numel: number;

  constructor(params: ParamsInput<LBFGSOptions>, options?: Partial<LBFGSOptions>) {
    const o = resolveOptions('LBFGS', options, DEFAULTS);
    if (Number.isNaN(o.maxEval)) o.maxEval = Math.floor((o.maxIter * 5) / 4);
    super('LBFGS', params, o);
    this.params = this.paramGroups[0].params;
    this.numel = this.params.reduce((n, p) => n + p.value.size, 0);
  }

  protected validate(o: LBFGSOptions, where: string): void {
    const n = owner('LBFGS', where);
    positive(n, 'lr', o.lr);
    positiveInteger(n, 'maxIter', o.maxIter);
    positiveInteger(n, 'maxEval', o.maxEval);
    nonNegative(n, 'toleranceGrad', o.toleranceGrad);
    nonNegative(n, 'toleranceChange', o.toleranceChange);
    positiveInteger(n, 'historySize', o.historySize);
    if (o.lineSearchFn !== null && o.lineSearchFn !== 'strongWolfe') {
      throw new GdRangeError(
        `${n}: lineSearchFn must be 'strongWolfe' or null, got ${JSON.stringify(o.lineSearchFn)}`,
      );
    }
  }

  /**
   * The loaded directions and gradients must have one element per parameter element (all
   * parameters flattened); otherwise the state was saved for other parameters (ShapeError).
   */
  protected override adoptState(_param: Parameter, state: LBFGSState, id: string): LBFGSState {
    const check = (what: string, v: unknown): void => {
      if (v instanceof Float64Array || v instanceof Float32Array) {
        if (v.length !== this.numel) {
          throw new ShapeError(
            `LBFGS.loadStateDict: state '${what}' of parameter ${id} has ${v.length} elements but the parameters have ${this.numel} in all; load a state dict saved for the same parameters`,
          );
        }
      }
    };
    check('d', state.d);
    check('prevFlatGrad', state.prevFlatGrad);
    for (const [i, v] of (state.oldDirs ?? []).entries()) check(`oldDirs[${i}]`, v);
    for (const [i, v] of (state.oldStps ?? []).entries()) check(`oldStps[${i}]`, v);
    return state;
  }

  /** LBFGS keeps one parameter group, as in PyTorch. */
  override addParamGroup(group: ParamGroupInput<LBFGSOptions>): void {
    if (this.paramGroups.length > 0) {
      throw new GdRangeError(
        "LBFGS: doesn't support per-parameter options (parameter groups); pass one list of parameters",
      );
    }
    super.addParamGroup(group);
  }

  private gatherFlatGrad(): Float64Array {
    const out = new Float64Array(this.numel);
    let off = 0;
    for (const p of this.params) {
      if (p.grad !== null) out.set(p.grad.data as FloatArray, off);
      off += p.value.size;
    }
    return out;
  }

  private addGrad(t: number, d: Float64Array): void {
    let off = 0;
    for (const p of this.params) {
      const v = p.value.data as FloatArray;
      for (let i = 0; i < v.length; i++) v[i] = v[i] + t * d[off + i];
      off += v.length;
    }
  }

  private cloneParams(): FloatArray[] {
    return this.params.map((p) => (p.value.data as FloatArray).slice());
  }

  private setParams(x: FloatArray[]): void {
    for (const [i, p] of this.params.entries()) (p.value.data as FloatArray).set(x[i]);
  }

  /**
   * Runs up to `maxIter` L-BFGS iterations. `closure` is required: it re-evaluates the loss and
   * the gradients. Returns the loss at the start of the step, as PyTorch does.
   */
  override step(closure?: Closure): number {
    if (typeof closure !== 'function') {
      throw new GdTypeError(
        'LBFGS: step needs a closure that zeroes the gradients, computes the loss, calls backward() and returns the loss',
      );
    }
    const group = this.paramGroups[0];
    const { lr, maxIter, maxEval, toleranceGrad, toleranceChange, lineSearchFn, historySize } =
      group;
    const first = this.params[0];
    let state = this.state.get(first);
    if (state === undefined) {
      state = {
        funcEvals: 0,
        nIter: 0,
        d: null,
        t: 0,
        oldDirs: [],
        oldStps: [],
        ro: [],
        hDiag: 1,
        prevFlatGrad: null,
        prevLoss: null,
        al: [],
      };
      this.state.set(first, state);
    }
    const evalLoss = () => lossValue('LBFGS', closure());

    const origLoss = evalLoss();
    let loss = origLoss;
    let currentEvals = 1;
    state.funcEvals += 1;
    let flatGrad = this.gatherFlatGrad();
    let optCond = maxAbs(flatGrad) <= toleranceGrad;
    if (optCond) return origLoss;

    let d = state.d ?? new Float64Array(this.numel);
    let t = state.t;
    let { oldDirs, oldStps, ro, hDiag, prevFlatGrad, prevLoss } = state;

    let nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      state.nIter++;

      if (state.nIter === 1) {
        d = flatGrad.map((x) => -x);
        oldDirs = [];
        oldStps = [];
        ro = [];
        hDiag = 1;
      } else {
        const prev = prevFlatGrad as Float64Array;
        const y = flatGrad.map((x, i) => x - prev[i]);
        const s = d.map((x) => x * t);
        const ys = dot(y, s);
        if (ys > 1e-10) {
          if (oldDirs.length === historySize) {
            oldDirs.shift();
            oldStps.shift();
            ro.shift();
          }
          oldDirs.push(y);
          oldStps.push(s);
          ro.push(1 / ys);
          hDiag = ys / dot(y, y);
        }
        const numOld = oldDirs.length;
        if (state.al.length !== historySize) state.al = new Array(historySize).fill(null);
        const al = state.al as number[];
        const q = flatGrad.map((x) => -x);
        for (let i = numOld - 1; i >= 0; i--) {
          al[i] = dot(oldStps[i], q) * ro[i];
          const a = -al[i];
          const dir = oldDirs[i];
          for (let j = 0; j < q.length; j++) q[j] = q[j] + a * dir[j];
        }
        for (let j = 0; j < q.length; j++) q[j] = q[j] * hDiag;
        d = q;
        for (let i = 0; i < numOld; i++) {
          const beI = dot(oldDirs[i], d) * ro[i];
          const a = al[i] - beI;
          const stp = oldStps[i];
          for (let j = 0; j < d.length; j++) d[j] = d[j] + a * stp[j];
        }
      }

      if (prevFlatGrad === null) prevFlatGrad = flatGrad.slice();
      else prevFlatGrad.set(flatGrad);
      prevLoss = loss;

      t = state.nIter === 1 ? Math.min(1, 1 / sumAbs(flatGrad)) * lr : lr;
      const gtd = dot(flatGrad, d);
      if (gtd > -toleranceChange) break;

      let lsFuncEvals = 0;
      if (lineSearchFn === 'strongWolfe') {
        const xInit = this.cloneParams();
        const result = strongWolfe(
          (tt, dd) => {
            this.addGrad(tt, dd);
            const l = evalLoss();
            const g = this.gatherFlatGrad();
            this.setParams(xInit);
            return [l, g];
          },
          t,
          d,
          loss,
          flatGrad,
          gtd,
        );
        loss = result.loss;
        flatGrad = result.grad;
        t = result.t;
        lsFuncEvals = result.evals;
        this.addGrad(t, d);
        optCond = maxAbs(flatGrad) <= toleranceGrad;
      } else {
        this.addGrad(t, d);
        if (nIter !== maxIter) {
          // Re-evaluate only when another iteration follows (in a stochastic setting the last
          // evaluation would be wasted).
          loss = evalLoss();
          flatGrad = this.gatherFlatGrad();
          optCond = maxAbs(flatGrad) <= toleranceGrad;
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      state.funcEvals += lsFuncEvals;

      if (nIter === maxIter) break;
      if (currentEvals >= maxEval) break;
      if (optCond) break;
      if (maxAbs(d) * Math.abs(t) <= toleranceChange) break;
      if (Math.abs(loss - (prevLoss as number)) < toleranceChange) break;
    }

    Object.assign(state, { d, t, oldDirs, oldStps, ro, hDiag, prevFlatGrad, prevLoss });
    return origLoss;
  }
}
