import { BREAST_CANCER } from '../data/breast-cancer';
import { type Bunch, type LoadOptions, loadPacked } from './bunch';

/**
 * The Breast Cancer Wisconsin (Diagnostic) data (bundled, loads synchronously): 569 fine-needle
 * aspirates × 30 features of the cell nuclei (mean, error and worst of 10 measurements), binary
 * target 0 = malignant (212), 1 = benign (357). As scikit-learn's `load_breast_cancer`.
 *
 * Citation: Street, W.N., Wolberg, W.H., Mangasarian, O.L. "Nuclear feature extraction for breast
 * tumor diagnosis", IS&T/SPIE 1993, vol. 1905, 861–870. Licence: CC BY 4.0 (UCI).
 *
 * @param options `dtype` of `data`, default `'float32'`.
 * @returns data [569, 30], target int32 [569] in {0, 1}.
 * @example
 * ```ts
 * const { data, targetNames } = loadBreastCancer();
 * data.shape;  // [569, 30]
 * targetNames; // ['malignant', 'benign']
 * ```
 */
export function loadBreastCancer(options: LoadOptions = {}): Bunch {
  return loadPacked('loadBreastCancer', BREAST_CANCER, options);
}
