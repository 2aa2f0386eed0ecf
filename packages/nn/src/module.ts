import { type Var, isVar, variable } from '@gd/autodiff';
import { GdError, GdTypeError } from '@gd/errors';
import { ShapeError, type Tensor } from '@gd/tensor';
import type { SafetensorsDType } from './safetensors';
import { type StateDict, stateToTensor, tensorToState } from './state-dict';

/** What a module's `forward` accepts: a Var (recorded by autodiff) or a plain Tensor. */
export type ModuleInput = Var | Tensor;

/** Thrown by `loadStateDict` when keys are missing or unexpected (with `strict: true`). */
export class StateDictError extends GdError {
  override name = 'StateDictError';
  /** Always `'ERR_GD_STATE_DICT'`. */
  override readonly code: string = 'ERR_GD_STATE_DICT';
}

/** Options of {@link Module.loadStateDict}. */
export interface LoadStateDictOptions {
  /** Require exactly the module's keys (PyTorch's default). Default true. */
  strict?: boolean;
}

/** What {@link Module.loadStateDict} reports, as PyTorch's `_IncompatibleKeys`. */
export interface LoadStateDictResult {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/**
 * Base class of every layer, as PyTorch's `nn.Module`: a tree of sub-modules holding trainable
 * parameters (Vars with `requiresGrad`) and buffers (plain Tensors such as running statistics).
 * Subclasses register what they own in the constructor and implement `forward`.
 *
 * Parameter names are dotted paths through the tree (`'0.weight'`, `'layers.2.bias'`);
 * `stateDict()` uses the same names. `train()`/`eval()` switch layers that behave differently
 * while training (Dropout, BatchNorm1d); a new module is in training mode.
 *
 * @example
 * ```ts
 * class Affine extends Module {
 *   w = this.registerParameter('w', variable(randn([3, 2])));
 *   forward(x) { return matmul(x, this.w); }
 * }
 * const m = new Affine();
 * m.parameters().length; // 1
 * ```
 */
export abstract class Module {
  /** True in training mode (the default), false after `eval()`. */
  training = true;
  private readonly paramsMap = new Map<string, Var | null>();
  private readonly buffersMap = new Map<string, Tensor | null>();
  private readonly nonPersistent = new Set<string>();
  private readonly bufferFileDtypes = new Map<string, SafetensorsDType>();
  private readonly modulesMap = new Map<string, Module>();

  /** Computes the module's output; Tensors in give Vars out. */
  abstract forward(input: ModuleInput): Var;

  /** Registers a trainable parameter under `name` (or `null` for an absent optional one). */
  protected registerParameter<T extends Var | null>(name: string, param: T): T {
    checkName('registerParameter', name);
    if (param !== null && !isVar(param)) {
      throw new GdTypeError(`registerParameter: '${name}' must be a Var (use variable(tensor))`);
    }
    this.paramsMap.set(name, param);
    return param;
  }

  /**
   * Registers a buffer: state that is saved in `stateDict()` (unless `persistent: false`) but not
   * trained, such as BatchNorm's running mean. `fileDtype` is the element type the buffer gets in
   * a safetensors file when it differs from its dtype's natural one (`'I64'` for a PyTorch int64
   * counter held here as int32).
   */
  protected registerBuffer<T extends Tensor | null>(
    name: string,
    buffer: T,
    opts: { persistent?: boolean; fileDtype?: SafetensorsDType } = {},
  ): T {
    checkName('registerBuffer', name);
    this.buffersMap.set(name, buffer);
    if (opts.persistent === false) this.nonPersistent.add(name);
    else this.nonPersistent.delete(name);
    if (opts.fileDtype !== undefined) this.bufferFileDtypes.set(name, opts.fileDtype);
    else this.bufferFileDtypes.delete(name);
    return buffer;
  }

  /** The buffer registered under `name` on this module (null when unset or unknown). */
  protected getBuffer(name: string): Tensor | null {
    return this.buffersMap.get(name) ?? null;
  }

  /** Registers a sub-module under `name`; its parameters appear as `name.…`. */
  protected registerModule<T extends Module>(name: string, module: T): T {
    checkName('registerModule', name);
    if (!(module instanceof Module)) {
      throw new GdTypeError(`registerModule: '${name}' must be a Module`);
    }
    this.modulesMap.set(name, module);
    return module;
  }

  /** Wraps a Tensor input as a non-trainable Var so every forward returns a Var. */
  protected static asVar(x: ModuleInput): Var {
    return isVar(x) ? x : variable(x, { requiresGrad: false });
  }

  /** Direct sub-modules with their names. */
  namedChildren(): [string, Module][] {
    return [...this.modulesMap.entries()];
  }

  /** Direct sub-modules. */
  children(): Module[] {
    return [...this.modulesMap.values()];
  }

  /** This module and every descendant, depth first, with dotted names (`''` for this one). */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = [[prefix, this]];
    for (const [name, m] of this.modulesMap) {
      out.push(...m.namedModules(prefix ? `${prefix}.${name}` : name));
    }
    return out;
  }

  /** This module and every descendant, depth first. */
  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  /**
   * Every parameter with its dotted name, this module's first, then each child's in registration
   * order; a Var shared by two layers is listed once, as in PyTorch.
   */
  namedParameters(): [string, Var][] {
    const seen = new Set<Var>();
    const out: [string, Var][] = [];
    for (const [prefix, m] of this.namedModules()) {
      for (const [name, p] of m.paramsMap) {
        if (p === null || seen.has(p)) continue;
        seen.add(p);
        out.push([prefix ? `${prefix}.${name}` : name, p]);
      }
    }
    return out;
  }

  /** Every trainable parameter (what an optimizer takes). */
  parameters(): Var[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Every buffer with its dotted name. */
  namedBuffers(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [prefix, m] of this.namedModules()) {
      for (const [name, b] of m.buffersMap) {
        if (b !== null) out.push([prefix ? `${prefix}.${name}` : name, b]);
      }
    }
    return out;
  }

  /** Every buffer. */
  buffers(): Tensor[] {
    return this.namedBuffers().map(([, b]) => b);
  }

  /** Total number of parameter elements, Σ size. */
  numParameters(): number {
    return this.parameters().reduce((n, p) => n + p.size, 0);
  }

  /** Sets training mode on this module and every descendant; returns this. */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Sets evaluation mode (Dropout off, BatchNorm uses running statistics); returns this. */
  eval(): this {
    return this.train(false);
  }

  /**
   * Clears every parameter's gradient: sets it to `null` (default, PyTorch's `set_to_none=True`)
   * or, with `setToNone: false`, fills the existing gradient buffers with zeros (the same
   * options as the optimizers' `zeroGrad`).
   *
   * @example
   * ```ts
   * net.zeroGrad();                      // every p.grad === null
   * net.zeroGrad({ setToNone: false });  // gradients kept, filled with 0
   * ```
   */
  zeroGrad({ setToNone = true }: { setToNone?: boolean } = {}): void {
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (setToNone) p.grad = null;
      else p.grad.data.fill(0);
    }
  }

  private stateEntries(): [string, { get: () => Tensor; fileDtype?: SafetensorsDType }][] {
    const out: [string, { get: () => Tensor; fileDtype?: SafetensorsDType }][] = [];
    for (const [prefix, m] of this.namedModules()) {
      const key = (name: string) => (prefix ? `${prefix}.${name}` : name);
      for (const [name, p] of m.paramsMap) {
        if (p !== null) out.push([key(name), { get: () => p.value }]);
      }
      for (const [name, b] of m.buffersMap) {
        if (b !== null && !m.nonPersistent.has(name)) {
          out.push([
            key(name),
            {
              get: () => m.buffersMap.get(name) as Tensor,
              fileDtype: m.bufferFileDtypes.get(name),
            },
          ]);
        }
      }
    }
    return out;
  }

  /**
   * The parameters and persistent buffers as a plain JSON-able object keyed by dotted name
   * (`{ '0.weight': { shape, dtype, data } }`). The data is copied.
   *
   * @example
   * ```ts
   * const json = JSON.stringify(model.stateDict());
   * other.loadStateDict(JSON.parse(json));
   * ```
   */
  stateDict(): StateDict {
    const state: StateDict = {};
    for (const [key, e] of this.stateEntries()) state[key] = tensorToState(e.get(), e.fileDtype);
    return state;
  }

  /**
   * Copies values from a state dict into this module's parameters and buffers, in place (Vars
   * held by an optimizer stay valid); values are cast to each parameter's dtype. Shapes must
   * match exactly (`ShapeError` naming the key otherwise). With `strict` (default) missing or
   * unexpected keys raise a {@link StateDictError}; without it they are reported.
   *
   * @example
   * ```ts
   * const { missingKeys, unexpectedKeys } = model.loadStateDict(state, { strict: false });
   * ```
   */
  loadStateDict(state: StateDict, opts: LoadStateDictOptions = {}): LoadStateDictResult {
    const strict = opts.strict ?? true;
    if (state === null || typeof state !== 'object') {
      throw new GdTypeError('loadStateDict: expected a state dict object (from stateDict())');
    }
    const entries = new Map(this.stateEntries());
    const missingKeys = [...entries.keys()].filter((k) => !(k in state));
    const unexpectedKeys = Object.keys(state).filter((k) => !entries.has(k));
    if (strict && (missingKeys.length > 0 || unexpectedKeys.length > 0)) {
      const parts = [];
      if (missingKeys.length) parts.push(`missing keys: ${missingKeys.join(', ')}`);
      if (unexpectedKeys.length) parts.push(`unexpected keys: ${unexpectedKeys.join(', ')}`);
      throw new StateDictError(
        `loadStateDict: ${parts.join('; ')} (pass { strict: false } to load the matching keys only)`,
      );
    }
    const staged: [Tensor, Tensor][] = [];
    for (const [key, e] of entries) {
      if (!(key in state)) continue;
      const src = stateToTensor(state[key], key);
      const dst = e.get();
      if (src.shape.length !== dst.shape.length || src.shape.some((d, i) => d !== dst.shape[i])) {
        throw new ShapeError(
          `loadStateDict: size mismatch for '${key}': checkpoint has [${src.shape.join(', ')}], the module has [${dst.shape.join(', ')}]`,
        );
      }
      staged.push([src, dst]);
    }
    // Checked everything before writing anything, so a failed load leaves the module unchanged.
    for (const [src, dst] of staged) {
      const d = dst.data;
      const s = src.data;
      for (let i = 0; i < d.length; i++) d[i] = s[i];
    }
    return { missingKeys, unexpectedKeys };
  }

  /** Extra text for `toString()`, e.g. `in=784, out=40`. */
  protected extraRepr(): string {
    return '';
  }

  /** A PyTorch-style tree view of the module. */
  toString(): string {
    const name = this.constructor.name;
    const children = this.namedChildren();
    if (children.length === 0) return `${name}(${this.extraRepr()})`;
    const lines = children.map(([k, m]) => `  (${k}): ${m.toString().split('\n').join('\n  ')}`);
    return `${name}(${this.extraRepr()}\n${lines.join('\n')}\n)`;
  }
}

function checkName(op: string, name: string): void {
  if (typeof name !== 'string' || name === '' || name.includes('.')) {
    throw new GdTypeError(`${op}: name must be a non-empty string without '.', got '${name}'`);
  }
}
