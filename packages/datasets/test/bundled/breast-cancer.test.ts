import { describe, expect, it } from 'vitest';
import { loadBreastCancer } from '../../src/bundled/breast-cancer';

describe('loadBreastCancer', () => {
  it('has 569×30 features, 212 malignant / 357 benign, and row 0 of the CSV', () => {
    const { data, target, targetNames, featureNames } = loadBreastCancer({ dtype: 'float64' });
    expect(data.shape).toEqual([569, 30]);
    let benign = 0;
    for (const c of target.data) benign += c;
    expect(benign).toBe(357);
    expect(targetNames).toEqual(['malignant', 'benign']);
    expect(featureNames[0]).toBe('mean radius');
    expect(featureNames[10]).toBe('radius error');
    expect(featureNames[29]).toBe('worst fractal dimension');
    expect(Array.from(data.data.subarray(0, 5))).toEqual([17.99, 10.38, 122.8, 1001, 0.1184]);
    expect(data.data[29]).toBe(0.1189);
    expect(target.data[0]).toBe(0);
  });
});
