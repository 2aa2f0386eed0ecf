import { describe, expect, it } from 'vitest';
import { atIndex, checkGrid, gridExtent, sampleGrid } from '../src/grid';

describe('sampleGrid', () => {
  it('samples z[j][i] = f(x[i], y[j]) on a meshgrid', () => {
    const g = sampleGrid((x, y) => 10 * x + y, [0, 1], [0, 2], [3, 5]);
    expect(g.x).toEqual([0, 0.5, 1]);
    expect(g.y).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(g.z).toHaveLength(5);
    expect(g.z[4][1]).toBe(7);
  });
  it('rejects bad ranges and sizes', () => {
    expect(() => sampleGrid((x) => x, [0, Number.NaN], [0, 1])).toThrow(/sampleGrid: xRange/);
    expect(() => sampleGrid((x) => x, [0, 1], [0, 1], 1)).toThrow(
      /samples \(x\) must be an integer ≥ 2/,
    );
  });
});

describe('checkGrid / atIndex / gridExtent', () => {
  it('checks the shape of z against x and y', () => {
    expect(() => checkGrid('op', { x: [0, 1], y: [0, 1], z: [[1, 2]] })).toThrow(
      /op: grid.z has 1 rows but grid.y has 2/,
    );
    expect(() => checkGrid('op', { x: [0, 1], y: [0, 1], z: [[1, 2], [3]] })).toThrow(
      /grid.z\[1\] has 1 values/,
    );
    expect(() =>
      checkGrid('op', {
        x: [1, 0],
        y: [0, 1],
        z: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toThrow(/strictly increasing/);
    expect(() =>
      checkGrid('op', {
        x: [0, 1],
        y: [0, 1],
        z: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).not.toThrow();
  });
  it('interpolates fractional indices and clamps', () => {
    expect(atIndex([0, 10, 30], 1.5)).toBe(20);
    expect(atIndex([0, 10, 30], -1)).toBe(0);
    expect(atIndex([0, 10, 30], 9)).toBe(30);
  });
  it('finds the finite extent', () => {
    expect(
      gridExtent('op', {
        x: [0, 1],
        y: [0, 1],
        z: [
          [1, Number.NaN],
          [-3, 4],
        ],
      }),
    ).toEqual([-3, 4]);
    expect(() =>
      gridExtent('op', {
        x: [0, 1],
        y: [0, 1],
        z: [
          [Number.NaN, Number.NaN],
          [Number.NaN, Number.NaN],
        ],
      }),
    ).toThrow(/no finite values/);
  });
});
