import { type Var, grad, hessian } from '@gd/autodiff';
import { tensor } from '@gd/tensor';

// #region risk
/** Risk f and empirical risk g = f + 0.2 cos(5πx): their minima sit in different places. */
export const risk = (x: number) => x * Math.cos(Math.PI * x);
export const empiricalRisk = (x: number) => risk(x) + 0.2 * Math.cos(5 * Math.PI * x);

/** The minimiser of a 1-D function on a grid (good enough to locate the two minima). */
export function argminOnGrid(f: (x: number) => number, lo: number, hi: number, n = 10001) {
  let best = lo;
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    if (f(x) < f(best)) best = x;
  }
  return best;
}
// #endregion risk

// #region saddle
/** f(x, y) = x² − y²: zero gradient at the origin, a Hessian with eigenvalues 2 and −2. */
const saddle = (p: Var) => {
  const x = p.slice([[0, 1]]);
  const y = p.slice([[1, 2]]);
  return x.pow(2).sub(y.pow(2)).sum();
};

export function saddleAtOrigin() {
  const origin = tensor([0, 0], { dtype: 'float64' });
  const g = grad(saddle)(origin).toArray() as number[];
  const [[a, b], [, d]] = hessian(saddle)(origin).toArray() as number[][];
  // Eigenvalues of the symmetric 2×2 matrix [[a, b], [b, d]].
  const mid = (a + d) / 2;
  const r = Math.hypot((a - d) / 2, b);
  return { gradient: g, eigenvalues: [mid + r, mid - r] };
}
// #endregion saddle

// #region vanishing
/** tanh'(x) = 1 − tanh²(x): at x = 4 the slope is about 0.0013, so steps there barely move. */
export function tanhSlope(x: number) {
  return grad((v: Var) => v.tanh())(tensor(x, { dtype: 'float64' })).item();
}
// #endregion vanishing
