import { GdRangeError, GdTypeError } from '@gd/errors';
import { DTypeError, ShapeError } from '@gd/tensor';
import { OptimizerError } from './errors';
import type { FloatArray, ParamGroup, ParamGroupInput, ParamsInput, Parameter } from './parameter';

/** A value an optimizer keeps per parameter: counters, scalars and buffers. */
export type StateValue = number | boolean | null | FloatArray | StateValue[];

/** The per-parameter state of an optimizer (PyTorch's `optimizer.state[p]`, camelCase keys). */
export type ParamState = { [key: string]: StateValue };

/** A typed array in a state dict: its dtype and its elements as plain numbers. */
export interface SerializedArray {
  dtype: 'float32' | 'float64';
  /** Elements; non-finite values are written as the strings `'NaN'`, `'Infinity'`, `'-Infinity'`. */
  data: Array<number | string>;
}

/** A state value in a state dict: plain JSON. */
export type SerializedValue =
  | number
  | string
  | boolean
  | null
  | SerializedArray
  | SerializedValue[];

/**
 * The JSON-serialisable snapshot `stateDict()` returns: per-parameter state keyed by the
 * parameter's index (counting through the groups in order, as PyTorch does) and each group's
 * options with `params` replaced by those indices.
 */
export interface StateDict {
  state: Record<string, Record<string, SerializedValue>>;
  paramGroups: Array<{ params: number[]; [option: string]: unknown }>;
}

/** What `step(closure)` calls: re-evaluates the loss (and, for gradient methods, the gradients). */
export type Closure = () => number | { item(): number };

/** Reads a closure's result as a number (a loss Var or Tensor, or a plain number). */
export function lossValue(owner: string, v: number | { item(): number }): number {
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && typeof v.item === 'function') return v.item();
  throw new GdTypeError(
    `${owner}: the closure must return the loss as a number or a scalar Tensor/Var, got ${String(v)}`,
  );
}

function snakeToCamel(s: string): string {
  return s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Merges user options over defaults, rejecting names the optimizer does not have — in particular
 * PyTorch's snake_case spellings, which would otherwise be silently ignored.
 */
export function resolveOptions<O extends object>(
  owner: string,
  user: Partial<O> | undefined,
  defaults: O,
): O {
  const out = { ...defaults } as Record<string, unknown>;
  if (user === undefined) return out as O;
  if (user === null || typeof user !== 'object') {
    throw new GdTypeError(`${owner}: options must be an object, got ${String(user)}`);
  }
  for (const [k, v] of Object.entries(user)) {
    if (!(k in defaults)) {
      const camel = snakeToCamel(k);
      const hint = camel !== k && camel in defaults ? `; did you mean '${camel}'?` : '';
      throw new GdTypeError(
        `${owner}: unknown option '${k}'${hint} (options: ${Object.keys(defaults).join(', ')})`,
      );
    }
    if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v;
  }
  return out as O;
}

function isParameter(x: unknown): x is Parameter {
  return (
    x !== null &&
    typeof x === 'object' &&
    'value' in x &&
    'grad' in x &&
    typeof (x as { value: unknown }).value === 'object' &&
    (x as { value: { data?: unknown } }).value !== null &&
    ArrayBuffer.isView((x as { value: { data?: unknown } }).value.data)
  );
}

/**
 * The op that made `p` when it is a non-leaf Var (autodiff's `isLeaf` is false), else null.
 * Plain `{ value, grad }` parameters have no `isLeaf` and are always leaves.
 */
function nonLeafOp(p: Parameter): string | null {
  const v = p as Parameter & { isLeaf?: unknown; op?: unknown };
  if (v.isLeaf !== false) return null;
  return typeof v.op === 'string' ? v.op : 'an op';
}

function encodeNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}

function decodeNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return Number(x);
  throw new GdTypeError(`loadStateDict: expected a number, got ${JSON.stringify(x)}`);
}

function serialize(v: StateValue): SerializedValue {
  if (v instanceof Float64Array || v instanceof Float32Array) {
    return {
      dtype: v instanceof Float64Array ? 'float64' : 'float32',
      data: Array.from(v, encodeNumber),
    };
  }
  if (Array.isArray(v)) return v.map(serialize);
  if (typeof v === 'number') return encodeNumber(v);
  return v;
}

function deserialize(v: SerializedValue): StateValue {
  if (Array.isArray(v)) return v.map(deserialize);
  if (v !== null && typeof v === 'object') {
    const { dtype, data } = v;
    if ((dtype !== 'float32' && dtype !== 'float64') || !Array.isArray(data)) {
      throw new GdTypeError(
        `loadStateDict: a buffer must be { dtype: 'float32' | 'float64', data: number[] }, got ${JSON.stringify(v).slice(0, 80)}`,
      );
    }
    const out = dtype === 'float64' ? new Float64Array(data.length) : new Float32Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = decodeNumber(data[i]);
    return out;
  }
  if (typeof v === 'string') return decodeNumber(v);
  return v;
}

function copyOption(v: unknown): unknown {
  return Array.isArray(v) ? v.map(copyOption) : v;
}

/**
 * The base of every optimizer, with PyTorch's `torch.optim.Optimizer` behaviour: parameter
 * groups with per-group overrides of the defaults, state created lazily per parameter on its
 * first step, `zeroGrad`, `addParamGroup`, and a JSON-serialisable `stateDict()` that
 * `loadStateDict()` restores exactly (a fresh optimizer continues the identical trajectory).
 *
 * Gradient rules that act element by element extend {@link ElementwiseOptimizer}; LBFGS and the
 * zeroth-order searches implement `step` themselves.
 *
 * @example
 * ```ts
 * const opt = new Adam([{ params: [w], lr: 1e-3 }, { params: [b], lr: 1e-2 }]);
 * opt.zeroGrad(); loss().backward(); opt.step();
 * const saved = JSON.stringify(opt.stateDict());
 * ```
 */
export abstract class Optimizer<O extends object, S extends ParamState = ParamState> {
  /** The parameter groups; each holds `params` and every option, and may be edited between steps. */
  readonly paramGroups: ParamGroup<O>[] = [];
  /** Per-parameter state (moment buffers, step counts), created on a parameter's first step. */
  readonly state = new Map<Parameter, S>();
  /** The options groups fall back to. */
  readonly defaults: Readonly<O>;
  /** The optimizer's name in error messages (`'Adam'`). */
  protected readonly name: string;

  constructor(name: string, params: ParamsInput<O>, defaults: O) {
    this.name = name;
    this.validate(defaults, 'options');
    this.defaults = defaults;
    if (params === null || typeof params !== 'object' || !(Symbol.iterator in params)) {
      throw new GdTypeError(
        `${name}: params must be a list of parameters or of parameter groups ({ params, ...options }), got ${String(params)}`,
      );
    }
    const list = [...(params as Iterable<unknown>)];
    if (list.length === 0) {
      throw new GdRangeError(`${name}: got an empty parameter list; pass at least one parameter`);
    }
    const first = list[0];
    const grouped =
      first !== null && typeof first === 'object' && 'params' in first && !isParameter(first);
    const groups = grouped
      ? (list as ParamGroupInput<O>[])
      : [{ params: list as Parameter[] } as unknown as ParamGroupInput<O>];
    for (const g of groups) this.addParamGroup(g);
  }

  /**
   * Checks one set of options (the defaults, or a group after merging), throwing a RangeError or
   * TypeError that names the optimizer, the option and the bad value.
   */
  protected abstract validate(options: O, where: string): void;

  /**
   * Adds a parameter group (for instance layers unfrozen during fine-tuning); missing options
   * take the optimizer's defaults. A parameter may belong to only one group.
   */
  addParamGroup(group: ParamGroupInput<O>): void {
    const where = `param group ${this.paramGroups.length}`;
    if (group === null || typeof group !== 'object' || !('params' in group)) {
      throw new GdTypeError(`${this.name}: a param group must be an object { params, ...options }`);
    }
    const params =
      isParameter(group.params) || !(Symbol.iterator in Object(group.params))
        ? [group.params as unknown]
        : [...(group.params as Iterable<unknown>)];
    params.forEach((p, i) => {
      if (!isParameter(p)) {
        throw new GdTypeError(
          `${this.name}: ${where}: params[${i}] is not a parameter; pass objects with value (a Tensor) and grad, such as variable(...) from @gd/autodiff`,
        );
      }
      const made = nonLeafOp(p);
      if (made !== null) {
        throw new OptimizerError(
          `${this.name}: ${where}: params[${i}] is a non-leaf Var (the result of '${made}'); can't optimize a non-leaf Var — its value is recomputed from the graph, so updates would be lost. Pass the leaf it was computed from, or make a new leaf from its value with variable(w.value) (PyTorch's w.detach().requires_grad_()); build initial values before wrapping: w = variable(randn([3]).mul(0.01)), not variable(randn([3])).mul(0.01)`,
        );
      }
      if (p.value.dtype !== 'float32' && p.value.dtype !== 'float64') {
        throw new DTypeError(
          `${this.name}: ${where}: params[${i}] has dtype ${p.value.dtype}; optimizers update float32 or float64 parameters, so create it with { dtype: 'float32' } or 'float64'`,
        );
      }
    });
    const seen = new Set<Parameter>();
    for (const g of this.paramGroups) for (const p of g.params) seen.add(p);
    for (const p of params as Parameter[]) {
      if (seen.has(p)) {
        throw new GdRangeError(
          `${this.name}: some parameters appear in more than one parameter group (or twice in one); give each parameter once`,
        );
      }
      seen.add(p);
    }
    const merged: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.defaults)) merged[k] = copyOption(v);
    for (const [k, v] of Object.entries(group)) {
      if (k === 'params' || v === undefined) continue;
      const camel = snakeToCamel(k);
      if (camel !== k && camel in this.defaults) {
        throw new GdTypeError(
          `${this.name}: ${where}: unknown option '${k}'; did you mean '${camel}'?`,
        );
      }
      merged[k] = copyOption(v);
    }
    this.validate(merged as O, where);
    merged.params = params;
    this.paramGroups.push(merged as ParamGroup<O>);
  }

  /**
   * Performs one optimization step. If `closure` is given it is called first (it should zero
   * the gradients, recompute the loss, call `backward()` and return the loss) and its loss is
   * returned as a number.
   */
  abstract step(closure?: Closure): number | undefined;

  /**
   * Clears the gradients of every parameter: sets them to `null` (default, as PyTorch ≥ 2.0) or,
   * with `setToNone: false`, fills the existing gradient buffers with zeros.
   */
  zeroGrad({ setToNone = true }: { setToNone?: boolean } = {}): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) p.grad = null;
        else p.grad.data.fill(0);
      }
    }
  }

  /** A deep, JSON-serialisable copy of the state and the groups' options (see {@link StateDict}). */
  stateDict(): StateDict {
    const index = new Map<Parameter, number>();
    const paramGroups = this.paramGroups.map((g) => {
      const out: { params: number[]; [option: string]: unknown } = { params: [] };
      for (const [k, v] of Object.entries(g)) if (k !== 'params') out[k] = copyOption(v);
      out.params = g.params.map((p) => {
        index.set(p, index.size);
        return index.size - 1;
      });
      return out;
    });
    const state: StateDict['state'] = {};
    for (const [p, s] of this.state) {
      const entry: Record<string, SerializedValue> = {};
      for (const [k, v] of Object.entries(s)) entry[k] = serialize(v);
      state[String(index.get(p))] = entry;
    }
    return { state, paramGroups };
  }

  /**
   * Restores a {@link StateDict} (from this optimizer or one built over the same parameter
   * layout): group options are replaced and per-parameter state is rebuilt, so stepping
   * continues exactly where the saved optimizer was.
   */
  loadStateDict(stateDict: StateDict): void {
    const name = `${this.name}.loadStateDict`;
    if (
      stateDict === null ||
      typeof stateDict !== 'object' ||
      !Array.isArray(stateDict.paramGroups) ||
      typeof stateDict.state !== 'object'
    ) {
      throw new GdTypeError(`${name}: expected { state, paramGroups } as stateDict() returns`);
    }
    if (stateDict.paramGroups.length !== this.paramGroups.length) {
      throw new GdRangeError(
        `${name}: the state dict has ${stateDict.paramGroups.length} parameter groups but this optimizer has ${this.paramGroups.length}`,
      );
    }
    const byIndex: Parameter[] = [];
    stateDict.paramGroups.forEach((saved, gi) => {
      const group = this.paramGroups[gi];
      if (!Array.isArray(saved.params) || saved.params.length !== group.params.length) {
        throw new GdRangeError(
          `${name}: parameter group ${gi} has ${saved.params?.length} parameters in the state dict but ${group.params.length} here`,
        );
      }
      const merged: Record<string, unknown> = { ...group };
      for (const [k, v] of Object.entries(saved)) if (k !== 'params') merged[k] = copyOption(v);
      this.validate(merged as O, `param group ${gi}`);
      saved.params.forEach((id, j) => {
        byIndex[id] = group.params[j];
      });
    });
    // Everything is decoded and checked before anything changes, so a bad state dict leaves
    // the optimizer as it was.
    const loaded = new Map<Parameter, S>();
    for (const [id, saved] of Object.entries(stateDict.state)) {
      const p = byIndex[Number(id)];
      if (p === undefined) {
        throw new GdRangeError(`${name}: state for parameter ${id}, which no group lists`);
      }
      const s: ParamState = {};
      for (const [k, v] of Object.entries(saved)) s[k] = deserialize(v);
      loaded.set(p, this.adoptState(p, s as S, id));
    }
    this.paramGroups.forEach((group, gi) => {
      for (const [k, v] of Object.entries(stateDict.paramGroups[gi])) {
        if (k !== 'params') (group as Record<string, unknown>)[k] = copyOption(v);
      }
    });
    this.state.clear();
    for (const [p, s] of loaded) this.state.set(p, s);
  }

  /**
   * Checks one parameter's state read by `loadStateDict` against the parameter and returns the
   * state to keep (for instance with buffers cast to the parameter's dtype); throws if it cannot
   * belong to it. The default keeps the state as it is.
   */
  protected adoptState(_param: Parameter, state: S, _id: string): S {
    return state;
  }
}

/**
 * An optimizer whose rule updates each parameter from its own gradient and state, element by
 * element (SGD, Adam, …). Subclasses give `initState` and the fused in-place `update`; the step
 * loop, the skipping of parameters without a gradient and the shape checks live here.
 *
 * @example
 * ```ts
 * class SignSGD extends ElementwiseOptimizer<{ lr: number }, Record<string, never>> {
 *   constructor(params: Parameter[], lr = 0.01) { super('SignSGD', params, { lr }); }
 *   protected validate() {}
 *   protected initState() { return {}; }
 *   protected update(p: FloatArray, g: FloatArray, _s: object, o: { lr: number }) {
 *     for (let i = 0; i < p.length; i++) p[i] -= o.lr * Math.sign(g[i]);
 *   }
 * }
 * ```
 */
export abstract class ElementwiseOptimizer<
  O extends object,
  S extends ParamState = ParamState,
> extends Optimizer<O, S> {
  /**
   * Element-wise state holds one buffer element per parameter element: a loaded buffer of
   * another length is a ShapeError (as PyTorch fails on its first step), and buffers take the
   * parameter's dtype, as PyTorch casts loaded state to its parameter's.
   */
  protected override adoptState(param: Parameter, state: S, id: string): S {
    const data = param.value.data as FloatArray;
    for (const [k, v] of Object.entries(state)) {
      if (!(v instanceof Float64Array || v instanceof Float32Array)) continue;
      if (v.length !== data.length) {
        throw new ShapeError(
          `${this.name}.loadStateDict: state '${k}' of parameter ${id} has ${v.length} elements but the parameter has ${data.length} (shape [${param.value.shape.join(', ')}]); load a state dict saved for the same parameters`,
        );
      }
      if (v.constructor !== data.constructor) {
        (state as ParamState)[k] =
          data instanceof Float32Array ? Float32Array.from(v) : Float64Array.from(v);
      }
    }
    return state;
  }

  /** Creates the state of a parameter on its first step. */
  protected abstract initState(param: FloatArray, group: ParamGroup<O>): S;

  /** Updates one parameter in place from its gradient: the optimizer's rule, one fused loop. */
  protected abstract update(
    param: FloatArray,
    grad: FloatArray,
    state: S,
    group: ParamGroup<O>,
  ): void;

  /**
   * Performs one optimization step on every parameter that has a gradient.
   * If `closure` is given it is called first (it should zero the gradients, recompute the loss,
   * call `backward()` and return the loss) and its loss is returned as a number.
   */
  override step(closure?: Closure): number | undefined {
    const loss = closure === undefined ? undefined : lossValue(this.name, closure());
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        const grad = p.grad;
        if (grad === null || grad === undefined) continue;
        const data = p.value.data as FloatArray;
        if (grad.data.length !== data.length) {
          throw new ShapeError(
            `${this.name}: a gradient has ${grad.data.length} elements but its parameter has ${data.length} (shape [${p.value.shape.join(', ')}]); the gradient must match the parameter's shape`,
          );
        }
        let s = this.state.get(p);
        if (s === undefined) {
          s = this.initState(data, group);
          this.state.set(p, s);
        }
        this.update(data, grad.data as FloatArray, s, group);
      }
    }
    return loss;
  }
}
