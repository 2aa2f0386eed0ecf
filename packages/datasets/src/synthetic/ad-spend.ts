import { Tensor } from '@gd/tensor';
import { checkDType } from './common';

/**
 * The advertising table of lecture 001 (linear regression by gradient descent, one variable):
 * six shops' ad spend x (dollars) and sales y, to fit y ≈ a·x.
 *
 * | x | 10 | 2 | 5 | 10 | 10 | 5 |
 * |---|----|---|---|----|----|---|
 * | y | 12 | 4 | 8 | 12 | 11 | 4 |
 *
 * The least-squares slope is a* = Σxᵢyᵢ / Σxᵢ² = 418/354 ≈ 1.181.
 *
 * @param options `dtype`, default `'float32'`.
 * @returns `[x, y]`, each of shape [6].
 * @example
 * ```ts
 * const [x, y] = adSpend({ dtype: 'float64' });
 * // gradient of L(a) = mean((y − a·x)²): dL/da = −2·mean(x·(y − a·x))
 * ```
 */
export function adSpend(options: { dtype?: 'float32' | 'float64' } = {}): [Tensor, Tensor] {
  const dtype = checkDType('adSpend', options.dtype);
  const make = (v: number[]) =>
    new Tensor(dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v), [6]);
  return [make([10, 2, 5, 10, 10, 5]), make([12, 4, 8, 12, 11, 4])];
}
