import { GdTypeError } from '@gd/errors';
import { type DType, Tensor } from '@gd/tensor';
import type { PackedTable } from './packed';
import { unpackTable } from './packed';

/**
 * A bundled dataset as scikit-learn's `load_*` functions return it: the feature matrix, the
 * target, and what the columns and classes are called, plus provenance.
 */
export interface Bunch {
  /** Features, shape [nSamples, nFeatures], float32 unless `dtype: 'float64'` was asked for. */
  data: Tensor;
  /** Class index (int32) for classification sets; the response (float) for regression sets. */
  target: Tensor;
  /** Name of each feature column. */
  featureNames: string[];
  /** Name of each class (index = label), or `null` for regression. */
  targetNames: string[] | null;
  /** The dataset's full description (reStructuredText, as scikit-learn ships it). */
  description: string;
  /** How to cite the data. */
  citation: string;
  /** Where the data comes from. */
  source: string;
  /** The licence under which the data is distributed. */
  licence: string;
}

/** Options of the bundled loaders. */
export interface LoadOptions {
  /** Float dtype of `data` (and of a regression `target`). Default `'float32'`. */
  dtype?: 'float32' | 'float64';
}

/** `dtype` if it is float32 or float64, else a TypeError naming `op`. */
export function checkFloatDType(op: string, dtype: DType): 'float32' | 'float64' {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new GdTypeError(`${op}: dtype must be 'float32' or 'float64', got '${String(dtype)}'`);
  }
  return dtype;
}

/** Decodes a packed table into a {@link Bunch}; class targets become int32, others `dtype`. */
export function loadPacked(op: string, table: PackedTable, options: LoadOptions): Bunch {
  const dtype = checkFloatDType(op, options.dtype ?? 'float32');
  const { data, target } = unpackTable(table, dtype);
  const classification = table.targetNames !== null;
  const y = classification
    ? new Tensor(Int32Array.from(target), [table.nSamples])
    : new Tensor(dtype === 'float32' ? Float32Array.from(target) : target, [table.nSamples]);
  return {
    data,
    target: y,
    featureNames: [...table.featureNames],
    targetNames: table.targetNames === null ? null : [...table.targetNames],
    description: table.description,
    citation: table.citation,
    source: table.source,
    licence: table.licence,
  };
}
