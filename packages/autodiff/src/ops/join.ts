import { defineVarOp } from '../registry';
import { GdRangeError } from '@gd/errors';
import * as T from '@gd/tensor';
import { type Grad, needs, raw, record, send } from '../engine';
import type { Lift1, LiftN } from '../lift';
import { Var } from '../var';
import { sum } from './reduce';
import { reshape } from './shape';
import { slice } from './indexing';

type Part = Var | T.Tensor;

function normAxis(op: string, axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new GdRangeError(`${op}: axis ${axis} is out of range for ${ndim} dimension(s)`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Joins operands along an existing `axis` (default 0). Each input's gradient is its slice of
 * the upstream gradient.
 *
 * @example
 * ```ts
 * concat([variable(zeros([2, 3])), ones([1, 3])]).shape; // [3, 3]
 * ```
 */
export function concat<P extends Part>(list: readonly P[], axis = 0): LiftN<P> {
  if (!list.some((x) => x instanceof Var))
    return T.concat(list as readonly T.Tensor[], axis) as LiftN<P>;
  const value = T.concat(
    list.map((x) => raw(x) as T.Tensor),
    axis,
  );
  return record('concat', value, null, null, concatBack, axis, list) as LiftN<P>;
}

function concatBack(g: Grad, n: Var): void {
  const list = n.xs as readonly Part[];
  const ax = normAxis('concat', n.aux as number, g.ndim);
  const lead: null[] = new Array(ax).fill(null);
  let start = 0;
  for (const x of list) {
    const len = x.shape[ax];
    if (needs(x)) send(x, slice(g, [...lead, [start, start + len]]));
    start += len;
  }
}

/**
 * Stacks equal-shaped operands along a new `axis` (default 0). Input i's gradient is the i-th
 * slice of the upstream gradient along that axis.
 *
 * @example
 * ```ts
 * stack([variable(tensor([1, 2])), tensor([3, 4])]).shape; // [2, 2]
 * ```
 */
export function stack<P extends Part>(list: readonly P[], axis = 0): LiftN<P> {
  if (!list.some((x) => x instanceof Var))
    return T.stack(list as readonly T.Tensor[], axis) as LiftN<P>;
  const value = T.stack(
    list.map((x) => raw(x) as T.Tensor),
    axis,
  );
  return record('stack', value, null, null, stackBack, axis, list) as LiftN<P>;
}

function stackBack(g: Grad, n: Var): void {
  const list = n.xs as readonly Part[];
  const ax = normAxis('stack', n.aux as number, g.ndim);
  const lead: null[] = new Array(ax).fill(null);
  list.forEach((x, i) => {
    if (needs(x)) send(x, slice(g, [...lead, i]));
  });
}

/**
 * Splits into pieces along `axis` (torch.split): chunks of `sizeOrSizes` (the last may be
 * smaller) or pieces of the listed sizes. Each piece is a differentiable slice.
 *
 * @example
 * ```ts
 * split(variable(arange(5, undefined, 1, { dtype: 'float32' })), 2).map((p) => p.shape); // [[2], [2], [1]]
 * ```
 */
export const split = defineVarOp('split', function split<
  A extends Part,
>(x: A, sizeOrSizes: number | readonly number[], axis = 0): Lift1<A>[] {
  if (!(x instanceof Var)) return T.split(x as T.Tensor, sizeOrSizes, axis) as Lift1<A>[];
  const parts = T.split(x.value, sizeOrSizes, axis);
  const ax = normAxis('split', axis, x.ndim);
  const lead: null[] = new Array(ax).fill(null);
  let start = 0;
  return parts.map((p) => {
    const len = p.shape[ax];
    const piece = slice(x, [...lead, [start, start + len]]);
    start += len;
    return piece as Lift1<A>;
  });
});

/**
 * Repeats `x` `reps[i]` times along each axis (np.tile); the gradient sums the copies.
 *
 * @example
 * ```ts
 * grad((x) => tile(x, [3]).sum())(tensor([1, 2])); // [3, 3]
 * ```
 */
export const tile = defineVarOp('tile', function tile<
  A extends Part,
>(x: A, reps: number | readonly number[]): Lift1<A> {
  if (!(x instanceof Var)) return T.tile(x as T.Tensor, reps) as Lift1<A>;
  return record('tile', T.tile(x.value, reps), x, null, tileBack, reps) as Lift1<A>;
});

function tileBack(g: Grad, n: Var): void {
  const x = n.x0 as Var;
  const reps = n.aux as number | readonly number[];
  const r = typeof reps === 'number' ? [reps] : [...reps];
  const d = Math.max(x.ndim, r.length);
  const xs = [...new Array(d - x.ndim).fill(1), ...x.shape];
  const rs = [...new Array(d - r.length).fill(1), ...r];
  const inter: number[] = [];
  for (let i = 0; i < d; i++) inter.push(rs[i], xs[i]);
  const repAxes = Array.from({ length: d }, (_, i) => 2 * i);
  send(x, reshape(sum(reshape(g, inter), { axis: repAxes }), x.shape));
}
