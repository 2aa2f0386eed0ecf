import { Tensor, allocate } from '@gd/tensor';
import { DIABETES } from '../data/diabetes';
import { type Bunch, type LoadOptions, checkFloatDType, loadPacked } from './bunch';

/** Options of {@link loadDiabetes}. */
export interface DiabetesOptions extends LoadOptions {
  /**
   * Centre each feature and divide it by its standard deviation times √n, so each column has
   * mean 0 and sum of squares 1 (scikit-learn's default). `false` gives the raw measurements
   * (age in years, sex 1/2, …). Default `true`.
   */
  scaled?: boolean;
}

/**
 * The diabetes regression data of Efron et al. (bundled, loads synchronously): 442 patients × 10
 * baseline variables (age, sex, bmi, bp, s1…s6); target = disease progression one year later
 * (25..346). As scikit-learn's `load_diabetes`, scaled by default:
 * x′ = (x − mean) / (σ·√n) with σ the population standard deviation.
 *
 * Citation: Efron, B., Hastie, T., Johnstone, I., Tibshirani, R. (2004) "Least Angle
 * Regression", Annals of Statistics 32(2), 407–499. No licence is stated by the source.
 *
 * @param options `dtype` (default `'float32'`), `scaled` (default `true`).
 * @returns data [442, 10], target [442] of `dtype`.
 * @example
 * ```ts
 * const { data, target } = loadDiabetes({ scaled: false });
 * data.data[0]; // 59 (age of the first patient)
 * ```
 */
export function loadDiabetes(options: DiabetesOptions = {}): Bunch {
  const dtype = checkFloatDType('loadDiabetes', options.dtype ?? 'float32');
  const raw = loadPacked('loadDiabetes', DIABETES, { dtype: 'float64' });
  const n = DIABETES.nSamples;
  const f = DIABETES.features.length;
  const x = raw.data.data as Float64Array;
  if (options.scaled ?? true) {
    for (let c = 0; c < f; c++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += x[i * f + c];
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (x[i * f + c] - mean) ** 2;
      const std = Math.sqrt(ss / n);
      const root = Math.sqrt(n);
      // Two divisions in scikit-learn's order (scale(), then /= √n) so float64 values agree.
      for (let i = 0; i < n; i++) x[i * f + c] = (x[i * f + c] - mean) / std / root;
    }
  }
  if (dtype === 'float64') return raw;
  const data = allocate('float32', n * f);
  data.set(x);
  return {
    ...raw,
    data: new Tensor(data, [n, f]),
    target: new Tensor(Float32Array.from(raw.target.data), [n]),
  };
}
