/** Named test functions of optimisation (2-D surfaces and the lectures' 1-D functions). */

/** A named function of one or two variables, written in the expression language. */
export interface Surface {
  /** Key in {@link surfaces}. */
  readonly name: string;
  /** Human-readable title. */
  readonly title: string;
  /** The formula, parseable by `compileExpression`. */
  readonly expression: string;
  /** A global minimiser when one exists (one of them when there are several). */
  readonly minimum?: Readonly<Record<string, number>>;
  /** The box worth plotting, per variable `[low, high]`. */
  readonly domain: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * Built-in surfaces by name: `rosenbrock`, `beale`, `himmelblau`, `saddle` ($x^2 - y^2$),
 * `booth`, and the gradient-descent lecture's 1-D functions `quadratic` ($x^2$),
 * `quadratic-exp` ($x^2 + e^{-x}$, minimum at $x = W(1/2) ≈ 0.3517$) and `nonconvex`
 * ($x^2/10 + 10\sin(x^2/4)$).
 *
 * @example
 * ```ts
 * const f = compileExpression(surfaces.rosenbrock.expression);
 * f.evaluate(surfaces.rosenbrock.minimum).item(); // 0
 * ```
 */
export const surfaces: Readonly<Record<string, Surface>> = Object.freeze({
  rosenbrock: {
    name: 'rosenbrock',
    title: 'Rosenbrock',
    expression: '(1 - x)^2 + 100 * (y - x^2)^2',
    minimum: { x: 1, y: 1 },
    domain: { x: [-2, 2], y: [-1, 3] },
  },
  beale: {
    name: 'beale',
    title: 'Beale',
    expression: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
    minimum: { x: 3, y: 0.5 },
    domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  },
  himmelblau: {
    name: 'himmelblau',
    title: 'Himmelblau',
    expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    minimum: { x: 3, y: 2 },
    domain: { x: [-5, 5], y: [-5, 5] },
  },
  saddle: {
    name: 'saddle',
    title: 'Saddle x² − y²',
    expression: 'x^2 - y^2',
    domain: { x: [-2, 2], y: [-2, 2] },
  },
  booth: {
    name: 'booth',
    title: 'Booth',
    expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
    minimum: { x: 1, y: 3 },
    domain: { x: [-10, 10], y: [-10, 10] },
  },
  quadratic: {
    name: 'quadratic',
    title: 'x²',
    expression: 'x^2',
    minimum: { x: 0 },
    domain: { x: [-4, 4] },
  },
  'quadratic-exp': {
    name: 'quadratic-exp',
    title: 'x² + e⁻ˣ',
    expression: 'x^2 + exp(-x)',
    // 2x = e^-x, i.e. x = W(1/2) (Lambert W).
    minimum: { x: 0.35173371124919584 },
    domain: { x: [-2, 4] },
  },
  nonconvex: {
    name: 'nonconvex',
    title: 'x²/10 + 10 sin(x²/4)',
    expression: 'x^2/10 + 10*sin(x^2/4)',
    // x²/4 = 2π − arccos(−1/25), where 0.4 + 10 cos(x²/4) = 0 at the lowest valley.
    minimum: { x: 2 * Math.sqrt(2 * Math.PI - Math.acos(-0.04)) },
    domain: { x: [-10, 10] },
  },
} satisfies Record<string, Surface>);
