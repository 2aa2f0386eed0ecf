import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../../src/synthetic/blobs';

describe('makeBlobs', () => {
  it('draws clusters around given centres with the given spread, split evenly', () => {
    const centers = [
      [0, 0],
      [10, -5],
    ];
    const [X, y] = makeBlobs({
      nSamples: 2001,
      centers,
      clusterStd: [0.5, 2],
      seed: 0,
      dtype: 'float64',
    });
    const stats = centers.map(() => ({ n: 0, sx: 0, sy: 0, ss: 0 }));
    for (let i = 0; i < 2001; i++) {
      const s = stats[y.data[i]];
      s.n++;
      s.sx += X.data[2 * i];
      s.sy += X.data[2 * i + 1];
    }
    expect(stats.map((s) => s.n)).toEqual([1001, 1000]);
    stats.forEach((s, k) => {
      expect(s.sx / s.n).toBeCloseTo(centers[k][0], 0);
      expect(s.sy / s.n).toBeCloseTo(centers[k][1], 0);
    });
    for (let i = 0; i < 2001; i++) {
      const k = y.data[i];
      stats[k].ss += (X.data[2 * i] - stats[k].sx / stats[k].n) ** 2;
    }
    expect(Math.sqrt(stats[0].ss / stats[0].n)).toBeCloseTo(0.5, 1);
    expect(Math.sqrt(stats[1].ss / stats[1].n)).toBeCloseTo(2, 1);
  });

  it('draws random centres inside centerBox with nFeatures dimensions', () => {
    const [X, y] = makeBlobs({
      nSamples: 30,
      centers: 3,
      nFeatures: 4,
      clusterStd: 0,
      centerBox: [2, 3],
      seed: 1,
    });
    expect(X.shape).toEqual([30, 4]);
    for (const v of X.data) expect(v >= 2 && v <= 3).toBe(true);
    expect(new Set(y.data).size).toBe(3);
  });

  it('validates centres and stds', () => {
    expect(() => makeBlobs({ centers: [[0, 0], [1]] })).toThrow(/equally long/);
    expect(() => makeBlobs({ centers: 2, clusterStd: [1, 2, 3] })).toThrow(
      /clusterStd has 3 entries for 2 centres/,
    );
    expect(() => makeBlobs({ centerBox: [1, 0] })).toThrow(RangeError);
  });
});
