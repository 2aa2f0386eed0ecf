import { type DType, Tensor, allocate, isFloat, onesLike, tensor, zeros } from '@gd/tensor';
import { type Grad, type Operand, state, sweep } from './engine';
import { enableGrad } from './mode';
import { mul } from './ops/arithmetic';
import { sum } from './ops/reduce';
import { reshape } from './ops/shape';
import { stack } from './ops/join';
import { Var } from './var';

/** A function to differentiate: called with Vars at the differentiated positions. */
// biome-ignore lint/suspicious/noExplicitAny: user functions take any mix of Var, Tensor and extras.
export type DiffFn = (...args: any[]) => Var | Tensor;

/** Which positional arguments to differentiate: one index (default 0) or several. */
export interface ArgnumsOptions<N extends number | readonly number[] = number | readonly number[]> {
  /** Argument index or indices. Default 0. */
  argnums?: N;
}

/** Options of {@link gradients}. */
export interface GradientsOptions {
  /** Seed ∂L/∂output; defaults to 1 for a one-element output. */
  gradOutput?: Tensor;
  /** Keep the graph for another backward pass. Default: `createGraph`. */
  retainGraph?: boolean;
  /** Record the backward pass so that the gradients can be differentiated again. Default false. */
  createGraph?: boolean;
}

/**
 * ∂output/∂inputs without touching any `.grad` (torch.autograd.grad): returns one gradient per
 * input (zeros for inputs the output does not depend on). With `createGraph` the results are
 * Vars that can be differentiated again.
 *
 * @example
 * ```ts
 * const x = variable(tensor(3, { dtype: 'float64' }));
 * const [dx] = gradients(x.pow(3), [x], { createGraph: true }); // 3x² = 27, a Var
 * const [d2x] = gradients(dx as Var, [x]);                       // 6x = 18
 * ```
 */
export function gradients(
  output: Var,
  inputs: readonly Var[],
  opts: GradientsOptions = {},
): Grad[] {
  const createGraph = !!opts.createGraph;
  if (!output.requiresGrad) return inputs.map((x) => zeros(x.shape, { dtype: x.dtype }));
  let seed = opts.gradOutput;
  if (seed === undefined) {
    if (output.size !== 1) {
      throw new TypeError(
        `gradients: the output has shape [${output.shape.join(', ')}]; pass gradOutput or reduce it to one element`,
      );
    }
    seed = onesLike(output.value);
  }
  const res = sweep([output], [seed], {
    retainGraph: opts.retainGraph ?? createGraph,
    createGraph,
    targets: inputs,
  })!;
  return res.map((g, i) => {
    if (g === null) return zeros(inputs[i].shape, { dtype: inputs[i].dtype });
    return createGraph || !(g instanceof Var) ? g : g.value;
  });
}

function argnumList(argnums: number | readonly number[] | undefined, nargs: number, op: string) {
  const list = argnums === undefined ? [0] : typeof argnums === 'number' ? [argnums] : [...argnums];
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0 || i >= nargs) {
      throw new RangeError(`${op}: argnums ${i} is out of range for ${nargs} argument(s)`);
    }
  }
  return list;
}

/** Whether a call is nested inside another transformation (an argument is a recording Var). */
function isNested(args: readonly unknown[], argnums: readonly number[]): boolean {
  return (
    state.gradEnabled &&
    argnums.some((i) => args[i] instanceof Var && (args[i] as Var).requiresGrad)
  );
}

/** Makes the differentiated argument a Var leaf (kept as is when it already records). */
function asInput(a: unknown, i: number, op: string): Var {
  if (a instanceof Var) return a.requiresGrad ? a : new Var(a.value, true);
  if (typeof a === 'number') return new Var(tensor(a, { dtype: 'float64' }), true);
  if (a instanceof Tensor) {
    if (!isFloat(a.dtype)) {
      throw new TypeError(
        `${op}: argument ${i} has dtype ${a.dtype}; only float tensors can be differentiated (cast with astype('float64'))`,
      );
    }
    return new Var(a, true);
  }
  throw new TypeError(`${op}: argument ${i} must be a Tensor, Var or number to be differentiated`);
}

interface Traced {
  out: Var | Tensor;
  inputs: Var[];
  nested: boolean;
}

function trace(
  f: DiffFn,
  args: readonly unknown[],
  argnums: readonly number[],
  op: string,
): Traced {
  const nested = isNested(args, argnums);
  const call = [...args];
  const inputs = argnums.map((i) => {
    const v = asInput(args[i], i, op);
    call[i] = v;
    return v;
  });
  const out = enableGrad(() => f(...call));
  if (!(out instanceof Var) && !(out instanceof Tensor)) {
    throw new TypeError(`${op}: the function must return a Var or Tensor, got ${typeof out}`);
  }
  return { out, inputs, nested };
}

function scalarGrads(t: Traced, op: string): Grad[] {
  const { out, inputs, nested } = t;
  if (out.size !== 1) {
    throw new TypeError(
      `${op}: the function must return one element, got shape [${out.shape.join(', ')}]; use jacobian for non-scalar outputs`,
    );
  }
  if (!isFloat(out.dtype)) {
    throw new TypeError(
      `${op}: the function returned a ${out.dtype} result, which is not differentiable; return a float expression`,
    );
  }
  if (!(out instanceof Var)) return inputs.map((x) => zeros(x.shape, { dtype: x.dtype }));
  return gradients(out, inputs, { createGraph: nested });
}

/** What grad(f) returns: a function giving ∂f/∂x (one argnum) or a list (several). */
export type GradFn<R> = (...args: unknown[]) => R;

/**
 * JAX's grad: turns a scalar function into one that returns its gradient with respect to
 * argument `argnums` (default 0; a list gives a list of gradients). Called with Tensors it returns
 * Tensors; called with recording Vars (inside another grad/jacobian) it returns Vars, so
 * `grad(grad(f))` gives second derivatives. Arguments outside `argnums` are passed as given
 * (a Tensor stays a Tensor), so combine them with the op functions — `mul(x, y)` — rather than
 * Tensor methods, which do not know Vars.
 *
 * @example
 * ```ts
 * const f = (x) => x.pow(2).add(x.neg().exp()); // x² + e⁻ˣ
 * grad(f)(tensor(3, { dtype: 'float64' }));      // 6 − e⁻³
 * grad(grad(f))(tensor(3, { dtype: 'float64' }));// 2 + e⁻³
 * grad((x, y) => x.mul(y).sum(), { argnums: [0, 1] })(a, b); // [b, a]
 * ```
 */
export function grad(f: DiffFn, opts?: ArgnumsOptions<number>): GradFn<Tensor>;
export function grad(f: DiffFn, opts: ArgnumsOptions<readonly number[]>): GradFn<Tensor[]>;
export function grad(f: DiffFn, opts: ArgnumsOptions = {}): GradFn<Tensor | Tensor[]> {
  return (...args: unknown[]) => {
    const argnums = argnumList(opts.argnums, args.length, 'grad');
    const gs = scalarGrads(trace(f, args, argnums, 'grad'), 'grad') as Tensor[];
    return typeof opts.argnums === 'object' ? gs : gs[0];
  };
}

/**
 * Like {@link grad} but returns `[value, gradient]`, evaluating f once.
 *
 * @example
 * ```ts
 * const [v, g] = valueAndGrad((x) => x.square().sum())(tensor([1, 2])); // 5, [2, 4]
 * ```
 */
export function valueAndGrad(f: DiffFn, opts?: ArgnumsOptions<number>): GradFn<[number, Tensor]>;
export function valueAndGrad(
  f: DiffFn,
  opts: ArgnumsOptions<readonly number[]>,
): GradFn<[number, Tensor[]]>;
export function valueAndGrad(
  f: DiffFn,
  opts: ArgnumsOptions = {},
): GradFn<[number, Tensor | Tensor[]]> {
  return (...args: unknown[]) => {
    const argnums = argnumList(opts.argnums, args.length, 'valueAndGrad');
    const t = trace(f, args, argnums, 'valueAndGrad');
    const gs = scalarGrads(t, 'valueAndGrad') as Tensor[];
    return [t.out.item(), typeof opts.argnums === 'object' ? gs : gs[0]];
  };
}

/**
 * The Jacobian of f with respect to argument `argnums` (default 0), by reverse mode (one
 * backward pass per output element): J[i…, j…] = ∂fᵢ/∂xⱼ, shaped `[...out.shape, ...x.shape]`.
 *
 * @example
 * ```ts
 * jacobian((x) => x.square())(tensor([1, 2, 3])); // diag(2, 4, 6)
 * ```
 */
export function jacobian(f: DiffFn, opts?: ArgnumsOptions<number>): GradFn<Tensor>;
export function jacobian(f: DiffFn, opts: ArgnumsOptions<readonly number[]>): GradFn<Tensor[]>;
export function jacobian(f: DiffFn, opts: ArgnumsOptions = {}): GradFn<Tensor | Tensor[]> {
  return (...args: unknown[]) => {
    const argnums = argnumList(opts.argnums, args.length, 'jacobian');
    const { out, inputs, nested } = trace(f, args, argnums, 'jacobian');
    const m = out.size;
    const rows: Grad[][] = inputs.map(() => []);
    for (let j = 0; j < m; j++) {
      const seed = new Tensor(allocate(out.dtype, m), out.shape);
      seed.data[j] = 1;
      const gs =
        out instanceof Var
          ? gradients(out, inputs, { gradOutput: seed, createGraph: nested, retainGraph: true })
          : inputs.map((x) => zeros(x.shape, { dtype: x.dtype }));
      gs.forEach((g, k) => {
        rows[k].push(g);
      });
    }
    const js = inputs.map((x, k) => assemble(rows[k], out.shape, x.shape, x.dtype, nested));
    return typeof opts.argnums === 'object' ? js : js[0];
  };
}

/** Lays per-output gradients out as one `[...outShape, ...inShape]` tensor (a Var when nested). */
function assemble(
  rows: Grad[],
  outShape: readonly number[],
  inShape: readonly number[],
  dtype: DType,
  nested: boolean,
): Tensor {
  const shape = [...outShape, ...inShape];
  if (nested && rows.some((r) => r instanceof Var)) {
    return reshape(stack(rows), shape) as unknown as Tensor;
  }
  const n = inShape.reduce((p, d) => p * d, 1);
  const data = allocate(dtype, rows.length * n);
  rows.forEach((r, j) => {
    data.set((r instanceof Var ? r.value : r).data, j * n);
  });
  return new Tensor(data, shape);
}

/**
 * The Hessian of a scalar f with respect to argument `argnums`: H = ∂²f/∂x², shaped
 * `[...x.shape, ...x.shape]`, computed as the Jacobian of the gradient (reverse over reverse).
 *
 * @example
 * ```ts
 * const saddle = (v) => v.take(0).square().sub(v.take(1).square()); // x² − y²
 * hessian(saddle)(tensor([0, 0], { dtype: 'float64' })); // [[2, 0], [0, -2]]
 * ```
 */
export function hessian(f: DiffFn, opts: ArgnumsOptions<number> = {}): GradFn<Tensor> {
  return jacobian(grad(f, opts), opts);
}

/**
 * Hessian-vector product H(x)·v without forming H: ∇ₓ⟨∇f(x), v⟩ (Pearlmutter's trick by
 * reverse over reverse). f is differentiated with respect to its first argument.
 *
 * @example
 * ```ts
 * hvp((v) => v.square().sum())(tensor([1, 2]), tensor([1, 0])); // [2, 0]
 * ```
 */
export function hvp(f: DiffFn): (x: Operand, v: Tensor | Var) => Tensor {
  const df = grad(f);
  return (x, v) =>
    grad((xv: Var) => {
      const g = df(xv) as Tensor | Var;
      return sum(mul(g, v));
    })(x);
}
