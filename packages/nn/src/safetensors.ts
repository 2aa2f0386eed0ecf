import type { DType } from '@gd/tensor';
import { CheckpointError } from './checkpoint';
import { type StateDict, type TensorState, stateToTensor } from './state-dict';

/**
 * The element types of the safetensors format. gd reads all of these; the integer types and BOOL
 * are written back as they were read (kept in {@link TensorState.fileDtype}), half precision is
 * widened to float32 on reading and written as F32.
 */
export type SafetensorsDType =
  | 'BOOL'
  | 'U8'
  | 'I8'
  | 'U16'
  | 'I16'
  | 'U32'
  | 'I32'
  | 'U64'
  | 'I64'
  | 'F16'
  | 'BF16'
  | 'F32'
  | 'F64';

/** The largest header gd reads, 100 MB — Hugging Face's own limit, against hostile files. */
export const SAFETENSORS_MAX_HEADER_BYTES = 100_000_000;

/** What {@link fromSafetensors} returns: the tensors as a state dict and the `__metadata__` strings. */
export interface SafetensorsContents {
  state: StateDict;
  metadata: Record<string, string>;
}

interface DTypeInfo {
  /** Bytes per element. */
  size: number;
  /** The gd dtype values of this type are read into. */
  gd: DType;
  /** The inclusive range of integer types (checked on writing; on reading for 64-bit ones). */
  range?: [number, number];
}

const INFO: Record<SafetensorsDType, DTypeInfo> = {
  BOOL: { size: 1, gd: 'bool', range: [0, 1] },
  U8: { size: 1, gd: 'int32', range: [0, 255] },
  I8: { size: 1, gd: 'int32', range: [-128, 127] },
  U16: { size: 2, gd: 'int32', range: [0, 65535] },
  I16: { size: 2, gd: 'int32', range: [-32768, 32767] },
  U32: { size: 4, gd: 'int32', range: [0, 2147483647] },
  I32: { size: 4, gd: 'int32', range: [-2147483648, 2147483647] },
  U64: { size: 8, gd: 'int32', range: [0, 2147483647] },
  I64: { size: 8, gd: 'int32', range: [-2147483648, 2147483647] },
  F16: { size: 2, gd: 'float32' },
  BF16: { size: 2, gd: 'float32' },
  F32: { size: 4, gd: 'float32' },
  F64: { size: 8, gd: 'float64' },
};

/** The file dtype each gd dtype is written as unless the entry says otherwise. */
const NATURAL: Record<DType, SafetensorsDType> = {
  float32: 'F32',
  float64: 'F64',
  int32: 'I32',
  bool: 'BOOL',
};

const RESERVED = '__metadata__';

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The file dtype an entry is written as: its `fileDtype` when that can hold its values exactly. */
function fileDtypeOf(s: TensorState, name: string): SafetensorsDType {
  const natural = NATURAL[s.dtype];
  const wanted = s.fileDtype;
  if (wanted === undefined || wanted === natural) return natural;
  const info = INFO[wanted] as DTypeInfo | undefined;
  if (info === undefined) {
    throw new CheckpointError(
      `toSafetensors: entry '${name}' has unknown fileDtype '${String(wanted)}'; use one of ${Object.keys(INFO).join(', ')}`,
    );
  }
  // Half precision cannot hold every float32, so it is widened (see SafetensorsDType).
  if (wanted === 'F16' || wanted === 'BF16') return natural;
  if (info.gd !== s.dtype && !(s.dtype === 'bool' && info.range)) {
    throw new CheckpointError(
      `toSafetensors: entry '${name}' holds ${s.dtype} values, which cannot be written as ${wanted}; drop its fileDtype`,
    );
  }
  return wanted;
}

/**
 * Serialises a state dict to the safetensors format, Hugging Face's checkpoint format that
 * PyTorch (`safetensors.torch.load_file`), JAX and the Hub read. The layout is
 * $[\,N\ (\text{u64 LE})\,][\,N \text{ bytes of JSON header}\,][\,\text{data}\,]$: the header
 * maps each name to `{ dtype, shape, data_offsets: [begin, end] }` (offsets into the data
 * section) plus `__metadata__` (string → string), and is padded with spaces so the data starts
 * at a multiple of 8. Tensors are laid out widest element type first, so each is aligned to its
 * element size. dtypes: float32 → F32, float64 → F64, int32 → I32 (or the entry's `fileDtype`,
 * e.g. I64 for BatchNorm's `num_batches_tracked` as PyTorch stores it), bool → BOOL.
 * Values are stored bit-exactly (NaN and ±Infinity included). Runs in browsers and Node.
 *
 * @param state - names to tensors, as `Module.stateDict()` returns them.
 * @param metadata - free-form string pairs stored as `__metadata__`. Default `{}`.
 * @throws CheckpointError for a name `__metadata__`, a non-string metadata value, or an integer
 *   entry whose values do not fit its `fileDtype`.
 *
 * @example
 * ```ts
 * const bytes = toSafetensors(net.stateDict(), { epoch: '3' });
 * const { state, metadata } = fromSafetensors(bytes);
 * ```
 */
export function toSafetensors(state: StateDict, metadata: Record<string, string> = {}): Uint8Array {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new CheckpointError('toSafetensors: metadata must be an object of strings');
  }
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') {
      throw new CheckpointError(
        `toSafetensors: metadata '${k}' is a ${typeof v}; safetensors metadata holds strings only (use String(x) or JSON.stringify(x))`,
      );
    }
  }
  const entries = Object.entries(state).map(([name, s]) => {
    if (name === RESERVED) {
      throw new CheckpointError(
        `toSafetensors: '${RESERVED}' is reserved and cannot name a tensor`,
      );
    }
    const t = stateToTensor(s, name);
    const dtype = fileDtypeOf(s, name);
    return { name, t, dtype, byteLength: t.size * INFO[dtype].size, begin: 0 };
  });
  // Widest element first (stable, so equal widths keep the state dict's order).
  const layout = [...entries].sort((a, b) => INFO[b.dtype].size - INFO[a.dtype].size);
  let offset = 0;
  for (const e of layout) {
    e.begin = offset;
    offset += e.byteLength;
  }
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header[RESERVED] = { ...metadata };
  for (const e of entries) {
    header[e.name] = {
      dtype: e.dtype,
      shape: [...e.t.shape],
      data_offsets: [e.begin, e.begin + e.byteLength],
    };
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = align8(8 + json.length) - 8;
  const out = new Uint8Array(8 + headerLength + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  const dataStart = 8 + headerLength;
  for (const e of entries) writeValues(view, dataStart + e.begin, e.t.data, e.dtype, e.name);
  return out;
}

function writeValues(
  view: DataView,
  at: number,
  a: ArrayLike<number>,
  dtype: SafetensorsDType,
  name: string,
): void {
  const { size, range } = INFO[dtype];
  if (range && dtype !== 'I32') {
    for (let i = 0; i < a.length; i++) {
      if (!(a[i] >= range[0] && a[i] <= range[1])) {
        throw new CheckpointError(
          `toSafetensors: entry '${name}' has value ${a[i]} at ${i}, outside ${dtype}'s range [${range[0]}, ${range[1]}]`,
        );
      }
    }
  }
  for (let i = 0, p = at; i < a.length; i++, p += size) {
    switch (dtype) {
      case 'F32':
        view.setFloat32(p, a[i], true);
        break;
      case 'F64':
        view.setFloat64(p, a[i], true);
        break;
      case 'I32':
      case 'U32':
        view.setInt32(p, a[i], true);
        break;
      case 'I64':
      case 'U64':
        view.setBigInt64(p, BigInt(a[i]), true);
        break;
      case 'I16':
      case 'U16':
        view.setInt16(p, a[i], true);
        break;
      default:
        view.setInt8(p, a[i]);
    }
  }
}

function fail(what: string): never {
  throw new CheckpointError(`fromSafetensors: ${what}`);
}

/**
 * The keys of the top-level JSON object in `text`, in order, duplicates included — `JSON.parse`
 * keeps only the last of repeated keys, and the spec forbids two tensors with one name.
 * Expects text that `JSON.parse` has accepted as an object.
 */
function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(text.slice(i, j + 1)) as string);
      expectKey = false;
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1;
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}

function readHeader(bytes: Uint8Array): { header: Record<string, unknown>; dataStart: number } {
  if (bytes.length < 8) fail(`${bytes.length} bytes cannot hold the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(SAFETENSORS_MAX_HEADER_BYTES)) {
    fail(`header of ${n} bytes exceeds the ${SAFETENSORS_MAX_HEADER_BYTES}-byte limit`);
  }
  const headerLength = Number(n);
  if (8 + headerLength > bytes.length) {
    fail(`truncated file: the header needs ${headerLength} bytes, ${bytes.length - 8} present`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength));
  } catch {
    fail('the header is not valid UTF-8');
  }
  if (!text.startsWith('{')) fail('the header must be a JSON object starting with "{"');
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    fail(`the header is not valid JSON (${(e as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    fail('the header must be a JSON object');
  }
  const keys = topLevelKeys(text);
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) fail(`the header names '${k}' twice`);
    seen.add(k);
  }
  return { header: header as Record<string, unknown>, dataStart: 8 + headerLength };
}

const isIndex = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

interface Entry {
  name: string;
  dtype: SafetensorsDType;
  shape: number[];
  begin: number;
  end: number;
}

/**
 * Reads a safetensors file (from gd, PyTorch, the Hugging Face Hub…) into a state dict and its
 * `__metadata__`, checking it against the specification: the header must be at most 100 MB of
 * UTF-8 JSON, name each tensor once, give known dtypes, and its `data_offsets` must cover the
 * data section exactly — in range, without overlaps or holes. F32/F64/I32/BOOL become float32/
 * float64/int32/bool; F16 and BF16 are widened exactly to float32; the other integer types
 * (U8, I8, U16, I16, U32, I64, U64) become int32 when every value fits (CheckpointError
 * otherwise), recording the file type in `fileDtype` so {@link toSafetensors} writes it back
 * as it was. Runs in browsers and Node.
 *
 * @throws CheckpointError naming what is wrong with the file.
 *
 * @example
 * ```ts
 * const { state } = fromSafetensors(new Uint8Array(await (await fetch('model.safetensors')).arrayBuffer()));
 * net.loadStateDict(state);
 * ```
 */
export function fromSafetensors(bytes: Uint8Array): SafetensorsContents {
  if (!(bytes instanceof Uint8Array)) {
    throw new CheckpointError("fromSafetensors: expected the file's bytes as a Uint8Array");
  }
  const { header, dataStart } = readHeader(bytes);
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === RESERVED) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        fail(`'${RESERVED}' must be an object of strings`);
      }
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') fail(`'${RESERVED}' value '${k}' must be a string`);
        metadata[k] = v;
      }
      continue;
    }
    const e = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
    if (e === null || typeof e !== 'object') fail(`tensor '${name}' must be an object`);
    const dtype = e.dtype;
    if (typeof dtype !== 'string' || !(dtype in INFO)) {
      fail(
        `tensor '${name}' has dtype ${JSON.stringify(dtype)}, which gd does not read (it reads ${Object.keys(INFO).join(', ')})`,
      );
    }
    const shape = e.shape;
    if (!Array.isArray(shape) || !shape.every(isIndex)) {
      fail(`tensor '${name}' has an invalid shape ${JSON.stringify(shape)}`);
    }
    const off = e.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !isIndex(off[0]) || !isIndex(off[1])) {
      fail(`tensor '${name}' has invalid data_offsets ${JSON.stringify(off)}`);
    }
    const [begin, end] = off as [number, number];
    if (begin > end || end > dataLength) {
      fail(
        `tensor '${name}' has data_offsets [${begin}, ${end}] outside the ${dataLength}-byte data section`,
      );
    }
    const size =
      (shape as number[]).reduce((a, b) => a * b, 1) * INFO[dtype as SafetensorsDType].size;
    if (end - begin !== size) {
      fail(
        `tensor '${name}' (${dtype} [${shape.join(', ')}]) needs ${size} bytes but data_offsets [${begin}, ${end}] span ${end - begin}`,
      );
    }
    entries.push({ name, dtype: dtype as SafetensorsDType, shape: shape as number[], begin, end });
  }
  const byOffset = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const e of byOffset) {
    if (e.begin < cursor) fail(`tensor '${e.name}' overlaps another tensor's bytes`);
    if (e.begin > cursor)
      fail(`bytes ${cursor}–${e.begin} of the data section belong to no tensor`);
    cursor = e.end;
  }
  if (cursor !== dataLength) {
    fail(`the data section has ${dataLength} bytes but the tensors cover ${cursor}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, dataLength);
  const state: StateDict = {};
  for (const e of entries) {
    const s: TensorState = {
      shape: [...e.shape],
      dtype: INFO[e.dtype].gd,
      data: readValues(view, e),
    };
    if (NATURAL[s.dtype] !== e.dtype && e.dtype !== 'F16' && e.dtype !== 'BF16') {
      s.fileDtype = e.dtype;
    }
    state[e.name] = s;
  }
  return { state, metadata };
}

/** float16 bits → the same value as a number (every half is exact in float32). */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function readValues(view: DataView, e: Entry): number[] {
  const { size, range } = INFO[e.dtype];
  const n = (e.end - e.begin) / size;
  const out = new Array<number>(n);
  const bf16 = new DataView(new ArrayBuffer(4));
  for (let i = 0, p = e.begin; i < n; i++, p += size) {
    switch (e.dtype) {
      case 'F32':
        out[i] = view.getFloat32(p, true);
        break;
      case 'F64':
        out[i] = view.getFloat64(p, true);
        break;
      case 'F16':
        out[i] = halfToNumber(view.getUint16(p, true));
        break;
      case 'BF16':
        bf16.setUint32(0, view.getUint16(p, true) << 16);
        out[i] = bf16.getFloat32(0);
        break;
      case 'I32':
        out[i] = view.getInt32(p, true);
        break;
      case 'U32':
        out[i] = view.getUint32(p, true);
        break;
      case 'I64':
        out[i] = Number(view.getBigInt64(p, true));
        break;
      case 'U64':
        out[i] = Number(view.getBigUint64(p, true));
        break;
      case 'I16':
        out[i] = view.getInt16(p, true);
        break;
      case 'U16':
        out[i] = view.getUint16(p, true);
        break;
      case 'I8':
        out[i] = view.getInt8(p);
        break;
      default:
        out[i] = view.getUint8(p);
    }
    if (range && !(out[i] >= range[0] && out[i] <= range[1])) {
      fail(
        `tensor '${e.name}' (${e.dtype}) holds ${out[i]} at ${i}, which gd's ${INFO[e.dtype].gd} cannot represent`,
      );
    }
  }
  return out;
}
