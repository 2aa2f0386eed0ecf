import { variable } from '@gd/autodiff';
import { Generator, ones } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { Dropout } from '../src/dropout';

describe('Dropout', () => {
  it('zeroes about p of the elements and scales survivors by 1/(1−p)', () => {
    const d = new Dropout(0.3, { generator: new Generator(5) });
    const y = Array.from(d.forward(ones([20000], { dtype: 'float64' })).value.data);
    const zeros = y.filter((v) => v === 0).length / y.length;
    expect(zeros).toBeGreaterThan(0.28);
    expect(zeros).toBeLessThan(0.32);
    expect(y.filter((v) => v !== 0).every((v) => Math.abs(v - 1 / 0.7) < 1e-15)).toBe(true);
    const m = y.reduce((a, b) => a + b, 0) / y.length;
    expect(Math.abs(m - 1)).toBeLessThan(0.03);
  });

  it('is reproducible with a seeded generator and passes gradients through the mask', () => {
    const a = new Dropout(0.5, { generator: new Generator(1) }).forward(ones([16])).toArray();
    const b = new Dropout(0.5, { generator: new Generator(1) }).forward(ones([16])).toArray();
    expect(a).toEqual(b);
    const x = variable(ones([16], { dtype: 'float64' }));
    const y = new Dropout(0.5, { generator: new Generator(1) }).forward(x);
    y.sum().backward();
    expect(x.grad?.toArray()).toEqual(y.toArray());
  });

  it('is the identity in eval mode and for p = 0; p = 1 zeroes everything', () => {
    const x = ones([8]);
    expect(new Dropout(0.9).eval().forward(x).toArray()).toEqual(x.toArray());
    expect(new Dropout(0).forward(x).toArray()).toEqual(x.toArray());
    expect(new Dropout(1).forward(x).toArray()).toEqual(new Array(8).fill(0));
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => new Dropout(1.5)).toThrow(/p must be a probability in \[0, 1\], got 1.5/);
  });
});
