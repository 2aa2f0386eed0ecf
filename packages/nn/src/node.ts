import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type AtomicWriteHooks, writeFileAtomic, writeFileAtomicSync } from './atomic-write';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import type { Module } from './module';
import type { StateDict } from './state-dict';

export {
  CHECKPOINT_MAGIC,
  CHECKPOINT_VERSION,
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  type CheckpointHeader,
  type CheckpointTensorEntry,
} from './checkpoint';

/** Options of {@link save} and {@link saveSync}. */
export interface SaveOptions {
  /** JSON-able data stored in the header (epoch, loss, optimizer name…). Default `{}`. */
  metadata?: Record<string, unknown>;
  /** @internal Test hooks of the atomic write (fault injection). */
  hooks?: AtomicWriteHooks;
}

/** What {@link load} returns: the checkpoint's state dict and metadata. */
export interface LoadedCheckpoint {
  state: StateDict;
  metadata: Record<string, unknown>;
}

function stateOf(what: Module | StateDict): StateDict {
  const m = what as Module;
  return typeof m.stateDict === 'function' ? m.stateDict() : (what as StateDict);
}

/**
 * Saves a module's parameters and buffers (or a state dict) to `path` in the gd checkpoint
 * format (JSON header + little-endian binary data, see `encodeCheckpoint`), atomically: the
 * bytes go to a temp file in the same directory, which is fsynced and then renamed over `path`,
 * so a crash at any point leaves either the previous checkpoint or the new one, never a torn file.
 *
 * @example
 * ```js
 * import { mlp } from '@gd/nn';
 * import { save, load } from '@gd/nn/node';
 * const net = mlp([784, 40, 20, 10], { activation: 'sigmoid' });
 * await save(net, 'net.gdckpt', { metadata: { epoch: 1 } });
 * await load('net.gdckpt', net); // or: net.loadStateDict((await load('net.gdckpt')).state)
 * ```
 */
export async function save(
  what: Module | StateDict,
  path: string,
  opts: SaveOptions = {},
): Promise<void> {
  await writeFileAtomic(path, encodeCheckpoint(stateOf(what), opts.metadata), opts.hooks);
}

/** Synchronous {@link save}. */
export function saveSync(what: Module | StateDict, path: string, opts: SaveOptions = {}): void {
  writeFileAtomicSync(path, encodeCheckpoint(stateOf(what), opts.metadata), opts.hooks);
}

/**
 * Reads a checkpoint written by {@link save}; when `into` is given its state is loaded into that
 * module (`loadStateDict`, strict, shapes checked). Throws `CheckpointError` for a file that is
 * not a complete checkpoint.
 *
 * @example
 * ```ts
 * const { state, metadata } = await load('net.gdckpt');
 * ```
 */
export async function load(path: string, into?: Module): Promise<LoadedCheckpoint> {
  const loaded = decodeCheckpoint(new Uint8Array(await readFile(path)));
  into?.loadStateDict(loaded.state);
  return loaded;
}

/** Synchronous {@link load}. */
export function loadSync(path: string, into?: Module): LoadedCheckpoint {
  const loaded = decodeCheckpoint(new Uint8Array(readFileSync(path)));
  into?.loadStateDict(loaded.state);
  return loaded;
}
