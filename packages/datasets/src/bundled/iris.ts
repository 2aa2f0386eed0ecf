import { IRIS } from '../data/iris';
import { type Bunch, type LoadOptions, loadPacked } from './bunch';

/**
 * Fisher's iris data (bundled, loads synchronously): 150 flowers × 4 measurements in cm (sepal
 * length, sepal width, petal length, petal width), 3 classes of 50 (setosa, versicolor,
 * virginica). As scikit-learn's `load_iris` (R's copy; UCI's has two wrong points).
 *
 * Citation: Fisher, R.A. "The use of multiple measurements in taxonomic problems", Annual
 * Eugenics 7(2), 179–188 (1936). Licence: CC BY 4.0 (UCI Machine Learning Repository).
 *
 * @param options `dtype` of `data`, default `'float32'`.
 * @returns data [150, 4], target int32 [150] in {0, 1, 2}, names, description, citation.
 * @example
 * ```ts
 * const { data, target, targetNames } = loadIris();
 * data.shape;                      // [150, 4]
 * targetNames[target.data[0]];     // 'setosa'
 * ```
 */
export function loadIris(options: LoadOptions = {}): Bunch {
  return loadPacked('loadIris', IRIS, options);
}
