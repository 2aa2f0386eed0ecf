import { type DType, Tensor, allocate } from '@gd/tensor';
import { inflateSync } from 'fflate';
import { DatasetError } from '../errors';

/** How one column of a bundled table is stored: an integer type holding value·10^decimals, or float64. */
interface PackedColumn {
  type: 'u8' | 'u16' | 'i16' | 'i32' | 'f64';
  decimals: number;
}

/**
 * A small table shipped inside the package (written by `scripts/bundle-data.mjs`): the columns,
 * one after another, raw-deflated and base64-encoded, plus names and provenance.
 */
export interface PackedTable {
  name: string;
  nSamples: number;
  features: PackedColumn[];
  target: PackedColumn;
  featureNames: string[];
  targetNames: string[] | null;
  citation: string;
  source: string;
  licence: string;
  description: string;
  payload: string;
}

const BYTES: Record<PackedColumn['type'], number> = { u8: 1, u16: 2, i16: 2, i32: 4, f64: 8 };

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function readValue(view: DataView, type: PackedColumn['type'], at: number): number {
  switch (type) {
    case 'u8':
      return view.getUint8(at);
    case 'u16':
      return view.getUint16(at, true);
    case 'i16':
      return view.getInt16(at, true);
    case 'i32':
      return view.getInt32(at, true);
    case 'f64':
      return view.getFloat64(at, true);
  }
}

/**
 * Decodes a packed table into a row-major feature matrix [n, f] of `dtype` and the target column
 * as a Float64Array (the caller picks the target's dtype). Values are value·10^−decimals computed
 * in float64, so they equal the CSV's decimal text parsed as a JS number.
 */
export function unpackTable(
  table: PackedTable,
  dtype: DType,
): { data: Tensor; target: Float64Array } {
  let raw: Uint8Array;
  try {
    raw = inflateSync(base64ToBytes(table.payload));
  } catch (cause) {
    throw new DatasetError(
      `${table.name}: the bundled data could not be decoded (${String(cause)}); reinstall @gd/datasets`,
      { file: table.name, cause },
    );
  }
  const n = table.nSamples;
  const f = table.features.length;
  const columns = [...table.features, table.target];
  const expected = columns.reduce((s, c) => s + n * BYTES[c.type], 0);
  if (raw.length !== expected) {
    throw new DatasetError(
      `${table.name}: bundled data has ${raw.length} bytes, expected ${expected}; reinstall @gd/datasets`,
      { file: table.name },
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const data = allocate(dtype, n * f);
  const target = new Float64Array(n);
  let at = 0;
  for (let c = 0; c <= f; c++) {
    const { type, decimals } = columns[c];
    const scale = 10 ** decimals;
    const size = BYTES[type];
    for (let i = 0; i < n; i++, at += size) {
      const v = readValue(view, type, at);
      // Division (not multiplication by 10^-d) gives the correctly rounded double of the decimal text.
      const value = decimals === 0 ? v : v / scale;
      if (c === f) target[i] = value;
      else data[i * f + c] = value;
    }
  }
  return { data: new Tensor(data, [n, f]), target };
}
