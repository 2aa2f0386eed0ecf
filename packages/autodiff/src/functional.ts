import { GdRangeError, GdTypeError } from '@gd/errors';
import {
  type DType,
  ShapeError,
  Tensor,
  allocate,
  isFloat,
  onesLike,
  tensor,
  zeros,
} from '@gd/tensor';
import { type Grad, state, sweep } from './engine';
import { enableGrad } from './mode';
import { add, mul } from './ops/arithmetic';
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
      throw new GdTypeError(
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
      throw new GdRangeError(`${op}: argnums ${i} is out of range for ${nargs} argument(s)`);
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
      throw new GdTypeError(
        `${op}: argument ${i} has dtype ${a.dtype}; only float tensors can be differentiated (cast with astype('float64'))`,
      );
    }
    return new Var(a, true);
  }
  throw new GdTypeError(
    `${op}: argument ${i} must be a Tensor, Var or number to be differentiated`,
  );
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
    throw new GdTypeError(`${op}: the function must return a Var or Tensor, got ${typeof out}`);
  }
  return { out, inputs, nested };
}

function scalarGrads(t: Traced, op: string, createGraph = t.nested): Grad[] {
  const { out, inputs } = t;
  if (out.size !== 1) {
    throw new GdTypeError(
      `${op}: the function must return one element, got shape [${out.shape.join(', ')}]; use jacobian for non-scalar outputs`,
    );
  }
  if (!isFloat(out.dtype)) {
    throw new GdTypeError(
      `${op}: the function returned a ${out.dtype} result, which is not differentiable; return a float expression`,
    );
  }
  if (!(out instanceof Var)) return inputs.map((x) => zeros(x.shape, { dtype: x.dtype }));
  return gradients(out, inputs, { createGraph });
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
    if (!isFloat(out.dtype)) {
      throw new GdTypeError(
        `jacobian: the function returned a ${out.dtype} result, which is not differentiable; return a float expression`,
      );
    }
    const js = jacobianOf(out, inputs, nested);
    return typeof opts.argnums === 'object' ? js : js[0];
  };
}

/** ∂out/∂inputsₖ for every k, one backward pass per element of `out` (Vars when `nested`). */
function jacobianOf(out: Grad, inputs: readonly Var[], nested: boolean): Tensor[] {
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
  return inputs.map((x, k) => assemble(rows[k], out.shape, x.shape, x.dtype, nested));
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
 * The Hessian of a scalar f (JAX's `hessian`), computed as the Jacobian of the gradient
 * (reverse over reverse, f evaluated once).
 *
 * - One argnum k (default 0): H = ∂²f/∂xₖ², a Tensor shaped `[...xₖ.shape, ...xₖ.shape]`.
 * - A list of argnums [i, j, …]: the nested blocks `H[a][b] = ∂²f/∂x_{argnums[a]}∂x_{argnums[b]}`,
 *   each shaped `[...x_{argnums[a]}.shape, ...x_{argnums[b]}.shape]`; with `argnums: [0, 1]` that
 *   is `[[H00, H01], [H10, H11]]` (H10 is H01 transposed for a smooth f).
 *
 * @example
 * ```ts
 * const saddle = (v) => v.take(0).square().sub(v.take(1).square()); // x² − y²
 * hessian(saddle)(tensor([0, 0], { dtype: 'float64' })); // [[2, 0], [0, -2]]
 *
 * const f = (x, y) => mul(x.square(), y).sum();          // Σ xᵢ² yᵢ
 * const [[hxx, hxy], [hyx, hyy]] = hessian(f, { argnums: [0, 1] })(x, y);
 * // hxx = diag(2y), hxy = hyx = diag(2x), hyy = 0
 * ```
 */
export function hessian(f: DiffFn, opts?: ArgnumsOptions<number>): GradFn<Tensor>;
export function hessian(f: DiffFn, opts: ArgnumsOptions<readonly number[]>): GradFn<Tensor[][]>;
export function hessian(f: DiffFn, opts: ArgnumsOptions = {}): GradFn<Tensor | Tensor[][]> {
  return (...args: unknown[]) => {
    const argnums = argnumList(opts.argnums, args.length, 'hessian');
    const t = trace(f, args, argnums, 'hessian');
    // The gradient is recorded whatever the nesting, since it is differentiated again here.
    const gs = scalarGrads(t, 'hessian', true);
    const blocks = gs.map((g) => jacobianOf(g, t.inputs, t.nested));
    return typeof opts.argnums === 'object' ? blocks : blocks[0][0];
  };
}

/**
 * Hessian-vector product without forming H (Pearlmutter's trick, reverse over reverse): the
 * returned function takes f's arguments followed by the vector, and gives ∇ₓ⟨∇ₓf, v⟩.
 *
 * - One argnum k (default 0): `hvp(f, { argnums: k })(...args, v)` = Hₖₖ·v, shaped like xₖ.
 * - A list of argnums: v is a list with one tensor per argnum and the result is the list
 *   `(H·v)[a] = Σ_b H[a][b]·v[b]` — the blocks of {@link hessian} applied to the stacked vector.
 *
 * @example
 * ```ts
 * hvp((v) => v.square().sum())(tensor([1, 2]), tensor([1, 0])); // [2, 0]
 * const f = (x, y) => mul(x.square(), y).sum();
 * hvp(f, { argnums: [0, 1] })(x, y, [vx, vy]); // [2y·vx + 2x·vy, 2x·vx]
 * ```
 */
export function hvp(f: DiffFn, opts?: ArgnumsOptions<number>): (...argsThenV: unknown[]) => Tensor;
export function hvp(
  f: DiffFn,
  opts: ArgnumsOptions<readonly number[]>,
): (...argsThenV: unknown[]) => Tensor[];
export function hvp(
  f: DiffFn,
  opts: ArgnumsOptions = {},
): (...argsThenV: unknown[]) => Tensor | Tensor[] {
  return (...argsThenV: unknown[]) => {
    if (argsThenV.length < 2) {
      throw new GdTypeError(
        `hvp: call the result with f's arguments followed by the vector v, got ${argsThenV.length} argument(s)`,
      );
    }
    const args = argsThenV.slice(0, -1);
    const v = argsThenV[argsThenV.length - 1];
    const many = typeof opts.argnums === 'object';
    const argnums = argnumList(opts.argnums, args.length, 'hvp');
    const vs = many ? v : [v];
    if (!Array.isArray(vs) || vs.length !== argnums.length) {
      throw new GdTypeError(
        `hvp: with argnums [${argnums.join(', ')}] v must be a list of ${argnums.length} tensor(s), one per argument, got ${describeValue(v)}`,
      );
    }
    const t = trace(f, args, argnums, 'hvp');
    const gs = scalarGrads(t, 'hvp', true);
    let dot: Grad | null = null;
    for (let k = 0; k < gs.length; k++) {
      const g = gs[k];
      const vk: unknown = vs[k];
      if (!(vk instanceof Tensor) && !(vk instanceof Var)) {
        throw new GdTypeError(`hvp: v[${k}] must be a Tensor or Var, got ${describeValue(vk)}`);
      }
      if (!sameShape(vk.shape, g.shape)) {
        throw new ShapeError(
          `hvp: v for argument ${argnums[k]} has shape [${vk.shape.join(', ')}] but the argument has [${g.shape.join(', ')}]; they must match`,
        );
      }
      const term: Grad = sum(mul(g, vk));
      dot = dot === null ? term : add(dot, term);
    }
    const { inputs, nested } = t;
    // ⟨∇f, v⟩ is a constant when f is at most linear in the arguments: H·v is then 0.
    const res = (
      dot instanceof Var
        ? gradients(dot, inputs, { createGraph: nested })
        : inputs.map((x) => zeros(x.shape, { dtype: x.dtype }))
    ) as Tensor[];
    return many ? res : res[0];
  };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (v instanceof Tensor || v instanceof Var) return `shape [${v.shape.join(', ')}]`;
  return typeof v;
}
