import { GdTypeError } from '@gd/errors';
import { Tensor } from '../tensor';

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array; wrap it with tensor()';
  if (ArrayBuffer.isView(v))
    return `a ${v.constructor.name}; wrap it with tensor() or new Tensor()`;
  // @gd/autodiff's Var (not importable here): x.mul(v) on a Tensor x cannot record a gradient.
  if (
    typeof v === 'object' &&
    (v as { value?: unknown }).value instanceof Tensor &&
    'requiresGrad' in v
  )
    return 'an autodiff Var; Tensor methods cannot record gradients, so call the op as a function, e.g. mul(a, b) from @gd/autodiff (or pass v.value to drop the gradient)';
  if (typeof v === 'object') return `a ${(v as object).constructor?.name ?? 'object'}`;
  return `${typeof v} ${String(v)}`;
}

/** Throws a TypeError naming `op` unless `x` is a Tensor (e.g. a nested array was passed). */
export function checkTensor(op: string, x: unknown): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw new GdTypeError(`${op}: expected a Tensor, got ${describe(x)}`);
}

/** Throws a TypeError naming `op` unless `x` is a Tensor or a plain number. */
export function checkTensorLike(op: string, x: unknown): asserts x is Tensor | number {
  if (!(x instanceof Tensor) && typeof x !== 'number') {
    throw new GdTypeError(`${op}: expected a Tensor or a number, got ${describe(x)}`);
  }
}
