import { describe, expect, it } from 'vitest';
import { checkFloatDType, loadPacked } from '../../src/bundled/bunch';
import { IRIS } from '../../src/data/iris';
import { DIABETES } from '../../src/data/diabetes';

describe('loadPacked', () => {
  it('gives int32 targets for classification tables and float targets for regression', () => {
    expect(loadPacked('t', IRIS, {}).target.dtype).toBe('int32');
    expect(loadPacked('t', DIABETES, { dtype: 'float64' }).target.dtype).toBe('float64');
  });

  it('copies the name lists so callers cannot change the bundled ones', () => {
    const b = loadPacked('t', IRIS, {});
    b.featureNames[0] = 'changed';
    expect(IRIS.featureNames[0]).toBe('sepal length (cm)');
  });

  it('checkFloatDType names the operation', () => {
    expect(checkFloatDType('op', 'float64')).toBe('float64');
    expect(() => checkFloatDType('op', 'bool')).toThrow(/op: dtype must be/);
  });
});
