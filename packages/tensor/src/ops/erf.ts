import { defineOp } from './registry';
/**
 * The error function and its complement, element-wise, after W. J. Cody, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–638 (the coefficients of his
 * SPECFUN routine CALERF). Three intervals of |x|:
 *
 * - |x| ≤ 0.46875: erf(x) = x·P₃(x²)/Q₃(x²);
 * - 0.46875 < |x| ≤ 4: erfc(x) = e^{−x²}·P₇(x)/Q₇(x);
 * - |x| > 4: erfc(x) = e^{−x²}/x · (1/√π − R(1/x²)/x²), R = P₄/Q₄ in 1/x².
 *
 * e^{−x²} is taken as e^{−t²}·e^{−(x−t)(x+t)} with t = x rounded down to a multiple of 1/16, so
 * that the rounding error of x² is not amplified by the exponential. Relative error ≲ 2⁻⁵² in
 * every interval (erfc keeps it in its far tail, where 1 − erf would lose every digit).
 */
import { type DType, allocate, floatResult } from '../dtype';
import { Tensor, type TensorLike } from '../tensor';
import { checkTensorLike } from './check';

// Cody's coefficients (CALERF), written as the shortest literals of the same float64 values.
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694];
const A4 = 0.18577770618460315;
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const C8 = 2.1531153547440383e-8;
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378,
];
const P5 = 0.016315387137302097;
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];
const INV_SQRT_PI = 0.5641895835477563;
/** Below this |x|, erf(x) = 2x/√π to double precision (and x² could underflow). */
const X_SMALL = 1.11e-16;
/** erfc(x) is below the smallest subnormal float64 from here on (and e^{−x²} would give NaN at ∞). */
const X_BIG = 27.3;

/** erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const y = Math.abs(x);
  const z = y > X_SMALL ? y * y : 0;
  let num = A4 * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * z;
    den = (den + B[i]) * z;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** e^{−y²}, with y² split so that its rounding error is not magnified. */
function expNegSquare(y: number): number {
  const t = Math.trunc(y * 16) / 16;
  return Math.exp(-t * t) * Math.exp(-(y - t) * (y + t));
}

/** erfc(y) for y > 0.46875 (NaN for NaN). */
function erfcLarge(y: number): number {
  if (y <= 4) {
    let num = C8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (expNegSquare(y) * (num + C[7])) / (den + D[7]);
  }
  if (y >= X_BIG) return 0;
  const z = 1 / (y * y);
  let num = P5 * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * z;
    den = (den + Q[i]) * z;
  }
  const r = (z * (num + P[4])) / (den + Q[4]);
  return (expNegSquare(y) * (INV_SQRT_PI - r)) / y;
}

/** erf of one number, to double precision. */
export function erfScalar(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const r = 0.5 - erfcLarge(y) + 0.5;
  return x < 0 ? -r : r;
}

/** erfc of one number, to double (relative) precision. */
export function erfcScalar(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const r = erfcLarge(y);
  return x < 0 ? 2 - r : r;
}

function apply(op: string, x: TensorLike, f: (v: number) => number): Tensor {
  checkTensorLike(op, x);
  const t = typeof x === 'number' ? new Tensor(Float32Array.of(x), []) : x;
  const dt: DType = floatResult(t.dtype);
  const src = t.data;
  const out = allocate(dt, t.size);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]);
  return new Tensor(out, t.shape);
}

/**
 * The Gauss error function element-wise, as `torch.erf`:
 * $\mathrm{erf}(x) = \frac{2}{\sqrt\pi}\int_0^x e^{-t^2}\,dt$, an odd function rising from −1 to 1.
 *
 * Evaluated with W. J. Cody's rational approximations (relative error about 1e-16 in float64);
 * float32 results are the float64 values rounded. int32/bool inputs give float32. Related to the
 * standard normal CDF by Φ(x) = ½(1 + erf(x/√2)).
 *
 * @example
 * ```ts
 * erf(tensor([0, 0.5, 1], { dtype: 'float64' })).toArray();
 * // [0, 0.5204998778130465, 0.8427007929497149]
 * ```
 */
export const erf = /* @__PURE__ */ defineOp(
  'erf',
  (x: TensorLike): Tensor => apply('erf', x, erfScalar),
);

/**
 * The complementary error function element-wise, as `torch.erfc`:
 * $\mathrm{erfc}(x) = 1 - \mathrm{erf}(x) = \frac{2}{\sqrt\pi}\int_x^\infty e^{-t^2}\,dt$.
 *
 * Computed directly (not as 1 − erf), so it keeps full relative precision in the tail where
 * erf(x) rounds to 1: erfc(10) ≈ 2.09e-45. int32/bool inputs give float32.
 *
 * @example
 * ```ts
 * erfc(tensor([0, 5], { dtype: 'float64' })).toArray(); // [1, 1.5374597944280349e-12]
 * ```
 */
export const erfc = /* @__PURE__ */ defineOp(
  'erfc',
  (x: TensorLike): Tensor => apply('erfc', x, erfcScalar),
);
