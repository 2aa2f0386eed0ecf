import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type AtomicWriteHooks, writeFileAtomic, writeFileAtomicSync } from './atomic-write';
import { CHECKPOINT_MAGIC, decodeCheckpoint, migrateLegacyState } from './checkpoint';
import type { Module } from './module';
import { fromSafetensors, toSafetensors } from './safetensors';
import type { StateDict } from './state-dict';
import {
  type LoadedTrainingState,
  TRAINING_STATE_FORMAT,
  type TrainingStateParts,
  type TrainingStateTargets,
  decodeTrainingState,
  encodeTrainingState,
} from './training-state';

export {
  CHECKPOINT_MAGIC,
  CHECKPOINT_VERSION,
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  type CheckpointHeader,
  type CheckpointTensorEntry,
} from './checkpoint';
export {
  SAFETENSORS_MAX_HEADER_BYTES,
  fromSafetensors,
  toSafetensors,
  type SafetensorsContents,
  type SafetensorsDType,
} from './safetensors';
export type {
  LoadedTrainingState,
  Stateful,
  TrainingStateParts,
  TrainingStateTargets,
} from './training-state';

/** Options of {@link save} and {@link saveSync}. */
export interface SaveOptions {
  /** String pairs stored as the file's `__metadata__` (epoch, loss, optimizer name…). Default `{}`. */
  metadata?: Record<string, string>;
  /** @internal Test hooks of the atomic write (fault injection). */
  hooks?: AtomicWriteHooks;
}

/** What {@link load} returns: the checkpoint's state dict, its metadata and the format it had. */
export interface LoadedCheckpoint {
  state: StateDict;
  /** The `__metadata__` strings (a legacy file's JSON metadata values, stringified when not strings). */
  metadata: Record<string, string>;
  /** `'safetensors'`, or `'gdckpt'` for the deprecated format of gd 0.0.x. */
  format: 'safetensors' | 'gdckpt';
}

function stateOf(what: Module | StateDict): StateDict {
  const m = what as Module;
  return typeof m.stateDict === 'function' ? m.stateDict() : (what as StateDict);
}

let warnedLegacy = false;

function decodeAny(bytes: Uint8Array, path: string): LoadedCheckpoint {
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic === CHECKPOINT_MAGIC) {
    if (!warnedLegacy) {
      warnedLegacy = true;
      process.emitWarning(
        `load: '${path}' is in gd's old GDNNCKPT format, which the next release will no longer read; save it again to convert it to safetensors`,
        { type: 'DeprecationWarning', code: 'GD_NN_GDCKPT' },
      );
    }
    const legacy = decodeCheckpoint(bytes);
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(legacy.metadata)) {
      metadata[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return { state: migrateLegacyState(legacy.state), metadata, format: 'gdckpt' };
  }
  const { state, metadata } = fromSafetensors(bytes);
  if (metadata.format !== TRAINING_STATE_FORMAT) return { state, metadata, format: 'safetensors' };
  // A training state: its model part, so `gd export` and users can load a run's last state.
  const model: StateDict = {};
  for (const [k, s] of Object.entries(state)) {
    if (k.startsWith('model.')) model[k.slice('model.'.length)] = s;
  }
  return { state: model, metadata, format: 'safetensors' };
}

/**
 * Saves a module's parameters and buffers (or a state dict) to `path` as safetensors, with
 * PyTorch's `state_dict()` names and layouts, so `torch.nn.Module.load_state_dict` (through
 * `safetensors.torch.load_file`) reads it. The write is atomic: the bytes go to a temp file in
 * the same directory, which is fsynced and renamed over `path` (then the directory is fsynced),
 * so a crash at any point leaves either the previous file or the new one, never a torn file.
 *
 * @example
 * ```js
 * import { mlp } from '@gd/nn';
 * import { save, load } from '@gd/nn/node';
 * const net = mlp([784, 40, 20, 10], { activation: 'sigmoid' });
 * await save(net, 'model.safetensors', { metadata: { epoch: '1' } });
 * await load('model.safetensors', net); // or: net.loadStateDict((await load('model.safetensors')).state)
 * ```
 */
export async function save(
  what: Module | StateDict,
  path: string,
  opts: SaveOptions = {},
): Promise<void> {
  await writeFileAtomic(path, toSafetensors(stateOf(what), opts.metadata), opts.hooks);
}

/** Synchronous {@link save}. @example `saveSync(net, 'model.safetensors')` */
export function saveSync(what: Module | StateDict, path: string, opts: SaveOptions = {}): void {
  writeFileAtomicSync(path, toSafetensors(stateOf(what), opts.metadata), opts.hooks);
}

/**
 * Reads a checkpoint — safetensors (from gd, PyTorch or the Hub), the model part of a
 * training state (see {@link saveTrainingState}), or gd's deprecated GDNNCKPT format, which is
 * read for one more release with a DeprecationWarning (its old BatchNorm names `runningMean`…
 * are mapped to PyTorch's `running_mean`…). When `into` is given the state is loaded into that
 * module (`loadStateDict`, strict, shapes checked). Throws `CheckpointError` for a malformed file.
 *
 * @example
 * ```ts
 * const { state, metadata } = await load('model.safetensors');
 * ```
 */
export async function load(path: string, into?: Module): Promise<LoadedCheckpoint> {
  const loaded = decodeAny(new Uint8Array(await readFile(path)), path);
  into?.loadStateDict(loaded.state);
  return loaded;
}

/** Synchronous {@link load}. @example `loadSync('model.safetensors', net)` */
export function loadSync(path: string, into?: Module): LoadedCheckpoint {
  const loaded = decodeAny(new Uint8Array(readFileSync(path)), path);
  into?.loadStateDict(loaded.state);
  return loaded;
}

/** Options of {@link saveTrainingState}. */
export interface SaveTrainingStateOptions {
  /** @internal Test hooks of the atomic write (fault injection). */
  hooks?: AtomicWriteHooks;
}

/**
 * Saves what a training loop needs to resume bit-identically — the model, the optimizer's state
 * (Adam's moments and step counts), the scheduler's, the generator's (data shuffling) and any
 * `extra` JSON (epoch, step…) — to one safetensors file, atomically. Layout: tensors
 * `model.<name>` and `optimizer.state.<i>.<key>`, the rest as JSON in `__metadata__`
 * (see `encodeTrainingState` and the README's "Training state").
 *
 * @example
 * ```ts
 * await saveTrainingState('runs/a/state.safetensors', { model, optimizer: opt, scheduler: sched, generator: g, extra: { epoch } });
 * ```
 */
export async function saveTrainingState(
  path: string,
  parts: TrainingStateParts,
  opts: SaveTrainingStateOptions = {},
): Promise<void> {
  await writeFileAtomic(path, encodeTrainingState(parts), opts.hooks);
}

/** Synchronous {@link saveTrainingState}. @example `saveTrainingStateSync(path, { model, optimizer: opt })` */
export function saveTrainingStateSync(
  path: string,
  parts: TrainingStateParts,
  opts: SaveTrainingStateOptions = {},
): void {
  writeFileAtomicSync(path, encodeTrainingState(parts), opts.hooks);
}

/**
 * Restores a file written by {@link saveTrainingState} into fresh objects built as the saved
 * ones were (same architecture; optimizer over `model.parameters()`; scheduler over that
 * optimizer; generator used the same way), so continuing the loop gives the same numbers, bit
 * for bit, as a run that never stopped. Returns the saved `extra`.
 *
 * @example
 * ```ts
 * const { extra } = await loadTrainingState('runs/a/state.safetensors', { model, optimizer: opt, scheduler: sched, generator: g });
 * for (let epoch = (extra.epoch as number) + 1; epoch < 10; epoch++) { ... }
 * ```
 */
export async function loadTrainingState(
  path: string,
  targets: TrainingStateTargets,
): Promise<LoadedTrainingState> {
  return decodeTrainingState(new Uint8Array(await readFile(path)), targets);
}

/** Synchronous {@link loadTrainingState}. @example `const { extra } = loadTrainingStateSync(path, { model })` */
export function loadTrainingStateSync(
  path: string,
  targets: TrainingStateTargets,
): LoadedTrainingState {
  return decodeTrainingState(new Uint8Array(readFileSync(path)), targets);
}
