import { GdTypeError } from '@gd/errors';
import { type Var, isVar, variable } from '@gd/autodiff';
import { DTypeError, ShapeError, type Tensor, isFloat } from '@gd/tensor';

/** What a loss accepts for predictions and float targets: a Var (gradients flow) or a Tensor. */
export type LossInput = Var | Tensor;

/** Wraps a Tensor as a constant Var so that every loss returns a Var; checks it is a float. */
export function asVar(op: string, name: string, x: LossInput): Var {
  if (!isVar(x) && !(x !== null && typeof x === 'object' && 'shape' in x && 'data' in x)) {
    throw new GdTypeError(`${op}: ${name} must be a Tensor or Var, got ${describe(x)}`);
  }
  const v = isVar(x) ? x : variable(x, { requiresGrad: false });
  if (!isFloat(v.dtype)) {
    throw new DTypeError(
      `${op}: ${name} must be float32 or float64, got ${v.dtype}; cast it with astype('float32')`,
    );
  }
  return v;
}

/** Formats a shape as `[2, 3]`. */
export function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Throws a ShapeError naming `op` unless `target` has exactly the shape of `input`. */
export function checkSameShape(op: string, input: Var, target: Var): void {
  if (!sameShape(input.shape, target.shape)) {
    throw new ShapeError(
      `${op}: target shape ${fmt(target.shape)} must equal input shape ${fmt(input.shape)}`,
    );
  }
}

/**
 * Throws a ShapeError naming `op` unless `target` broadcasts to `input`'s shape without changing
 * it (PyTorch would broadcast both ways and silently change the loss).
 */
export function checkBroadcastsTo(op: string, name: string, input: Var, target: Var): void {
  const a = input.shape;
  const b = target.shape;
  const ok = b.length <= a.length && b.every((d, i) => d === 1 || d === a[a.length - b.length + i]);
  if (!ok) {
    throw new ShapeError(
      `${op}: ${name} shape ${fmt(b)} does not broadcast to input shape ${fmt(a)}; reshape it to ${fmt(a)}`,
    );
  }
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return 'a plain array (wrap it with tensor())';
  return x === null ? 'null' : typeof x;
}
