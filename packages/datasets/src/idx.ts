import { Tensor } from '@gd/tensor';
import { DatasetError } from './errors';
import { maybeGunzip } from './gzip';

/** Element types an IDX file can hold, by their type code (0x08 … 0x0E). */
export type IdxDType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** An IDX array as stored: element type, dimensions and the elements in row-major order. */
export interface IdxArray {
  dtype: IdxDType;
  shape: number[];
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

/** The IDX type bytes, with the C names of the format's specification (LeCun's MNIST page). */
const CODES: Record<number, { dtype: IdxDType; bytes: number; spec: string }> = {
  8: { dtype: 'uint8', bytes: 1, spec: 'ubyte' },
  9: { dtype: 'int8', bytes: 1, spec: 'byte' },
  11: { dtype: 'int16', bytes: 2, spec: 'short' },
  12: { dtype: 'int32', bytes: 4, spec: 'int' },
  13: { dtype: 'float32', bytes: 4, spec: 'float' },
  14: { dtype: 'float64', bytes: 8, spec: 'double' },
};

const hex = (v: number, width = 2) => `0x${v.toString(16).padStart(width, '0')}`;
/** A type byte as the specification writes it: `0x0B`. */
const typeByte = (v: number) => `0x${v.toString(16).toUpperCase().padStart(2, '0')}`;
const EXPECTED_TYPES = Object.entries(CODES)
  .map(([b, c]) => `${typeByte(Number(b))} ${c.spec}`)
  .join(', ');

/**
 * When a file's length does not fit its type byte but fits another type exactly, the type byte
 * is what is wrong (not the length): names the type(s) the length fits, or '' when none does.
 */
function typeTheLengthFits(length: number, headerBytes: number, count: number, code: number) {
  const fits = Object.entries(CODES)
    .filter(([b, c]) => Number(b) !== code && headerBytes + count * c.bytes === length)
    .map(([b, c]) => `${typeByte(Number(b))} ${c.spec}`);
  return fits.join(' or ');
}

/**
 * Parses an IDX file (the format of MNIST, Fashion-MNIST, KMNIST and EMNIST) from its bytes,
 * gzipped or not. Layout: bytes 0–1 zero, byte 2 the data type (0x08 ubyte → uint8, 0x09 byte →
 * int8, 0x0B short → int16, 0x0C int → int32, 0x0D float → float32, 0x0E double → float64), byte 3 the number of dimensions d, then d big-endian
 * uint32 sizes, then ∏ sizes big-endian elements. Every part is checked against the byte length.
 * uint8 data is a view of the input (no copy).
 *
 * @param bytes the file's bytes (gzip is detected by its magic number and decompressed).
 * @param file name for error messages. Default `'IDX data'`.
 * @throws DatasetError naming `file` on a wrong magic number, an unknown data type byte, zero
 *   dimensions, a length that fits another data type than the header's (a wrong type byte), or
 *   a length that does not match the header (truncated file or trailing bytes).
 * @example
 * ```ts
 * const { dtype, shape } = parseIdx(bytes); // 'uint8', [60000, 28, 28]
 * ```
 */
export function parseIdx(bytes: Uint8Array, file = 'IDX data'): IdxArray {
  bytes = maybeGunzip(bytes, file);
  const fail = (
    what: string,
    todo = 'the file is not an IDX file or is damaged; download it again',
  ) => new DatasetError(`${file}: ${what}; ${todo}`, { file });
  if (bytes.length < 4) throw fail(`only ${bytes.length} bytes, too short for an IDX header`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    throw fail(`wrong magic number ${hex(magic >>> 0, 8)} (an IDX file starts with 0x0000)`);
  }
  const code = CODES[bytes[2]];
  if (code === undefined)
    throw fail(`unknown data type byte ${typeByte(bytes[2])} (expected ${EXPECTED_TYPES})`);
  const ndim = bytes[3];
  if (ndim === 0) throw fail('the header declares 0 dimensions');
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) {
    throw fail(
      `truncated header: ${ndim} dimensions need ${headerBytes} bytes, file has ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  for (let i = 0; i < ndim; i++) shape.push(view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * code.bytes;
  if (bytes.length !== expected) {
    const fits = count > 0 ? typeTheLengthFits(bytes.length, headerBytes, count, bytes[2]) : '';
    if (fits !== '') {
      throw fail(
        `data type byte ${typeByte(bytes[2])} (${code.spec}, ${code.bytes} bytes per element) does not fit the data: header [${shape.join(', ')}] then needs ${expected} bytes, but the file's ${bytes.length} bytes are exactly what ${fits} needs`,
        'the type byte (byte 2) is wrong — rewrite the file with the right type, or download it again',
      );
    }
    const kind = bytes.length < expected ? 'truncated' : 'has trailing bytes';
    throw fail(
      `${kind}: header [${shape.join(', ')}] of ${code.dtype} needs ${expected} bytes, file has ${bytes.length}`,
    );
  }
  return {
    dtype: code.dtype,
    shape,
    data: readElements(view, headerBytes, count, code.dtype, code.bytes),
  };
}

function readElements(
  view: DataView,
  at: number,
  n: number,
  dtype: IdxDType,
  width: number,
): IdxArray['data'] {
  const bytes = new Uint8Array(view.buffer, view.byteOffset + at, n * width);
  switch (dtype) {
    case 'uint8':
      return bytes;
    case 'int8':
      return new Int8Array(bytes.buffer, bytes.byteOffset, n);
    case 'int16': {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(at + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(at + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(at + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(at + 8 * i, false);
      return out;
    }
  }
}

/**
 * An IDX array as a gd Tensor: integer types become int32, float32/float64 stay as they are.
 *
 * @example
 * ```ts
 * idxToTensor(parseIdx(labelBytes)).dtype; // 'int32'
 * ```
 */
export function idxToTensor(idx: IdxArray): Tensor {
  const { dtype, shape, data } = idx;
  if (dtype === 'float32' || dtype === 'float64')
    return new Tensor(data as Float32Array | Float64Array, shape);
  return new Tensor(Int32Array.from(data), shape);
}

/** x/255 for every byte value: converting pixels by table lookup avoids a division per pixel. */
const UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** Writes bytes/255 into `out` from `offset` (float32, correctly rounded as torch's `x.float() / 255`). */
export function bytesToUnitFloat(src: Uint8Array, out: Float32Array, offset = 0): void {
  for (let i = 0; i < src.length; i++) out[offset + i] = UNIT[src[i]];
}

/** Options of {@link parseIdxImages}. */
export interface IdxImagesOptions {
  /** Return [N, H·W] instead of [N, H, W]. Default false. */
  flatten?: boolean;
  /** Name for error messages. */
  file?: string;
}

/**
 * Parses an IDX image file (uint8, 3 dimensions [N, H, W], as MNIST's `*-images-idx3-ubyte`)
 * into float32 pixels in [0, 1]: x = byte / 255, as torchvision's `ToTensor`.
 *
 * @param bytes the file's bytes, gzipped or not.
 * @param options `flatten` (default false) gives [N, H·W]; `file` names the file in errors.
 * @throws DatasetError if the file is not a 3-D uint8 IDX array.
 * @example
 * ```ts
 * const images = parseIdxImages(bytes, { flatten: true }); // [60000, 784] float32
 * ```
 */
export function parseIdxImages(bytes: Uint8Array, options: IdxImagesOptions = {}): Tensor {
  const file = options.file ?? 'IDX images';
  const idx = parseIdx(bytes, file);
  if (idx.dtype !== 'uint8' || idx.shape.length !== 3) {
    throw new DatasetError(
      `${file}: expected uint8 images with 3 dimensions [N, H, W], got ${idx.dtype} [${idx.shape.join(', ')}]; is this a labels file?`,
      { file },
    );
  }
  const [n, h, w] = idx.shape;
  const out = new Float32Array(n * h * w);
  bytesToUnitFloat(idx.data as Uint8Array, out);
  return new Tensor(out, options.flatten ? [n, h * w] : [n, h, w]);
}

/**
 * Parses an IDX label file (uint8, 1 dimension [N], as MNIST's `*-labels-idx1-ubyte`) into int32.
 *
 * @throws DatasetError if the file is not a 1-D uint8 IDX array.
 * @example
 * ```ts
 * parseIdxLabels(bytes).shape; // [60000]
 * ```
 */
export function parseIdxLabels(bytes: Uint8Array, file = 'IDX labels'): Tensor {
  const idx = parseIdx(bytes, file);
  if (idx.dtype !== 'uint8' || idx.shape.length !== 1) {
    throw new DatasetError(
      `${file}: expected uint8 labels with 1 dimension [N], got ${idx.dtype} [${idx.shape.join(', ')}]; is this an images file?`,
      { file },
    );
  }
  return new Tensor(Int32Array.from(idx.data), idx.shape);
}
