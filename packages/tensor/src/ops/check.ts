import { Tensor } from '../tensor';

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array; wrap it with tensor()';
  if (ArrayBuffer.isView(v))
    return `a ${v.constructor.name}; wrap it with tensor() or new Tensor()`;
  if (typeof v === 'object') return `a ${(v as object).constructor?.name ?? 'object'}`;
  return `${typeof v} ${String(v)}`;
}

/** Throws a TypeError naming `op` unless `x` is a Tensor (e.g. a nested array was passed). */
export function checkTensor(op: string, x: unknown): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw new TypeError(`${op}: expected a Tensor, got ${describe(x)}`);
}

/** Throws a TypeError naming `op` unless `x` is a Tensor or a plain number. */
export function checkTensorLike(op: string, x: unknown): asserts x is Tensor | number {
  if (!(x instanceof Tensor) && typeof x !== 'number') {
    throw new TypeError(`${op}: expected a Tensor or a number, got ${describe(x)}`);
  }
}
