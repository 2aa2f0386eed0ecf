/**
 * The recording and replaying machinery shared by every op: grad mode, the node record, sending
 * gradients to inputs (with broadcasting undone) and the reverse sweep itself.
 *
 * Design: a node is the `Var` an op returns; it keeps the op's inputs and a static backward
 * function (no closure per call). Backward rules are written with the same op functions users
 * call, on `arg(x)`: in plain mode that is the input's raw Tensor, so the rules run on Tensors
 * and build no graph; with `createGraph` it is the input Var itself, so the rules are recorded
 * and can be differentiated again (grad of grad, Hessians).
 */
import { ShapeError, type Tensor, type TensorLike, type TypedArray, isFloat } from '@gd/tensor';
import { checkBackward, checkForward } from './anomaly';
import { sumToShape } from './broadcast';
import { AutogradError } from './errors';
import { checkVersions } from './in-place';
import { add } from './ops/arithmetic';
import { astype } from './ops/cast';
import { Var } from './var';

/** Anything an op accepts: a Var, a Tensor or a plain number. */
export type Operand = Var | Tensor | number;

/** A gradient flowing backward: a Tensor, or a Var when the backward pass is being recorded. */
export type Grad = Var | Tensor;

/** A backward rule: receives the gradient of the node's output and sends gradients to its inputs. */
export type BackwardFn = (g: Grad, node: Var) => void;

/** Global switches; one object so the hot path reads one property. */
export const state = {
  /** Ops record a graph (false inside `noGrad`). */
  gradEnabled: true,
  /** The running backward pass records its own ops (higher-order derivatives). */
  createGraph: false,
  /** Anomaly mode: check every forward and backward result for NaN/Inf. */
  anomaly: false,
  /** The node whose backward rule is running (for anomaly messages). */
  current: null as Var | null,
};

/** True when `x` is a Var that wants a gradient. */
export function needs(x: Operand | null): x is Var {
  return x instanceof Var && x.requiresGrad;
}

/** The raw value of an operand (a Tensor, or the number itself). */
export function raw(x: Operand): TensorLike {
  return x instanceof Var ? x.value : x;
}

/**
 * An input as a backward rule should use it: the Var itself while the backward pass is recorded
 * (so the rule is differentiable), its Tensor otherwise (so nothing is recorded).
 */
export function arg(x: Operand | null): Operand {
  if (x === null) throw new Error('autodiff: a backward rule read an input its op did not save');
  return state.createGraph || !(x instanceof Var) ? x : x.value;
}

/** The node's own output as a backward rule should use it (see {@link arg}). */
export function out(n: Var): Grad {
  return state.createGraph ? n : n.value;
}

/**
 * Makes the output of op `op` for `value`. When grad mode is on, the output is a float and some
 * input wants a gradient, the node remembers its inputs and backward rule; otherwise it is a
 * constant Var.
 */
export function record(
  op: string,
  value: Tensor,
  x0: Operand | null,
  x1: Operand | null,
  back: BackwardFn,
  aux: unknown = null,
  xs: readonly Operand[] | null = null,
): Var {
  const v = new Var(value, false);
  v.op = op;
  if (state.gradEnabled && (needs(x0) || needs(x1) || anyNeeds(xs)) && isFloat(value.dtype)) {
    v.requiresGrad = true;
    v.backFn = back;
    v.x0 = x0;
    v.x1 = x1;
    v.xs = xs;
    v.aux = aux;
  }
  if (state.anomaly) checkForward(op, v, x0, x1, xs);
  return v;
}

function anyNeeds(xs: readonly Operand[] | null): boolean {
  if (xs === null) return false;
  for (const x of xs) if (needs(x)) return true;
  return false;
}

/**
 * Adds `g` (the gradient of the current node's output with respect to input `x`) to `x`'s
 * pending gradient. Broadcasting is undone here, once for every op: `g` is summed down to `x`'s
 * shape and cast to `x`'s dtype.
 */
export function send(x: Operand | null, g: Grad): void {
  if (!needs(x)) return;
  if (!sameShape(g.shape, x.value.shape)) g = sumToShape(g, x.value.shape);
  if (g.dtype !== x.value.dtype) g = astype(g, x.value.dtype);
  if (state.anomaly) checkBackward(state.current, x, g);
  const prev = x.pending;
  x.pending = prev === null ? g : add(prev, g);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Options of a reverse sweep. */
interface SweepOptions {
  retainGraph: boolean;
  createGraph: boolean;
  /** Collect gradients for these Vars instead of accumulating into leaves' `.grad`. */
  targets: readonly Var[] | null;
}

let epoch = 0;
// Reused between sweeps so that a backward pass allocates no bookkeeping arrays.
let orderBuf: Var[] = [];
let stackBuf: Var[] = [];
let handedBuf: TypedArray[] = [];
let sweeping = false;

/**
 * Runs the reverse sweep from `roots` seeded with `seeds`. Nodes are visited in reverse
 * topological order (iterative depth-first post-order, marked with an epoch number instead of a
 * Set). Returns the gradients of `targets` (null where a target is unreachable) when given.
 */
export function sweep(
  roots: readonly Var[],
  seeds: readonly Grad[],
  opts: SweepOptions,
): (Grad | null)[] | null {
  const reentrant = sweeping;
  const order = reentrant ? [] : orderBuf;
  const stack = reentrant ? [] : stackBuf;
  // Buffers a leaf may not take as its .grad without a copy: the seeds (the caller's gradOutput
  // or the shared scalar one) and the gradients already given to other leaves in this sweep.
  const handed = reentrant ? [] : handedBuf;
  for (let i = 0; i < seeds.length; i++) handed.push(tensorOf(seeds[i]).data);
  const mark = ++epoch;
  const { targets } = opts;
  if (targets) for (const t of targets) t.targetMark = mark;
  const savedCreate = state.createGraph;
  const savedCurrent = state.current;
  sweeping = true;
  let done = false;
  try {
    for (let i = 0; i < roots.length; i++) topoSort(roots[i], mark, order, stack, targets !== null);
    for (let i = 0; i < roots.length; i++) {
      const r = roots[i];
      r.pending = r.pending === null ? seeds[i] : add(r.pending, seeds[i]);
    }
    state.createGraph = opts.createGraph;
    const results: (Grad | null)[] | null = targets ? targets.map(() => null) : null;
    const retain = opts.retainGraph;
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i];
      const g = n.pending;
      n.pending = null;
      if (g === null) continue;
      if (targets !== null && n.targetMark === mark) {
        const k = targets.indexOf(n);
        const prev = results![k];
        results![k] = prev === null ? g : add(prev, g);
        continue;
      }
      const back = n.backFn;
      if (back === null) {
        if (targets === null) {
          if (opts.createGraph) accumulateRecorded(n, g, handed);
          else accumulateLeaf(n, g, handed);
        }
        continue;
      }
      state.current = n;
      checkVersions(n);
      back(g, n);
      if (!retain) n.release();
    }
    done = true;
    return results;
  } finally {
    // After an error, clear what the sweep left pending so that a later backward starts clean.
    if (!done) for (let i = 0; i < order.length; i++) order[i].pending = null;
    order.length = 0;
    stack.length = 0;
    handed.length = 0;
    state.createGraph = savedCreate;
    state.current = savedCurrent;
    sweeping = reentrant;
    if (!reentrant) {
      orderBuf = order;
      stackBuf = stack;
      handedBuf = handed;
    }
  }
}

/** Appends the nodes reachable from `root` to `order` in post-order (inputs before users). */
function topoSort(root: Var, mark: number, order: Var[], stack: Var[], stopAtTargets: boolean) {
  if (!root.requiresGrad || root.visitMark === mark) return;
  if (root.released) throw releasedError(root);
  root.visitMark = mark;
  root.childIdx = 0;
  stack.push(root);
  while (stack.length > 0) {
    const n = stack[stack.length - 1];
    const child = stopAtTargets && n.targetMark === mark ? null : nextInput(n);
    if (child === null) {
      stack.pop();
      order.push(n);
    } else if (child.visitMark !== mark) {
      if (child.released) throw releasedError(child);
      child.visitMark = mark;
      child.childIdx = 0;
      stack.push(child);
    }
  }
}

/** The next not-yet-scanned input of `n` that wants a gradient, or null when all are scanned. */
function nextInput(n: Var): Var | null {
  for (;;) {
    const i = n.childIdx++;
    let x: Operand | null;
    if (i === 0) x = n.x0;
    else if (i === 1) x = n.x1;
    else if (n.xs !== null && i - 2 < n.xs.length) x = n.xs[i - 2];
    else return null;
    if (x instanceof Var && x.requiresGrad) return x;
  }
}

function releasedError(n: Var): Error {
  return new AutogradError(
    `backward: trying to backward through the graph a second time: the saved inputs of '${n.op}' were freed after the first backward; pass { retainGraph: true } to the first backward() if you need to call it twice`,
  );
}

function tensorOf(g: Grad): Tensor {
  return g instanceof Var ? g.value : g;
}

/**
 * PyTorch semantics: a leaf's `.grad` accumulates until zeroed, and it owns its buffer (an
 * optimizer may write into it). Like PyTorch's AccumulateGrad, a first gradient is taken without
 * a copy unless its buffer is shared — with a seed or another leaf's gradient. Rules never
 * write into gradients and never send a forward value as a gradient, so no other holder exists.
 */
function accumulateLeaf(leaf: Var, g: Grad, handed: TypedArray[]): void {
  const t = tensorOf(g);
  const recorded = leaf.gradVar;
  if (recorded !== null) {
    // .grad is the value of a recorded Var: adding in place would change a value that graph
    // saved, so accumulate out of place and keep .gradVar in step.
    accumulateRecorded(leaf, t, handed);
    return;
  }
  const cur = leaf.grad;
  if (cur === null) {
    // Ops that share buffers (reshape, squeeze…) share the typed array object itself, so
    // identity of `data` detects sharing (reading `.buffer` would force V8 to move small
    // on-heap arrays off the heap).
    const data = t.data;
    if (handed.includes(data)) leaf.grad = t.clone();
    else {
      leaf.grad = t;
      handed.push(data);
    }
    return;
  }
  if (!sameShape(cur.shape, t.shape)) {
    throw new ShapeError(
      `backward: the existing .grad of a leaf has shape [${cur.shape.join(', ')}] but the new gradient has [${t.shape.join(', ')}]; set .grad = null before backward`,
    );
  }
  const d = cur.data;
  const s = t.data;
  for (let i = 0; i < d.length; i++) d[i] += s[i];
}

/**
 * Accumulation of a backward with createGraph (PyTorch accumulates out of place when grad mode
 * is on): the leaf's gradient becomes a Var, `gradVar = gradVar + g` (or `grad + g`, or `g`),
 * recorded so that it can be differentiated again, and `.grad` is that Var's value.
 */
function accumulateRecorded(leaf: Var, g: Grad, handed: TypedArray[]): void {
  const prev: Grad | null = leaf.gradVar ?? leaf.grad;
  if (prev !== null && !sameShape(prev.shape, g.shape)) {
    throw new ShapeError(
      `backward: the existing .grad of a leaf has shape [${prev.shape.join(', ')}] but the new gradient has [${g.shape.join(', ')}]; set .grad = null before backward`,
    );
  }
  let sum: Grad;
  if (prev !== null) sum = add(prev, g);
  else if (handed.includes(tensorOf(g).data))
    sum = add(g, 0); // a fresh buffer, still recorded
  else sum = g;
  const v = sum instanceof Var ? sum : new Var(sum, false);
  leaf.gradRec = v;
  leaf.grad = v.value;
  handed.push(v.value.data);
}
