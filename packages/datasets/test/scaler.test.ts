import { ShapeError, Tensor, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { loadWine } from '../src/bundled/wine';
import { MinMaxScaler, StandardScaler, normalize, standardize } from '../src/scaler';
import golden from './fixtures/scalers.json';

const wine = loadWine({ dtype: 'float64' }).data;

describe('StandardScaler / standardize', () => {
  it('learns the per-feature mean and population std (NumPy golden values)', () => {
    const s = standardize(wine);
    const g = golden['wine_data.csv'];
    g.mean.forEach((m, c) => {
      expect(s.mean?.data[c]).toBeCloseTo(m, 10);
    });
    g.std.forEach((v, c) => {
      expect(s.std?.data[c]).toBeCloseTo(v, 10);
    });
    expect(s.mean?.shape).toEqual([13]);
  });

  it('transforms to mean 0 / std 1 on train and applies the train statistics to other data', () => {
    const s = standardize(wine);
    const z = s.transform(wine);
    expect(z.dtype).toBe('float64');
    for (let c = 0; c < 13; c++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < 178; i++) m += z.data[i * 13 + c];
      m /= 178;
      for (let i = 0; i < 178; i++) v += (z.data[i * 13 + c] - m) ** 2;
      expect(m).toBeCloseTo(0, 12);
      expect(v / 178).toBeCloseTo(1, 12);
    }
    const test = new Tensor(Float64Array.from(golden['wine_data.csv'].mean), [1, 13]);
    for (const v of s.transform(test).data) expect(v).toBeCloseTo(0, 10);
    const back = s.inverseTransform(z);
    for (let i = 0; i < 50; i++) expect(back.data[i]).toBeCloseTo(wine.data[i], 10);
  });

  it('leaves constant features unscaled, gives float32 for float32/int input, and validates', () => {
    const s = new StandardScaler().fit(
      tensor([
        [1, 5],
        [3, 5],
      ]),
    );
    expect(Array.from(s.std?.data ?? [])).toEqual([1, 1]);
    expect(Array.from(s.transform(tensor([[2, 7]])).data)).toEqual([0, 2]);
    expect(
      s.fitTransform(
        tensor(
          [
            [1, 5],
            [3, 5],
          ],
          { dtype: 'int32' },
        ),
      ).dtype,
    ).toBe('float32');
    expect(() => new StandardScaler().transform(tensor([[1]]))).toThrow(/not fitted; call fit/);
    expect(() => s.transform(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expect(() => standardize(tensor([[]]).reshape([0, 0]))).toThrow(/0 examples/);
  });
});

describe('MinMaxScaler / normalize', () => {
  it('learns min and max and maps train to [0, 1] (or featureRange)', () => {
    const s = normalize(wine);
    const g = golden['wine_data.csv'];
    expect(Array.from(s.dataMin?.data ?? [])).toEqual(g.min);
    expect(Array.from(s.dataMax?.data ?? [])).toEqual(g.max);
    const x = s.transform(wine).data;
    expect(Math.min(...x)).toBeCloseTo(0, 12);
    expect(Math.max(...x)).toBeCloseTo(1, 12);
    const r = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(wine).data;
    expect(Math.min(...r)).toBeCloseTo(-1, 12);
    expect(Math.max(...r)).toBeCloseTo(1, 12);
  });

  it('round-trips with inverseTransform and lets test data fall outside the range', () => {
    const s = normalize(tensor([[0], [10]], { dtype: 'float64' }));
    expect(Array.from(s.transform(tensor([[20], [-5]], { dtype: 'float64' })).data)).toEqual([
      2, -0.5,
    ]);
    expect(Array.from(s.inverseTransform(tensor([[0.5]], { dtype: 'float64' })).data)).toEqual([5]);
    expect(() => new MinMaxScaler({ featureRange: [1, 1] })).toThrow(RangeError);
  });
});
