import { GdTypeError } from '@gd/errors';
import { OP_TABLE, type OpEntry } from '../op-table';
import { Tensor } from '../tensor';
import { checkTensor, checkTensorLike } from './check';

/** A check of one argument of an op, by the kind its table signature names. */
type Check = (op: string, what: string, v: unknown) => void;

const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const fail = (op: string, what: string, want: string, v: unknown): never => {
  const got = v === null ? 'null' : Array.isArray(v) ? 'an array' : `${typeof v} ${String(v)}`;
  throw new GdTypeError(`${op}: ${what} must be ${want}, got ${got}`);
};
const optional =
  (c: Check): Check =>
  (op, what, v) => {
    if (v !== undefined) c(op, what, v);
  };
const intList = (op: string, what: string, v: unknown) => {
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'number'))
    fail(op, what, 'an array of integers', v);
};
const tensorLike: Check = (op, _w, v) => checkTensorLike(op, v);
const tensorOnly: Check = (op, _w, v) => checkTensor(op, v);
const anything: Check = () => {};
// Module-level values here are plain literals only (no property reads), so that a bundle which
// never defines an op drops this module whole.
const CHECKS: Record<string, Check> = {
  $T: tensorLike,
  $M: tensorOnly,
  number: (op, what, v) => {
    if (!isInt(v)) fail(op, what, 'an integer', v);
  },
  'number | null': (op, what, v) => {
    if (v !== null && (typeof v !== 'number' || Number.isNaN(v)))
      fail(op, what, 'a number or null', v);
  },
  'readonly number[]': intList,
  'number | readonly number[]': (op, what, v) =>
    typeof v === 'number' ? undefined : intList(op, what, v),
  Axis: (op, what, v) => (typeof v === 'number' ? undefined : intList(op, what, v)),
  DType: (op, what, v) => {
    if (typeof v !== 'string') fail(op, what, "a dtype name such as 'float32'", v);
  },
  SliceSpec: (op, what, v) => {
    if (!Array.isArray(v)) fail(op, what, 'an array with one entry per axis', v);
  },
  IndexLike: anything,
};
const options: Check = (op, what, v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Tensor) {
    fail(op, what, 'an options object', v);
  }
};

/** The receiver's kind of an `op` entry whose function takes numbers or index lists there. */
const RECEIVER: Record<string, Check> = {
  clamp: tensorLike,
  where: tensorLike,
  isClose: tensorLike,
  allClose: tensorLike,
  oneHot: anything,
};

/** The argument checks of table op `name`, in its function's argument order. */
function checksOf(name: string, e: OpEntry): [string, Check][] {
  const params: [string, Check][] = e.params
    .split(/,(?![^[]*\])/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const [rawName, type] = p.split(/:\s*/);
      const opt = rawName.endsWith('?');
      const what = rawName.replace('?', '');
      const base = type.endsWith('Options') ? options : (CHECKS[type] ?? anything);
      return [what, opt ? optional(base) : base];
    });
  const self: [string, Check] = [
    'x',
    RECEIVER[name] ?? (e.kind === 'op' ? tensorOnly : tensorLike),
  ];
  params.splice(e.self ?? 0, 0, self);
  return params;
}

/**
 * Wraps the function of table op `name` so that every argument is checked against the kind its
 * signature names before the op runs: a plain JS value where a tensor, an integer, a list of
 * integers or an options object goes gives a TypeError that names the op and the argument.
 */
export function validated<F extends (...args: never[]) => unknown>(name: string, f: F): F {
  const e = (OP_TABLE as Record<string, OpEntry>)[name];
  if (e === undefined) return f;
  const checks = checksOf(name, e);
  return ((...args: unknown[]) => {
    for (let i = 0; i < checks.length; i++) checks[i][1](name, checks[i][0], args[i]);
    try {
      return f(...(args as never[]));
    } catch (err) {
      // An alias or composite (cast → astype, dot → matmul) names itself first, as users called it.
      const named = err instanceof Error && /^\w+: /.test(err.message);
      // biome-ignore lint/style/noRestrictedGlobals: a RangeError thrown by the JS engine itself (e.g. an invalid array length) gets the op's name too.
      if ((named || err instanceof RangeError) && !(err as Error).message.startsWith(`${name}:`)) {
        const e2 = err as Error;
        const Ctor = e2.constructor as new (m: string) => Error;
        throw new Ctor(`${name}: ${e2.message}`);
      }
      throw err;
    }
  }) as unknown as F;
}
