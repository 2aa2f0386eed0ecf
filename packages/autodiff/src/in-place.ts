/**
 * In-place updates of a Var's value (`sub_`, `mul_`, `zero_`…) and the checks that keep them from
 * corrupting gradients, after PyTorch: outside `noGrad`, a Var that requires grad may not be
 * updated in place ("a leaf Variable that requires grad is being used in an in-place operation");
 * and every value a recorded op used is checked, before its backward rule runs, for an in-place
 * write made after the op was recorded (PyTorch's version counter).
 */
import { GdTypeError } from '@gd/errors';
import * as T from '@gd/tensor';
import { Tensor, type TensorLike, modifiedAt, versionClock } from '@gd/tensor';
import { type Operand, state } from './engine';
import { InPlaceError } from './errors';
import { Var } from './var';

/** What the in-place methods of a Var accept as the other operand. */
export type InPlaceOperand = Var | Tensor | number;

function operand(op: string, other: unknown): TensorLike {
  if (other instanceof Var) {
    if (state.gradEnabled && other.requiresGrad) {
      throw new InPlaceError(
        `${op}: the argument requires grad, and an in-place update is not recorded; do the update inside noGrad(() => …), or pass other.detach()`,
      );
    }
    return other.value;
  }
  if (other instanceof Tensor || typeof other === 'number') return other;
  throw new GdTypeError(
    `${op}: expected a Var, a Tensor or a number, got ${other === null ? 'null' : Array.isArray(other) ? 'an array; wrap it with tensor()' : typeof other}`,
  );
}

/** Refuses an in-place update of `v` that autodiff could not account for. */
function guard(op: string, v: Var): void {
  if (!(v instanceof Var)) throw new GdTypeError(`${op}: expected a Var`);
  if (!state.gradEnabled || !v.requiresGrad) return;
  if (v.isLeaf) {
    throw new InPlaceError(
      `${op}: a leaf Var that requires grad is being used in an in-place operation; update parameters inside noGrad(() => w.${op}(…)) as an optimizer step does, or update w.detach() (which shares w's value)`,
    );
  }
  throw new InPlaceError(
    `${op}: this Var is the output of '${v.op}' in a recorded graph, and in-place updates are not recorded; use the out-of-place op (y = y.${op.slice(0, -1)}(…)), or update inside noGrad(() => …) once its gradient is no longer needed`,
  );
}

/** Runs an in-place update of `v.value` after the checks; returns `v`. */
function inPlace(op: string, v: Var, update: (t: Tensor) => void): Var {
  guard(op, v);
  update(v.value);
  return v;
}

/** v ← v + other under the in-place rules (see {@link Var.add_}). @example `noGrad(() => add_(w, 1))` */
export function add_(v: Var, other: InPlaceOperand): Var {
  const o = operand('add_', other);
  return inPlace('add_', v, (t) => T.add_(t, o));
}

/** v ← v − other under the in-place rules (see {@link Var.sub_}). @example `noGrad(() => sub_(w, w.grad!.mul(0.1)))` */
export function sub_(v: Var, other: InPlaceOperand): Var {
  const o = operand('sub_', other);
  return inPlace('sub_', v, (t) => T.sub_(t, o));
}

/** v ← v · other under the in-place rules (see {@link Var.mul_}). @example `noGrad(() => mul_(w, 0.5))` */
export function mul_(v: Var, other: InPlaceOperand): Var {
  const o = operand('mul_', other);
  return inPlace('mul_', v, (t) => T.mul_(t, o));
}

/** v ← v / other under the in-place rules (see {@link Var.div_}). @example `noGrad(() => div_(w, 2))` */
export function div_(v: Var, other: InPlaceOperand): Var {
  const o = operand('div_', other);
  return inPlace('div_', v, (t) => T.div_(t, o));
}

/** Clamps v's value into [lo, hi] under the in-place rules (see {@link Var.clamp_}). @example `noGrad(() => clamp_(w, -1, 1))` */
export function clamp_(v: Var, lo?: number | null, hi?: number | null): Var {
  return inPlace('clamp_', v, (t) => T.clamp_(t, lo, hi));
}

/** Sets every element of v's value to `value` under the in-place rules. @example `noGrad(() => fill_(w, 0.5))` */
export function fill_(v: Var, value: number | boolean): Var {
  return inPlace('fill_', v, (t) => T.fill_(t, value));
}

/** Sets v's value to zeros under the in-place rules. @example `noGrad(() => zero_(w))` */
export function zero_(v: Var): Var {
  return inPlace('zero_', v, (t) => T.zero_(t));
}

/** Copies `src` into v's value under the in-place rules. @example `noGrad(() => copy_(w, saved))` */
export function copy_(v: Var, src: InPlaceOperand): Var {
  const o = operand('copy_', src);
  return inPlace('copy_', v, (t) => T.copy_(t, o));
}

function dataOf(x: Operand | null): Tensor | null {
  if (x === null || typeof x === 'number') return null;
  return x instanceof Var ? x.value : x;
}

function staleInput(node: Var): [number, Tensor] | null {
  const at = node.recordedAt;
  const inputs: (Operand | null)[] = [node.x0, node.x1, ...(node.xs ?? [])];
  for (let i = 0; i < inputs.length; i++) {
    const t = dataOf(inputs[i]);
    if (t !== null && modifiedAt(t.data) > at) return [i, t];
  }
  return null;
}

/**
 * Before `node`'s backward rule runs: throws an {@link InPlaceError} if one of its inputs, or its
 * own output, was written in place after the node was recorded (the gradient would be computed
 * from the new values). Free when no in-place op ever ran.
 *
 * @example
 * ```ts
 * checkVersions(node); // in the backward sweep, before node.backFn
 * ```
 */
export function checkVersions(node: Var): void {
  if (versionClock.now <= node.recordedAt) return;
  const stale = staleInput(node);
  const own = modifiedAt(node.value.data) > node.recordedAt;
  if (stale === null && !own) return;
  const what =
    stale !== null
      ? `its input ${stale[0]} (shape [${stale[1].shape.join(', ')}])`
      : `its output (shape [${node.shape.join(', ')}])`;
  throw new InPlaceError(
    `backward: a value needed for the gradient of '${node.op}' — ${what} — was modified by an in-place operation after '${node.op}' was recorded; compute the forward pass again after in-place updates (or make them after backward()), or use the out-of-place op`,
  );
}
