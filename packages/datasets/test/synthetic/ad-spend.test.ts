import { describe, expect, it } from 'vitest';
import { adSpend } from '../../src/synthetic/ad-spend';

describe('adSpend', () => {
  it("is lecture 001's table x = [10, 2, 5, 10, 10, 5], y = [12, 4, 8, 12, 11, 4]", () => {
    const [x, y] = adSpend();
    expect(x.dtype).toBe('float32');
    expect(Array.from(x.data)).toEqual([10, 2, 5, 10, 10, 5]);
    expect(Array.from(y.data)).toEqual([12, 4, 8, 12, 11, 4]);
  });

  it('has least-squares slope Σxy/Σx² = 418/354', () => {
    const [x, y] = adSpend({ dtype: 'float64' });
    let xy = 0;
    let xx = 0;
    for (let i = 0; i < 6; i++) {
      xy += x.data[i] * y.data[i];
      xx += x.data[i] ** 2;
    }
    expect(xy / xx).toBe(418 / 354);
    expect(() => adSpend({ dtype: 'int32' as 'float32' })).toThrow(TypeError);
  });
});
