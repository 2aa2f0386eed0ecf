import { GdError } from '@gd/errors';
import { DTYPES, type DType, type TypedArray, allocate } from '@gd/tensor';
import { type StateDict, type TensorState, stateToTensor } from './state-dict';

/** The 8 bytes every legacy gd checkpoint starts with. @deprecated gd now saves safetensors. */
export const CHECKPOINT_MAGIC = 'GDNNCKPT';
/** The format version {@link encodeCheckpoint} writes and {@link decodeCheckpoint} reads. @deprecated gd now saves safetensors. */
export const CHECKPOINT_VERSION = 1;

/** Thrown when bytes are not a readable gd checkpoint (wrong magic, truncated, corrupt header). */
export class CheckpointError extends GdError {
  override name = 'CheckpointError';
  /** Always `'ERR_GD_CHECKPOINT'`. */
  override readonly code: string = 'ERR_GD_CHECKPOINT';
}

/** One tensor's entry in a checkpoint header. */
export interface CheckpointTensorEntry {
  name: string;
  dtype: DType;
  shape: number[];
  /** Byte offset of the tensor's data, counted from the start of the data section. */
  offset: number;
  byteLength: number;
}

/** The JSON header of a checkpoint. */
export interface CheckpointHeader {
  format: 'gd-checkpoint';
  version: number;
  byteOrder: 'little';
  metadata: Record<string, unknown>;
  tensors: CheckpointTensorEntry[];
  dataByteLength: number;
}

const BYTES: Record<DType, number> = { float32: 4, float64: 8, int32: 4, bool: 1 };
const littleEndianHost = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/**
 * Serialises a state dict to the gd checkpoint format (version 1):
 *
 * | bytes | content |
 * |---|---|
 * | 0–7 | ASCII magic `GDNNCKPT` |
 * | 8–11 | header length H, uint32 little-endian |
 * | 12 … 12+H | UTF-8 JSON header {@link CheckpointHeader}: `format`, `version`, `byteOrder`, `metadata`, `tensors: [{ name, dtype, shape, offset, byteLength }]`, `dataByteLength` |
 * | then | zero padding to a multiple of 8 |
 * | data | each tensor's elements, row-major, little-endian (float32/float64/int32; bool as 1 byte), at `offset` from the data start; offsets are multiples of 8 |
 *
 * Values are stored bit-exactly (NaN and ±Infinity included).
 *
 * @deprecated gd's checkpoints are safetensors now (`toSafetensors`); this format is read
 * by `@gd/nn/node`'s `load` for one more release and then removed.
 *
 * @example
 * ```ts
 * const bytes = encodeCheckpoint(model.stateDict(), { epoch: 3 });
 * const { state, metadata } = decodeCheckpoint(bytes);
 * ```
 */
export function encodeCheckpoint(
  state: StateDict,
  metadata: Record<string, unknown> = {},
): Uint8Array {
  const tensors: CheckpointTensorEntry[] = [];
  const arrays: TypedArray[] = [];
  let offset = 0;
  for (const [name, s] of Object.entries(state)) {
    const t = stateToTensor(s, name);
    const byteLength = t.size * BYTES[t.dtype];
    tensors.push({ name, dtype: t.dtype, shape: [...t.shape], offset, byteLength });
    arrays.push(t.data);
    offset = align8(offset + byteLength);
  }
  const header: CheckpointHeader = {
    format: 'gd-checkpoint',
    version: CHECKPOINT_VERSION,
    byteOrder: 'little',
    metadata,
    tensors,
    dataByteLength: offset,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(12 + headerBytes.length);
  const out = new Uint8Array(dataStart + offset);
  for (let i = 0; i < 8; i++) out[i] = CHECKPOINT_MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  const view = new DataView(out.buffer);
  for (let k = 0; k < tensors.length; k++) {
    writeArray(view, out, dataStart + tensors[k].offset, arrays[k]);
  }
  return out;
}

function writeArray(view: DataView, out: Uint8Array, at: number, a: TypedArray): void {
  if (littleEndianHost || a instanceof Uint8Array) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    return;
  }
  const step = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < a.length; i++) {
    const p = at + i * step;
    if (a instanceof Float64Array) view.setFloat64(p, a[i], true);
    else if (a instanceof Float32Array) view.setFloat32(p, a[i], true);
    else view.setInt32(p, a[i], true);
  }
}

function readArray(view: DataView, bytes: Uint8Array, at: number, dtype: DType, n: number) {
  const a = allocate(dtype, n);
  if (littleEndianHost || a instanceof Uint8Array) {
    new Uint8Array(a.buffer).set(bytes.subarray(at, at + a.byteLength));
    return a;
  }
  const step = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < n; i++) {
    const p = at + i * step;
    if (a instanceof Float64Array) a[i] = view.getFloat64(p, true);
    else if (a instanceof Float32Array) a[i] = view.getFloat32(p, true);
    else a[i] = view.getInt32(p, true);
  }
  return a;
}

/**
 * Reads bytes written by {@link encodeCheckpoint} back into a state dict and its metadata.
 * Throws a {@link CheckpointError} for anything that is not a complete version-1 checkpoint.
 * Names are returned as written (see `migrateLegacyState` for the BatchNorm renames).
 *
 * @deprecated use `fromSafetensors`; this reader goes with the next release.
 *
 * @example
 * ```ts
 * const { state } = decodeCheckpoint(bytes);
 * model.loadStateDict(state);
 * ```
 */
export function decodeCheckpoint(bytes: Uint8Array): {
  state: StateDict;
  metadata: Record<string, unknown>;
} {
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (bytes.length < 12 || magic !== CHECKPOINT_MAGIC) {
    throw new CheckpointError(
      `decodeCheckpoint: not a gd checkpoint (expected magic '${CHECKPOINT_MAGIC}', got '${magic}')`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) {
    throw new CheckpointError(
      `decodeCheckpoint: truncated file: header needs ${headerLength} bytes, ${bytes.length - 12} present`,
    );
  }
  let header: CheckpointHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)));
  } catch (e) {
    throw new CheckpointError(`decodeCheckpoint: corrupt header: ${(e as Error).message}`);
  }
  if (header.format !== 'gd-checkpoint' || header.version !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      `decodeCheckpoint: unsupported checkpoint format '${header.format}' version ${header.version}; this reader handles version ${CHECKPOINT_VERSION}`,
    );
  }
  const dataStart = align8(12 + headerLength);
  if (dataStart + header.dataByteLength > bytes.length) {
    throw new CheckpointError(
      `decodeCheckpoint: truncated file: data needs ${header.dataByteLength} bytes, ${bytes.length - dataStart} present`,
    );
  }
  const state: StateDict = {};
  for (const e of header.tensors) {
    if (!(DTYPES as readonly string[]).includes(e.dtype)) {
      throw new CheckpointError(
        `decodeCheckpoint: tensor '${e.name}' has unknown dtype ${e.dtype}`,
      );
    }
    const n = e.shape.reduce((a, b) => a * b, 1);
    if (n * BYTES[e.dtype] !== e.byteLength) {
      throw new CheckpointError(
        `decodeCheckpoint: tensor '${e.name}' of shape [${e.shape.join(', ')}] cannot have ${e.byteLength} bytes`,
      );
    }
    const a = readArray(view, bytes, dataStart + e.offset, e.dtype, n);
    const s: TensorState = { shape: [...e.shape], dtype: e.dtype, data: Array.from(a) };
    state[e.name] = s;
  }
  return { state, metadata: header.metadata ?? {} };
}

const LEGACY_NAMES: Record<string, string> = {
  runningMean: 'running_mean',
  runningVar: 'running_var',
  numBatchesTracked: 'num_batches_tracked',
};

/**
 * Renames a legacy checkpoint's BatchNorm buffers (`1.runningMean`, gd 0.0.x) to PyTorch's
 * names (`1.running_mean`) that gd's modules use now; other names are kept.
 */
export function migrateLegacyState(state: StateDict): StateDict {
  const out: StateDict = {};
  for (const [name, s] of Object.entries(state)) {
    const dot = name.lastIndexOf('.');
    const renamed = LEGACY_NAMES[name.slice(dot + 1)];
    if (renamed === undefined) out[name] = s;
    else if (renamed === 'num_batches_tracked') {
      out[`${name.slice(0, dot + 1)}${renamed}`] = { ...s, fileDtype: 'I64' };
    } else out[`${name.slice(0, dot + 1)}${renamed}`] = s;
  }
  return out;
}
