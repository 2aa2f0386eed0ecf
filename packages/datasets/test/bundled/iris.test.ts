import { describe, expect, it } from 'vitest';
import { loadIris } from '../../src/bundled/iris';

describe('loadIris', () => {
  it('has 150×4 float32 features and 50 examples of each of 3 classes', () => {
    const { data, target, targetNames, featureNames } = loadIris();
    expect(data.shape).toEqual([150, 4]);
    expect(data.dtype).toBe('float32');
    expect(target.dtype).toBe('int32');
    expect(targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(featureNames[2]).toBe('petal length (cm)');
    const counts = [0, 0, 0];
    for (const c of target.data) counts[c]++;
    expect(counts).toEqual([50, 50, 50]);
  });

  it('matches the CSV: row 0 = 5.1, 3.5, 1.4, 0.2 setosa; last row 5.9, 3.0, 5.1, 1.8 virginica', () => {
    const { data, target } = loadIris({ dtype: 'float64' });
    expect(Array.from(data.data.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(target.data[0]).toBe(0);
    expect(Array.from(data.data.subarray(149 * 4))).toEqual([5.9, 3.0, 5.1, 1.8]);
    expect(target.data[149]).toBe(2);
    expect(loadIris().data.data[0]).toBe(Math.fround(5.1));
  });

  it('carries the description, citation and licence, and returns fresh tensors each call', () => {
    const a = loadIris();
    expect(a.description).toContain('Iris plants dataset');
    expect(a.citation).toContain('Fisher');
    expect(a.licence).toContain('CC BY 4.0');
    a.data.data[0] = -1;
    expect(loadIris().data.data[0]).toBe(Math.fround(5.1));
  });

  it('rejects a non-float dtype', () => {
    expect(() => loadIris({ dtype: 'int32' as 'float32' })).toThrow(
      /loadIris: dtype must be 'float32' or 'float64'/,
    );
  });
});
