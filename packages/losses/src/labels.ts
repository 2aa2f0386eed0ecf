import { GdRangeError, GdTypeError } from '@gd/errors';
import { isVar } from '@gd/autodiff';
import { DTypeError, ShapeError, Tensor } from '@gd/tensor';
import { fmt } from './inputs';

/**
 * Integer class labels: an int32 Tensor, a plain `number[]` (nested for extra axes), an Int32Array,
 * or a single number for one unbatched example.
 */
export type Labels =
  | Tensor
  | Int32Array
  | number
  | readonly number[]
  | readonly (readonly number[])[];

/** True when `target` should be read as class labels rather than a float target tensor. */
export function isLabels(target: unknown): target is Labels {
  if (typeof target === 'number' || Array.isArray(target)) return true;
  if (target instanceof Int32Array) return true;
  if (target instanceof Tensor) return target.dtype === 'int32';
  return isVar(target) && target.dtype === 'int32';
}

function flattenNested(op: string, x: unknown, shape: number[], out: number[], depth: number) {
  if (!Array.isArray(x)) {
    if (typeof x !== 'number') {
      throw new GdTypeError(`${op}: labels must be numbers, got ${typeof x}`);
    }
    if (depth !== shape.length) {
      throw new ShapeError(`${op}: labels are a ragged nested array`);
    }
    out.push(x);
    return;
  }
  if (depth === shape.length) shape.push(x.length);
  else if (shape[depth] !== x.length || depth > shape.length) {
    throw new ShapeError(`${op}: labels are a ragged nested array`);
  }
  for (const e of x) flattenNested(op, e, shape, out, depth + 1);
}

/**
 * Reads labels into an Int32Array of `expectedShape`'s size, checking the shape, that each label
 * is an integer and that it lies in [0, numClasses) or equals `ignoreIndex`.
 */
export function readLabels(
  op: string,
  target: unknown,
  expectedShape: readonly number[],
  numClasses: number,
  ignoreIndex: number | null,
): Int32Array {
  let shape: number[];
  let values: ArrayLike<number>;
  if (typeof target === 'number') {
    shape = [];
    values = [target];
  } else if (target instanceof Int32Array) {
    shape = [target.length];
    values = target;
  } else if (Array.isArray(target)) {
    shape = [];
    const flat: number[] = [];
    flattenNested(op, target, shape, flat, 0);
    values = flat;
  } else if (target instanceof Tensor || isVar(target)) {
    const t = target instanceof Tensor ? target : target.value;
    if (t.dtype !== 'int32') {
      throw new DTypeError(
        `${op}: class labels must be an int32 Tensor or number[], got a ${t.dtype} tensor; for class probabilities pass a float tensor shaped like the input`,
      );
    }
    shape = [...t.shape];
    values = t.data;
  } else {
    throw new GdTypeError(
      `${op}: target must be class labels (int32 Tensor, number[] or number), got ${target === null ? 'null' : typeof target}`,
    );
  }
  const expectedSize = expectedShape.reduce((a, b) => a * b, 1);
  // A flat number[] may label a K-dimensional batch when its length matches.
  const flatOk =
    (Array.isArray(target) || target instanceof Int32Array) &&
    shape.length === 1 &&
    values.length === expectedSize;
  if (
    !flatOk &&
    (shape.length !== expectedShape.length || shape.some((d, i) => d !== expectedShape[i]))
  ) {
    throw new ShapeError(
      `${op}: labels of shape ${fmt(shape)} do not match the input; expected ${fmt(expectedShape)} (one label per example)`,
    );
  }
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (!Number.isInteger(y)) {
      throw new DTypeError(`${op}: label ${y} at index ${i} is not an integer class index`);
    }
    if ((y < 0 || y >= numClasses) && y !== ignoreIndex) {
      const ig = ignoreIndex === null ? '' : ` or ignoreIndex ${ignoreIndex}`;
      throw new GdRangeError(
        `${op}: label ${y} at index ${i} is out of range for ${numClasses} classes (expected 0 ≤ label < ${numClasses}${ig})`,
      );
    }
    out[i] = y;
  }
  return out;
}
