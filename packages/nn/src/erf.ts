/**
 * The error function erf and its complement, to double precision, for GELU (neither @gd/tensor
 * nor @gd/autodiff has them yet).
 *
 * For |z| < 2: erf(z) = (2/√π)·e^{−z²}·Σₙ 2ⁿ z^{2n+1} / (1·3·…·(2n+1)) — a series of positive
 * terms, so no cancellation. For |z| ≥ 2: the continued fraction
 * erfc(z) = e^{−z²}/√π · 1/(z + ½/(z + 1/(z + (3/2)/(z + …)))), evaluated bottom-up, which keeps
 * the relative precision of the tiny tail.
 */
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_PI = 0.5641895835477563;

function erfSeries(z: number): number {
  const z2 = z * z;
  let term = z;
  let total = z;
  for (let n = 1; n < 200; n++) {
    term *= (2 * z2) / (2 * n + 1);
    total += term;
    if (term < total * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-z2) * total;
}

function erfcFraction(z: number): number {
  // 60 levels are ample for z ≥ 2 (the fraction converges faster as z grows).
  let f = z;
  for (let k = 60; k >= 1; k--) f = z + k / 2 / f;
  return (INV_SQRT_PI * Math.exp(-z * z)) / f;
}

/** erf(z) = (2/√π)∫₀ᶻ e^{−t²} dt, double precision. @example `erf(1) // 0.8427007929497149` */
export function erf(z: number): number {
  if (Number.isNaN(z)) return z;
  const a = Math.abs(z);
  const r = a < 2 ? erfSeries(a) : 1 - erfcFraction(a);
  return z < 0 ? -r : r;
}

/** erfc(z) = 1 − erf(z), with full relative precision for large z. @example `erfc(5) // 1.5374597944280349e-12` */
export function erfc(z: number): number {
  if (Number.isNaN(z)) return z;
  if (z >= 2) return erfcFraction(z);
  if (z <= -2) return 2 - erfcFraction(-z);
  return 1 - (z < 0 ? -erfSeries(-z) : erfSeries(z));
}

/** Standard normal CDF Φ(x) = ½·erfc(−x/√2). @example `normalCdf(0) // 0.5` */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
