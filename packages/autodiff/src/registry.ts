/**
 * Autodiff's half of the op table (gd's derivatives.yaml): each op of @gd/tensor's `OP_TABLE`
 * registers here, under the same name, the function that records it with its backward rule.
 * Var's methods and the Tensor-method dispatch hook look ops up by name. Unlike @gd/tensor's ops,
 * these registrations are not marked pure: programs that use autodiff chain methods
 * (`x.pow(2).add(x.neg().exp())`), so every op stays in any bundle that uses a Var. A test checks
 * that this registry and `OP_TABLE` cover one set.
 */

/** Any op function. */
type OpFn = (...args: never[]) => unknown;

const impls = new Map<string, OpFn>();

/** Registers `f` as autodiff's op `name` and returns it unchanged (see the module comment). */
export function defineVarOp<F extends OpFn>(name: string, f: F): F {
  impls.set(name, f);
  return f;
}

/** The registered function of op `name`, or undefined when it is not in this bundle. */
export function varOpImpl(name: string): ((...args: unknown[]) => unknown) | undefined {
  return impls.get(name) as ((...args: unknown[]) => unknown) | undefined;
}

/** The names of every registered op (for the coverage test). */
export function registeredVarOps(): string[] {
  return [...impls.keys()];
}
