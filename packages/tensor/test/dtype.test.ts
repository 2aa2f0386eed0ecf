import { describe, expect, it } from 'vitest';
import { DTYPES, DTypeError, allocate, isFloat, promoteTypes } from '@gd/tensor';
import { checkDType, dtypeOfArray, floatResult, promoteWithScalar } from '../src/dtype';

describe('dtypes', () => {
  it('allocate gives the matching zeroed typed array', () => {
    expect(allocate('float32', 2)).toBeInstanceOf(Float32Array);
    expect(allocate('float64', 2)).toBeInstanceOf(Float64Array);
    expect(allocate('int32', 2)).toBeInstanceOf(Int32Array);
    expect(allocate('bool', 2)).toBeInstanceOf(Uint8Array);
    expect([...allocate('float64', 3)]).toEqual([0, 0, 0]);
    for (const d of DTYPES) expect(dtypeOfArray(allocate(d, 1))).toBe(d);
    expect(() => dtypeOfArray(new Int16Array(1) as never)).toThrow(DTypeError);
  });
  it('promotion table: float64 > float32 > int32 > bool, symmetric', () => {
    const order = ['bool', 'int32', 'float32', 'float64'] as const;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        expect(promoteTypes(order[i], order[j])).toBe(order[Math.max(i, j)]);
      }
  });
  it('weak scalars and float results', () => {
    expect(promoteWithScalar('float32', 2.5)).toBe('float32');
    expect(promoteWithScalar('int32', 2)).toBe('int32');
    expect(promoteWithScalar('int32', 2.5)).toBe('float32');
    expect(promoteWithScalar('bool', 1)).toBe('int32');
    expect(floatResult('int32')).toBe('float32');
    expect(floatResult('float64')).toBe('float64');
    expect(isFloat('float32')).toBe(true);
    expect(isFloat('bool')).toBe(false);
  });
  it('checkDType names the op and lists valid dtypes', () => {
    expect(checkDType('op', 'int32')).toBe('int32');
    expect(() => checkDType('zeros', 'half')).toThrow(
      /zeros: unknown dtype 'half'; use one of float32, float64, int32, bool/,
    );
  });
});
