import { GdTypeError } from '@gd/errors';
import { DTYPES, type DType, DTypeError, ShapeError, Tensor, allocate } from '@gd/tensor';
import type { SafetensorsDType } from './safetensors';

/**
 * One tensor of a state dict as plain JSON-able data: its shape, dtype and row-major elements.
 * Non-finite values (NaN, ±Infinity) become `null` under `JSON.stringify`; loading reads `null`
 * back as NaN. Use the binary checkpoint (`@gd/nn/node`'s `save`) to keep them exactly.
 */
export interface TensorState {
  shape: number[];
  dtype: DType;
  data: (number | null)[];
  /**
   * The element type this entry has in a safetensors file when it differs from the natural one
   * (float32 → F32, float64 → F64, int32 → I32, bool → BOOL): `'I64'` for BatchNorm's
   * `num_batches_tracked`, as PyTorch stores it, or whatever a loaded file used. Absent otherwise.
   */
  fileDtype?: SafetensorsDType;
}

/**
 * A module's parameters and buffers by dotted name (`'0.weight'`, `'1.running_mean'`, PyTorch's names), as plain
 * objects: `JSON.stringify` and `JSON.parse` round-trip it.
 */
export type StateDict = Record<string, TensorState>;

/** Copies a tensor into its plain {@link TensorState} form (with `fileDtype` when given). */
export function tensorToState(t: Tensor, fileDtype?: SafetensorsDType): TensorState {
  const s: TensorState = { shape: [...t.shape], dtype: t.dtype, data: Array.from(t.data) };
  if (fileDtype !== undefined) s.fileDtype = fileDtype;
  return s;
}

/**
 * Builds a fresh tensor from a {@link TensorState}, validating it; `where` names the entry in
 * error messages.
 */
export function stateToTensor(s: TensorState, where: string): Tensor {
  if (s === null || typeof s !== 'object' || !Array.isArray(s.shape) || !Array.isArray(s.data)) {
    throw new GdTypeError(
      `loadStateDict: entry '${where}' must be { shape: number[], dtype, data: number[] }`,
    );
  }
  if (!(DTYPES as readonly string[]).includes(s.dtype)) {
    throw new DTypeError(
      `loadStateDict: entry '${where}' has unknown dtype '${String(s.dtype)}'; use one of ${DTYPES.join(', ')}`,
    );
  }
  let n = 1;
  for (const d of s.shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(
        `loadStateDict: entry '${where}' has invalid shape [${s.shape.join(', ')}]`,
      );
    }
    n *= d;
  }
  if (s.data.length !== n) {
    throw new ShapeError(
      `loadStateDict: entry '${where}' has ${s.data.length} elements but shape [${s.shape.join(', ')}] needs ${n}`,
    );
  }
  const buf = allocate(s.dtype, n);
  for (let i = 0; i < n; i++) {
    const v = s.data[i];
    buf[i] = v === null ? Number.NaN : v;
  }
  return new Tensor(buf, s.shape);
}
