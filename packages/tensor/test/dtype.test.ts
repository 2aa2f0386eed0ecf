import { afterEach, describe, expect, it } from 'vitest';
import {
  DTYPES,
  DTypeError,
  allocate,
  arange,
  eye,
  full,
  getDefaultDtype,
  isFloat,
  linspace,
  normal,
  ones,
  promoteTypes,
  rand,
  randint,
  randn,
  setDefaultDtype,
  tensor,
  uniform,
  zeros,
  zerosLike,
} from '@gd/tensor';
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

describe('setDefaultDtype / getDefaultDtype (torch.set_default_dtype)', () => {
  afterEach(() => setDefaultDtype('float32'));

  it('is float32 unless set', () => {
    expect(getDefaultDtype()).toBe('float32');
    expect(tensor([1.5]).dtype).toBe('float32');
  });

  it('float64 reaches every factory that defaults to a float dtype', () => {
    setDefaultDtype('float64');
    expect(getDefaultDtype()).toBe('float64');
    const made = {
      'tensor(number[])': tensor([1, 2]),
      'tensor(fraction)': tensor([[0.1, 0.2]]),
      'tensor(scalar)': tensor(0.1),
      zeros: zeros([2]),
      ones: ones([2, 1]),
      full: full([2], 0.1),
      linspace: linspace(0, 1, 5),
      eye: eye(2),
      'arange(float)': arange(0, 1, 0.25),
      rand: rand([3]),
      randn: randn([3]),
      uniform: uniform(-1, 1, [3]),
      normal: normal(0, 1, [3]),
    };
    for (const [name, t] of Object.entries(made)) {
      expect(`${name}: ${t.dtype}`).toBe(`${name}: float64`);
      expect(t.data).toBeInstanceOf(Float64Array);
    }
    // float64 keeps digits float32 would lose
    expect(tensor(0.1).item()).toBe(0.1);
    expect(full([1], 0.1).item()).toBe(0.1);
  });

  it('int and bool inputs, typed arrays and explicit dtypes keep their rule', () => {
    setDefaultDtype('float64');
    expect(arange(3).dtype).toBe('int32');
    expect(randint(0, 5, [2]).dtype).toBe('int32');
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor(new Float32Array([1])).dtype).toBe('float32');
    expect(tensor(new Int32Array([1])).dtype).toBe('int32');
    expect(zeros([1], { dtype: 'float32' }).dtype).toBe('float32');
    expect(zerosLike(tensor(new Float32Array(2))).dtype).toBe('float32');
    expect(tensor([1], { dtype: 'float32' }).add(1).dtype).toBe('float32');
  });

  it('is the float an int tensor promotes to with a fraction or a float function', () => {
    setDefaultDtype('float64');
    expect(promoteWithScalar('int32', 2.5)).toBe('float64');
    expect(floatResult('int32')).toBe('float64');
    expect(tensor(new Int32Array([1, 2])).mul(0.5).dtype).toBe('float64');
    expect(tensor(new Int32Array([1])).exp().dtype).toBe('float64');
    setDefaultDtype('float32');
    expect(tensor(new Int32Array([1])).exp().dtype).toBe('float32');
  });

  it('refuses non-float dtypes, as PyTorch does, and keeps the old default', () => {
    setDefaultDtype('float64');
    for (const bad of ['int32', 'bool', 'double', undefined]) {
      expect(() => setDefaultDtype(bad as never)).toThrow(DTypeError);
    }
    expect(() => setDefaultDtype('int32' as never)).toThrow(
      "setDefaultDtype: only floating-point dtypes can be the default, got 'int32'; use 'float32' or 'float64'",
    );
    expect(getDefaultDtype()).toBe('float64');
  });
});
