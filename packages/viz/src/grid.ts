import { GdRangeError, GdTypeError } from '@gd/errors';
import { assertFinite, assertPositiveInt, assertRange } from './errors';

/**
 * Values of a function on a rectangular grid: `z[j][i] = f(x[i], y[j])` (row j is y[j]), the
 * layout of NumPy's `meshgrid` + matplotlib's `contour(X, Y, Z)`.
 */
export interface Grid2D {
  x: number[];
  y: number[];
  z: number[][];
}

/**
 * Samples f on an nx × ny grid over xRange × yRange, endpoints included (np.linspace + meshgrid).
 *
 * Default 101 points per axis.
 *
 * @example
 * ```js
 * const g = sampleGrid((x, y) => x * x - y * y, [-1, 1], [-1, 1], 41);
 * g.z[20][20]; // 0 at the saddle
 * ```
 */
export function sampleGrid(
  f: (x: number, y: number) => number,
  xRange: [number, number],
  yRange: [number, number],
  samples: number | [number, number] = 101,
): Grid2D {
  const op = 'sampleGrid';
  if (typeof f !== 'function')
    throw new GdTypeError(`${op}: f must be a function (x, y) => number`);
  assertRange(op, 'xRange', xRange);
  assertRange(op, 'yRange', yRange);
  const [nx, ny] = Array.isArray(samples) ? samples : [samples, samples];
  assertPositiveInt(op, 'samples (x)', nx, 2);
  assertPositiveInt(op, 'samples (y)', ny, 2);
  const x = Array.from(
    { length: nx },
    (_, i) => xRange[0] + ((xRange[1] - xRange[0]) * i) / (nx - 1),
  );
  const y = Array.from(
    { length: ny },
    (_, j) => yRange[0] + ((yRange[1] - yRange[0]) * j) / (ny - 1),
  );
  const z = y.map((yv) => x.map((xv) => f(xv, yv)));
  return { x, y, z };
}

/** Checks a grid's shape: x, y increasing and finite, z of ny rows × nx columns. */
export function checkGrid(op: string, g: Grid2D): void {
  if (!g || !Array.isArray(g.x) || !Array.isArray(g.y) || !Array.isArray(g.z)) {
    throw new GdTypeError(`${op}: grid must be { x: number[], y: number[], z: number[][] }`);
  }
  if (g.x.length < 2 || g.y.length < 2) {
    throw new GdRangeError(
      `${op}: grid needs at least 2 × 2 points, got ${g.x.length} × ${g.y.length}`,
    );
  }
  assertFinite(op, 'grid.x', g.x);
  assertFinite(op, 'grid.y', g.y);
  for (const [name, a] of [
    ['x', g.x],
    ['y', g.y],
  ] as const) {
    for (let i = 1; i < a.length; i++) {
      if (!(a[i] > a[i - 1]))
        throw new GdRangeError(`${op}: grid.${name} must be strictly increasing (at index ${i})`);
    }
  }
  if (g.z.length !== g.y.length) {
    throw new GdRangeError(
      `${op}: grid.z has ${g.z.length} rows but grid.y has ${g.y.length} values; z[j][i] = f(x[i], y[j])`,
    );
  }
  g.z.forEach((row, j) => {
    if (!row || row.length !== g.x.length) {
      throw new GdRangeError(
        `${op}: grid.z[${j}] has ${row?.length} values but grid.x has ${g.x.length}`,
      );
    }
  });
}

/** Data coordinate of a fractional grid index (piecewise linear, so non-uniform grids work). */
export function atIndex(a: number[], c: number): number {
  const n = a.length;
  const t = Math.max(0, Math.min(n - 1, c));
  const i = Math.min(n - 2, Math.floor(t));
  return a[i] + (a[i + 1] - a[i]) * (t - i);
}

/** Finite min/max of a grid's z. */
export function gridExtent(op: string, g: Grid2D): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of g.z) {
    for (const v of row) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) throw new GdRangeError(`${op}: grid.z has no finite values`);
  return [lo, hi];
}
