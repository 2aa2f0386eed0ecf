import { describe, expect, it } from 'vitest';
import { loadWine } from '../../src/bundled/wine';

describe('loadWine', () => {
  it('has 178×13 features, classes 59/71/48, and the CSV values of row 0', () => {
    const { data, target, featureNames, targetNames } = loadWine({ dtype: 'float64' });
    expect(data.shape).toEqual([178, 13]);
    const counts = [0, 0, 0];
    for (const c of target.data) counts[c]++;
    expect(counts).toEqual([59, 71, 48]);
    expect(Array.from(data.data.subarray(0, 13))).toEqual([
      14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065,
    ]);
    expect(featureNames[12]).toBe('proline');
    expect(targetNames).toEqual(['class_0', 'class_1', 'class_2']);
  });

  it('keeps a 6-decimal value exactly (color_intensity 9.899999 in the CSV)', () => {
    const { data } = loadWine({ dtype: 'float64' });
    const col = Array.from({ length: 178 }, (_, i) => data.data[i * 13 + 9]);
    expect(col).toContain(9.899999);
  });
});
