import { describe, expect, it } from 'vitest';
import { loadDiabetes } from '../../src/bundled/diabetes';
import golden from '../fixtures/diabetes.json';

describe('loadDiabetes', () => {
  it('raw: 442×10 measurements with row 0 = 59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87; target 151', () => {
    const { data, target, targetNames } = loadDiabetes({ scaled: false, dtype: 'float64' });
    expect(data.shape).toEqual([442, 10]);
    expect(Array.from(data.data.subarray(0, 10))).toEqual(golden.raw0);
    expect(target.data[0]).toBe(151);
    expect(target.dtype).toBe('float64');
    expect(targetNames).toBeNull();
  });

  it('scaled (default) as scikit-learn: (x − mean)/σ/√n, each column has sum of squares 1', () => {
    const { data } = loadDiabetes({ dtype: 'float64' });
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 10; c++)
        expect(data.data[r * 10 + c]).toBeCloseTo(golden.first3[r][c], 14);
    }
    for (let c = 0; c < 10; c++) {
      let ss = 0;
      for (let i = 0; i < 442; i++) ss += data.data[i * 10 + c] ** 2;
      expect(ss).toBeCloseTo(1, 12);
    }
  });

  it('float32 by default, target included', () => {
    const { data, target } = loadDiabetes();
    expect(data.dtype).toBe('float32');
    expect(target.dtype).toBe('float32');
    expect(data.data[0]).toBe(Math.fround(golden.first3[0][0]));
  });
});
