import type { Generator, GeneratorState } from '@gd/tensor';
import { CheckpointError } from './checkpoint';
import type { Module } from './module';
import { fromSafetensors, toSafetensors } from './safetensors';
import type { StateDict } from './state-dict';

/**
 * Anything with PyTorch's `state_dict()` / `load_state_dict()` pair returning plain data: an
 * optimizer from @gd/optim or a scheduler from @gd/schedulers (structurally, so @gd/nn does not
 * depend on them).
 */
export interface Stateful {
  /** A snapshot of the object's state as plain data. */
  stateDict(): object;
  /** Restores a snapshot taken by `stateDict()`. */
  loadStateDict(state: object): void;
}

/** What {@link encodeTrainingState} saves: the model, and what else the training loop needs. */
export interface TrainingStateParts {
  /** The model; its `stateDict()` is saved under `model.*`. */
  model: Module;
  /** The optimizer (Adam, SGD…): per-parameter buffers under `optimizer.*`, the rest as JSON. */
  optimizer?: Stateful;
  /** The learning-rate scheduler, as JSON. */
  scheduler?: Stateful;
  /** The generator behind shuffling, dropout or sampling (`getState()` as JSON). */
  generator?: Generator;
  /** Any JSON-able data of the loop (epoch, step, best loss…), returned by the loader. */
  extra?: Record<string, unknown>;
}

/** Where {@link decodeTrainingState} restores the saved state into (fresh objects of the same make). */
export type TrainingStateTargets = Omit<TrainingStateParts, 'extra'>;

/** What loading a training state returns besides restoring the targets. */
export interface LoadedTrainingState {
  /** The `extra` data passed when saving (`{}` when none). */
  extra: Record<string, unknown>;
}

/** The `format` metadata value that marks a training-state file. */
export const TRAINING_STATE_FORMAT = 'gd-training-state';
const VERSION = '1';

const TENSOR_REF = '$tensor';
const NUMBER_REF = '$number';

interface FloatArrayJson {
  dtype: 'float32' | 'float64';
  data: (number | string)[];
}

function isFloatArrayJson(v: unknown): v is FloatArrayJson {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const o = v as { dtype?: unknown; data?: unknown };
  return (
    keys.length === 2 &&
    (o.dtype === 'float32' || o.dtype === 'float64') &&
    Array.isArray(o.data) &&
    o.data.every((x) => typeof x === 'number' || typeof x === 'string')
  );
}

/**
 * JSON keeps neither ±Infinity, NaN nor −0 (ReduceLROnPlateau's `best` starts at Infinity), so
 * those numbers are written as `{ "$number": "Infinity" }` and read back exactly.
 */
function stringifyExact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x !== 'number') return x;
    if (Object.is(x, -0)) return { [NUMBER_REF]: '-0' };
    return Number.isFinite(x) ? x : { [NUMBER_REF]: String(x) };
  });
}

function parseExact(text: string, what: string): unknown {
  try {
    return JSON.parse(text, (_k, x: unknown) => {
      if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
        const keys = Object.keys(x);
        const ref = (x as Record<string, unknown>)[NUMBER_REF];
        if (keys.length === 1 && typeof ref === 'string') return Number(ref);
      }
      return x;
    });
  } catch (e) {
    throw new CheckpointError(
      `loadTrainingState: the '${what}' metadata is not valid JSON (${(e as Error).message})`,
    );
  }
}

/** Moves every float buffer of an optimizer state dict into `tensors`, leaving a reference. */
function extractTensors(v: unknown, path: string, tensors: StateDict): unknown {
  if (isFloatArrayJson(v)) {
    tensors[path] = {
      shape: [v.data.length],
      dtype: v.dtype,
      data: v.data.map((x) => (typeof x === 'number' ? x : Number(x))),
    };
    return { [TENSOR_REF]: path };
  }
  if (Array.isArray(v)) return v.map((x, i) => extractTensors(x, `${path}.${i}`, tensors));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = extractTensors(x, `${path}.${k}`, tensors);
    return out;
  }
  return v;
}

function insertTensors(v: unknown, state: StateDict): unknown {
  if (Array.isArray(v)) return v.map((x) => insertTensors(x, state));
  if (v !== null && typeof v === 'object') {
    const ref = (v as Record<string, unknown>)[TENSOR_REF];
    if (typeof ref === 'string' && Object.keys(v).length === 1) {
      const t = state[ref];
      if (t === undefined || (t.dtype !== 'float32' && t.dtype !== 'float64')) {
        throw new CheckpointError(
          `loadTrainingState: the optimizer state refers to tensor '${ref}', which the file does not hold as a float tensor`,
        );
      }
      return { dtype: t.dtype, data: t.data.map((x) => (x === null ? Number.NaN : x)) };
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = insertTensors(x, state);
    return out;
  }
  return v;
}

/**
 * Serialises everything a training loop needs to resume bit-identically into one safetensors
 * file (see the package README, "Training state"):
 *
 * | where | what |
 * |---|---|
 * | tensors `model.<name>` | `model.stateDict()` (PyTorch names) |
 * | tensors `optimizer.state.<i>.<key>` | each float buffer of the optimizer's state (Adam's `expAvg`, `expAvgSq`…), exact F32/F64 |
 * | `__metadata__.format`, `format_version` | `'gd-training-state'`, `'1'` |
 * | `__metadata__.optimizer` | the optimizer's `stateDict()` as JSON, buffers replaced by `{"$tensor": name}` |
 * | `__metadata__.scheduler`, `generator`, `extra` | JSON of the scheduler's `stateDict()`, the generator's `getState()`, `extra` |
 *
 * Non-finite numbers and −0 in the JSON parts are written as `{"$number": "Infinity"}` so they
 * come back exactly. Runs in browsers and Node; `@gd/nn/node`'s `saveTrainingState` writes it
 * to disk atomically.
 *
 * @example
 * ```ts
 * const bytes = encodeTrainingState({ model, optimizer: opt, scheduler: sched, generator: g, extra: { epoch } });
 * const { extra } = decodeTrainingState(bytes, { model, optimizer: opt, scheduler: sched, generator: g });
 * ```
 */
export function encodeTrainingState(parts: TrainingStateParts): Uint8Array {
  const op = 'saveTrainingState';
  if (parts === null || typeof parts !== 'object' || typeof parts.model?.stateDict !== 'function') {
    throw new CheckpointError(
      `${op}: expected { model, optimizer?, scheduler?, generator?, extra? }`,
    );
  }
  const tensors: StateDict = {};
  for (const [k, s] of Object.entries(parts.model.stateDict())) tensors[`model.${k}`] = s;
  const metadata: Record<string, string> = {
    format: TRAINING_STATE_FORMAT,
    format_version: VERSION,
  };
  if (parts.optimizer !== undefined) {
    metadata.optimizer = stringifyExact(
      extractTensors(parts.optimizer.stateDict(), 'optimizer', tensors),
    );
  }
  if (parts.scheduler !== undefined)
    metadata.scheduler = stringifyExact(parts.scheduler.stateDict());
  if (parts.generator !== undefined)
    metadata.generator = stringifyExact(parts.generator.getState());
  if (parts.extra !== undefined) {
    if (parts.extra === null || typeof parts.extra !== 'object') {
      throw new CheckpointError(`${op}: extra must be an object of JSON-able values`);
    }
    metadata.extra = stringifyExact(parts.extra);
  }
  return toSafetensors(tensors, metadata);
}

/**
 * Restores a training state written by {@link encodeTrainingState} into fresh objects built the
 * same way as the saved ones (same architecture, optimizer over `model.parameters()`, scheduler
 * over that optimizer): the model's parameters and buffers, then the optimizer, the scheduler and
 * the generator. Parts of the file that are not asked for are skipped; asking for a part the file
 * lacks is a CheckpointError. Returns the saved `extra`.
 *
 * @example
 * ```ts
 * const { extra } = decodeTrainingState(bytes, { model, optimizer: opt, scheduler: sched, generator: g });
 * ```
 */
export function decodeTrainingState(
  bytes: Uint8Array,
  targets: TrainingStateTargets,
): LoadedTrainingState {
  const op = 'loadTrainingState';
  if (
    targets === null ||
    typeof targets !== 'object' ||
    typeof targets.model?.loadStateDict !== 'function'
  ) {
    throw new CheckpointError(
      `${op}: expected { model, optimizer?, scheduler?, generator? } to load into`,
    );
  }
  const { state, metadata } = fromSafetensors(bytes);
  if (metadata.format !== TRAINING_STATE_FORMAT) {
    throw new CheckpointError(
      `${op}: not a training state (its __metadata__.format is ${JSON.stringify(metadata.format)}); use load() for a model file`,
    );
  }
  if (metadata.format_version !== VERSION) {
    throw new CheckpointError(
      `${op}: training-state version ${metadata.format_version} is not readable by this gd (it reads version ${VERSION})`,
    );
  }
  const need = (key: 'optimizer' | 'scheduler' | 'generator'): unknown => {
    const text = metadata[key];
    if (text === undefined) {
      throw new CheckpointError(
        `${op}: the file holds no ${key} state; drop '${key}' from the targets`,
      );
    }
    return parseExact(text, key);
  };
  const optimizerState = targets.optimizer ? insertTensors(need('optimizer'), state) : undefined;
  const schedulerState = targets.scheduler ? need('scheduler') : undefined;
  const generatorState = targets.generator ? need('generator') : undefined;
  const model: StateDict = {};
  for (const [k, s] of Object.entries(state)) {
    if (k.startsWith('model.')) model[k.slice('model.'.length)] = s;
  }
  targets.model.loadStateDict(model);
  if (targets.optimizer) targets.optimizer.loadStateDict(optimizerState as object);
  if (targets.scheduler) targets.scheduler.loadStateDict(schedulerState as object);
  if (targets.generator) targets.generator.setState(generatorState as GeneratorState);
  const extra = metadata.extra === undefined ? {} : parseExact(metadata.extra, 'extra');
  return { extra: extra as Record<string, unknown> };
}
