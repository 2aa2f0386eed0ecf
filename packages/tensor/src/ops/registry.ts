/**
 * The runtime side of the op table: each op registers its function under its table name when
 * its module is evaluated, and Tensor's methods look it up by name. Registration happens inside
 * the op's own (pure-annotated) definition, so a bundler that drops an unused op drops its
 * registration with it — a bundle of `zeros` carries no op code.
 */

import { validated } from './validate';

/** Any op function. */
type OpFn = (...args: never[]) => unknown;

const impls = new Map<string, OpFn>();

/**
 * Registers `f` as the implementation of the table op `name`, wrapped so that its arguments are
 * validated against the table's signature, and returns it. Op
 * modules write `export const exp = defineOp('exp', …)` with a `@__PURE__` annotation so that
 * tree-shaking keeps the op (and its method) only where it is used.
 *
 * @example
 * ```ts
 * export const softplus = defineOp('softplus', (x: TensorLike) => unaryOp('softplus', x));
 * ```
 */
export function defineOp<F extends OpFn>(name: string, f: F): F {
  const g = validated(name, f);
  impls.set(name, g);
  return g;
}

/** The registered function of op `name`, or undefined when it is not in this bundle. */
/**
 * Registers an in-place method's implementation (`add_`, `sub_`, …) under its name; the
 * in-place module calls this when it loads, so that tensor.ts never imports it (no cycle).
 */
export function defineInPlace<F extends OpFn>(name: string, f: F): F {
  impls.set(name, f);
  return f;
}

export function opImpl(name: string): ((...args: unknown[]) => unknown) | undefined {
  return impls.get(name) as ((...args: unknown[]) => unknown) | undefined;
}

/**
 * A second implementation of the ops for values that are not Tensors — @gd/autodiff installs one
 * for its `Var`, so that `tensor(…).mul(v)` returns a recorded Var instead of throwing, while
 * @gd/tensor itself never imports @gd/autodiff.
 */
export interface DispatchHook {
  /** True for a value this hook handles (e.g. `x instanceof Var`). */
  owns(x: unknown): boolean;
  /** Runs op `name` on `args` (in the op function's argument order). */
  call(name: string, args: unknown[]): unknown;
}

let hook: DispatchHook | null = null;

/**
 * Installs the hook that Tensor methods hand an argument to when the hook owns it (see
 * {@link DispatchHook}); returns the previous hook. @gd/autodiff calls this when it is imported.
 *
 * @example
 * ```ts
 * setDispatchHook({ owns: (x) => x instanceof Var, call: (name, args) => varOps[name](...args) });
 * ```
 */
export function setDispatchHook(h: DispatchHook | null): DispatchHook | null {
  const prev = hook;
  hook = h;
  return prev;
}

/** The installed dispatch hook, if any. */
export function dispatchHook(): DispatchHook | null {
  return hook;
}
