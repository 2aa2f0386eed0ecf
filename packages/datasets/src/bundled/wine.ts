import { WINE } from '../data/wine';
import { type Bunch, type LoadOptions, loadPacked } from './bunch';

/**
 * The UCI wine recognition data (bundled, loads synchronously): 178 Italian wines × 13 chemical
 * measurements (alcohol … proline), 3 cultivars (class_0: 59, class_1: 71, class_2: 48). As
 * scikit-learn's `load_wine`. Features span very different scales (proline ≈ 10³, hue ≈ 1), which
 * is why gradient descent on it needs {@link standardize}.
 *
 * Citation: Forina, M. et al., PARVUS (Genoa); Lichman, M. (2013), UCI Machine Learning
 * Repository. Licence: CC BY 4.0.
 *
 * @param options `dtype` of `data`, default `'float32'`.
 * @returns data [178, 13], target int32 [178] in {0, 1, 2}.
 * @example
 * ```ts
 * const wine = loadWine({ dtype: 'float64' });
 * wine.featureNames[12]; // 'proline'
 * ```
 */
export function loadWine(options: LoadOptions = {}): Bunch {
  return loadPacked('loadWine', WINE, options);
}
