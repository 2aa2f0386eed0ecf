import { GdError } from '@gd/errors';
import { type Tensor, isFloat } from '@gd/tensor';
import { type Grad, type Operand, state } from './engine';
import { Var } from './var';

/**
 * Thrown in anomaly mode by the first op whose forward value or backward gradient contains NaN
 * or ±Infinity. The message names the op, its input shapes and where it was created.
 *
 * @example
 * ```ts
 * try { detectAnomaly(() => log(variable(tensor([-1])))); }
 * catch (e) { if (e instanceof AnomalyError) console.log(e.op, e.phase); } // 'log' 'forward'
 * ```
 */
export class AnomalyError extends GdError {
  override name = 'AnomalyError';
  /** Always `'ERR_GD_ANOMALY'`. */
  override readonly code: string = 'ERR_GD_ANOMALY';
  /** Name of the op that produced the non-finite values. */
  readonly op: string;
  /** 'forward' or 'backward'. */
  readonly phase: 'forward' | 'backward';
  constructor(message: string, op: string, phase: 'forward' | 'backward') {
    super(message);
    this.op = op;
    this.phase = phase;
  }
}

/**
 * Runs `fn` in anomaly mode (PyTorch's `detect_anomaly`): every op records where it was created
 * and checks its forward value, and every backward rule checks the gradients it produces; the
 * first NaN/Inf throws an {@link AnomalyError} naming the op. Slower; for debugging.
 *
 * @example
 * ```ts
 * detectAnomaly(() => {
 *   const x = variable(tensor([0, 1]));
 *   x.sqrt().sum().backward(); // AnomalyError: backward of 'sqrt' produced Infinity …
 * });
 * ```
 */
export function detectAnomaly<R>(fn: () => R): R {
  const prev = state.anomaly;
  state.anomaly = true;
  try {
    return fn();
  } finally {
    state.anomaly = prev;
  }
}

/** Switches anomaly mode on or off globally (see {@link detectAnomaly}). @example `setDetectAnomaly(true)` */
export function setDetectAnomaly(enabled: boolean): void {
  state.anomaly = enabled;
}

/** Whether anomaly mode is on. @example `isAnomalyEnabled() // false by default` */
export function isAnomalyEnabled(): boolean {
  return state.anomaly;
}

function firstNonFinite(t: Tensor): number | null {
  if (!isFloat(t.dtype)) return null;
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return d[i];
  return null;
}

function shapeOf(x: Operand | null): string {
  if (x === null) return '';
  if (typeof x === 'number') return 'number';
  return `[${x.shape.join(', ')}]`;
}

function inputShapes(
  x0: Operand | null,
  x1: Operand | null,
  xs: readonly Operand[] | null,
): string {
  const all = xs ?? [x0, x1].filter((x) => x !== null);
  return all.map((x) => shapeOf(x as Operand)).join(', ');
}

/** Where the user created a node: the stack without this package's own frames. */
function creationSite(): string {
  const stack = new Error().stack ?? '';
  return stack
    .split('\n')
    .slice(1)
    .filter((l) => !/[\\/]autodiff[\\/](src|dist)[\\/]/.test(l))
    .join('\n');
}

/** Anomaly-mode check of a new node: records its creation site and throws on a non-finite value. */
export function checkForward(
  op: string,
  v: Var,
  x0: Operand | null,
  x1: Operand | null,
  xs: readonly Operand[] | null,
): void {
  v.trace = creationSite();
  const bad = firstNonFinite(v.value);
  if (bad === null) return;
  const inputs = xs ?? [x0, x1];
  const badInput = inputs.findIndex(
    (x) =>
      x !== null &&
      typeof x !== 'number' &&
      firstNonFinite(x instanceof Var ? x.value : x) !== null,
  );
  throw new AnomalyError(
    `anomaly: the forward of '${op}' produced ${bad} (inputs of shape ${inputShapes(x0, x1, xs)}, output [${v.shape.join(', ')}])${badInput >= 0 ? `; its input ${badInput} already held non-finite values` : ''}. It was created at:\n${v.trace}`,
    op,
    'forward',
  );
}

/** Anomaly-mode check of a gradient that `node`'s backward rule sends to `input`. */
export function checkBackward(node: Var | null, input: Var, g: Grad): void {
  const bad = firstNonFinite(g instanceof Var ? g.value : g);
  if (bad === null || node === null) return;
  throw new AnomalyError(
    `anomaly: the backward of '${node.op}' produced ${bad} in the gradient for its input of shape [${input.shape.join(', ')}] (inputs of shape ${inputShapes(node.x0, node.x1, node.xs)}). The op was created at:\n${node.trace ?? '(unknown: the op was recorded outside anomaly mode)'}`,
    node.op,
    'backward',
  );
}
