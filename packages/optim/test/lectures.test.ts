import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { type Parameter, SGD } from '../src';

/** A float64 scalar parameter with a gradient buffer. */
function scalar(x0: number): Parameter {
  return { value: tensor([x0], { dtype: 'float64' }), grad: tensor([0], { dtype: 'float64' }) };
}

describe('the lectures’ gradient-descent runs (the gradient-descent lecture)', () => {
  it('GD on x² from 3 with η = 0.1 reaches 3·0.8¹⁰⁰ = 6.111107929…e-10 after 100 updates', () => {
    const x = scalar(3);
    const opt = new SGD([x], { lr: 0.1 });
    const printed = [2.4, 1.92, 1.536];
    for (let i = 0; i < 100; i++) {
      (x.grad!.data as Float64Array)[0] = 2 * x.value.data[0];
      opt.step();
      if (i < 3) expect(x.value.data[0]).toBeCloseTo(printed[i], 14);
    }
    // The slide prints x_100 = 0.00000000006111107929.
    expect(x.value.data[0].toPrecision(10)).toBe('6.111107929e-10');
    expect(Math.abs(x.value.data[0] - 3 * 0.8 ** 100) / (3 * 0.8 ** 100)).toBeLessThan(1e-13);
  });

  it('GD on x² + e^-x from 3 with η = 0.0005 prints the slide’s numbers, ending at 0.3517383210080008', () => {
    const x = scalar(3);
    const opt = new SGD([x], { lr: 0.0005 });
    // The notebook's output: print('x_', i, '=', x) every 1000 updates.
    const printed: Record<number, string> = {
      0: '2.997024893534184',
      1000: '1.1617489280037716',
      2000: '0.5760466279295902',
      3000: '0.4109554481889124',
      4000: '0.36713277266602845',
      5000: '0.35572112254324284',
      6000: '0.35276507196575846',
      7000: '0.352000400939733',
      8000: '0.3518026668897593',
      9000: '0.3517515401706734',
      10000: '0.3517383210080008',
    };
    for (let i = 0; i < 10001; i++) {
      const v = x.value.data[0];
      (x.grad!.data as Float64Array)[0] = 2 * v - Math.exp(-v);
      opt.step();
      if (i % 1000 === 0) {
        const want = Number(printed[i]);
        // V8's Math.exp and CPython's (glibc) exp differ in the last bit for a few arguments, so
        // x_6000…x_8000 differ by one ulp; the iteration contracts and the end agrees exactly.
        expect(Math.abs(x.value.data[0] - want)).toBeLessThanOrEqual(2 * Number.EPSILON * want);
      }
    }
    expect(String(x.value.data[0])).toBe('0.3517383210080008');
  });
});
