import { Generator, defaultGenerator, manualSeed } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  checkCount,
  checkNonNegative,
  finish,
  linspace,
  resolveGenerator,
} from '../../src/synthetic/common';

describe('synthetic helpers', () => {
  it('resolveGenerator: given generator, fresh seeded one, or the default', () => {
    const g = new Generator(1);
    expect(resolveGenerator('op', { generator: g })).toBe(g);
    expect(resolveGenerator('op', { seed: 3 }).random()).toBe(new Generator(3).random());
    manualSeed(9);
    expect(resolveGenerator('op', {})).toBe(defaultGenerator);
    expect(() => resolveGenerator('op', { generator: {} as Generator })).toThrow(
      /op: generator must be a Generator/,
    );
  });

  it('linspace matches NumPy with and without endpoint', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(0, 1, 4, false)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(linspace(2, 3, 1)).toEqual([2]);
  });

  it('finish shuffles rows and labels together', () => {
    const x = Float64Array.from([0, 0, 1, 10, 2, 20, 3, 30]);
    const y = Int32Array.from([0, 1, 2, 3]);
    const [X, Y] = finish(x, y, 2, 'float32', true, new Generator(0));
    expect(X.shape).toEqual([4, 2]);
    Y.data.forEach((id, j) => {
      expect(X.data[2 * j + 1]).toBe(10 * id);
    });
    expect(Array.from(Y.data).sort()).toEqual([0, 1, 2, 3]);
  });

  it('validates counts and non-negative numbers', () => {
    expect(() => checkCount('op', 'n', 0)).toThrow(/op: n must be an integer ≥ 1, got 0/);
    expect(() => checkNonNegative('op', 'noise', -1)).toThrow(RangeError);
    expect(() => checkNonNegative('op', 'noise', Number.NaN)).toThrow(RangeError);
  });
});
