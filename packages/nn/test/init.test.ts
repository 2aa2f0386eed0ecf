import { Generator, ShapeError } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  calculateGain,
  fans,
  kaimingNormal,
  kaimingUniform,
  normalInit,
  uniformInit,
  xavierNormal,
  xavierUniform,
} from '../src/init';

function std(d: ArrayLike<number>): number {
  const a = Array.from(d);
  const m = a.reduce((x, y) => x + y, 0) / a.length;
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
}
const g = () => ({ generator: new Generator(99), dtype: 'float64' as const });

describe('init', () => {
  it('calculateGain matches torch.nn.init.calculate_gain', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu')).toBe(Math.SQRT2);
    expect(calculateGain('leakyRelu')).toBeCloseTo(Math.sqrt(2 / (1 + 0.01 ** 2)), 15);
    expect(calculateGain('leaky_relu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(calculateGain('selu')).toBe(0.75);
    expect(() => calculateGain('swish' as 'relu')).toThrow(/unknown nonlinearity 'swish'/);
  });

  it('fans of [out, in, ...receptive]', () => {
    expect(fans([40, 784])).toEqual({ fanIn: 784, fanOut: 40 });
    expect(fans([8, 3, 5, 5])).toEqual({ fanIn: 75, fanOut: 200 });
    expect(() => fans([5])).toThrow(ShapeError);
  });

  it('spreads match their formulas (60 000 samples, within 2%)', () => {
    const shape = [200, 300];
    const cases: [string, Float64Array | Float32Array | Int32Array | Uint8Array, number][] = [
      ['normalInit', normalInit(shape, { ...g(), std: 0.01 }).data, 0.01],
      ['xavierUniform', xavierUniform(shape, g()).data, Math.sqrt(2 / 500)],
      [
        'xavierNormal gain 2',
        xavierNormal(shape, { ...g(), gain: 2 }).data,
        2 * Math.sqrt(2 / 500),
      ],
      ['kaimingUniform', kaimingUniform(shape, g()).data, Math.sqrt(2 / 300)],
      [
        'kaimingNormal fanOut',
        kaimingNormal(shape, { ...g(), mode: 'fanOut' }).data,
        Math.sqrt(2 / 200),
      ],
      [
        'kaimingNormal tanh',
        kaimingNormal(shape, { ...g(), nonlinearity: 'tanh' }).data,
        5 / 3 / Math.sqrt(300),
      ],
      ['uniformInit', uniformInit(shape, -1, 1, g()).data, 1 / Math.sqrt(3)],
    ];
    for (const [name, d, expected] of cases) {
      expect(std(d) / expected, name).toBeGreaterThan(0.98);
      expect(std(d) / expected, name).toBeLessThan(1.02);
    }
  });

  it('validates options', () => {
    expect(() => uniformInit([2], 1, 0)).toThrow(/low ≤ high/);
    expect(() => normalInit([2], { std: -1 })).toThrow(/std must be a finite number ≥ 0/);
    expect(() => xavierUniform([2, 2], { gain: 0 })).toThrow(/gain must be a positive/);
    expect(() => kaimingNormal([2, 2], { mode: 'fan_in' as 'fanIn' })).toThrow(
      /mode must be 'fanIn' or 'fanOut'/,
    );
  });
});
