import { describe, expect, it } from 'vitest';
import { loadDigits } from '../../src/bundled/digits';

describe('loadDigits', () => {
  const d = loadDigits();

  it('has 1797 images of 8×8 integer pixels in 0..16 and labels 0..9', () => {
    expect(d.data.shape).toEqual([1797, 64]);
    expect(d.images.shape).toEqual([1797, 8, 8]);
    expect(d.images.data).toBe(d.data.data);
    expect(d.target.shape).toEqual([1797]);
    let max = 0;
    let nonIntegers = 0;
    for (const v of d.data.data) {
      if (!Number.isInteger(v) || v < 0) nonIntegers++;
      max = Math.max(max, v);
    }
    expect(nonIntegers).toBe(0);
    expect(max).toBe(16);
    const counts = new Array(10).fill(0);
    for (const c of d.target.data) counts[c]++;
    expect(counts.reduce((a, b) => a + b)).toBe(1797);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(174);
  });

  it('matches the CSV: image 0 is a 0 starting 0,0,5,13,9,1,0,0; image 1 is a 1', () => {
    expect(Array.from(d.data.data.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(d.target.data[0]).toBe(0);
    expect(Array.from(d.data.data.subarray(64, 72))).toEqual([0, 0, 0, 12, 13, 5, 0, 0]);
    expect(d.target.data[1]).toBe(1);
    expect(d.featureNames[9]).toBe('pixel_1_1');
    expect(d.targetNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
