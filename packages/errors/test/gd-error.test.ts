import { describe, expect, it } from 'vitest';
import { GdError, GdRangeError, GdTypeError, isGdError } from '../src/gd-error';

class ExampleError extends GdError {
  override name = 'ExampleError';
  override readonly code = 'ERR_EXAMPLE';
}

class ExampleTypeError extends GdTypeError {
  override name = 'ExampleTypeError';
  override readonly code = 'ERR_EXAMPLE_TYPE';
}

/** A second copy of the brand, as a CJS build loaded beside the ESM one would create. */
class ForeignCopy extends Error {
  readonly code = 'ERR_GD_FOREIGN';
}
Object.defineProperty(ForeignCopy.prototype, Symbol.for('@gd/errors.GdError'), { value: true });

describe('GdError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('disk');
    const e = new GdError('op: went wrong; do this', { cause });
    expect(e.name).toBe('GdError');
    expect(e.code).toBe('ERR_GD');
    expect(e.message).toBe('op: went wrong; do this');
    expect(e.cause).toBe(cause);
    expect(String(e)).toBe('GdError: op: went wrong; do this');
    expect(e).toBeInstanceOf(Error);
    expect(e.stack).toContain('GdError: op: went wrong');
  });

  it('subclasses keep their own name and code and stay GdErrors', () => {
    const e = new ExampleError('x');
    expect(e.name).toBe('ExampleError');
    expect(e.code).toBe('ERR_EXAMPLE');
    expect(e).toBeInstanceOf(GdError);
    expect(e).toBeInstanceOf(ExampleError);
    expect(() => {
      throw e;
    }).toThrow(GdError);
  });

  it('instanceof a subclass is still the plain prototype test', () => {
    expect(new GdError('x')).not.toBeInstanceOf(ExampleError);
    expect(new GdRangeError('x')).not.toBeInstanceOf(ExampleError);
    expect(new ExampleTypeError('x')).not.toBeInstanceOf(GdRangeError);
  });

  it('GdRangeError is a RangeError named RangeError and a GdError', () => {
    const e = new GdRangeError('Adam: betas[1] must be in [0, 1), got 1.5');
    expect(String(e)).toBe('RangeError: Adam: betas[1] must be in [0, 1), got 1.5');
    expect(e.name).toBe('RangeError');
    expect(e.code).toBe('ERR_GD_RANGE');
    expect(e).toBeInstanceOf(RangeError);
    expect(e).toBeInstanceOf(GdError);
    expect(e).not.toBeInstanceOf(TypeError);
    expect(isGdError(e)).toBe(true);
  });

  it('GdTypeError is a TypeError named TypeError and a GdError; subclasses too', () => {
    const e = new GdTypeError('SGD: lr must be a number, got "0.1"', { cause: 1 });
    expect(String(e)).toBe('TypeError: SGD: lr must be a number, got "0.1"');
    expect(e.code).toBe('ERR_GD_TYPE');
    expect(e.cause).toBe(1);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).toBeInstanceOf(GdError);
    const sub = new ExampleTypeError('y');
    expect(sub).toBeInstanceOf(TypeError);
    expect(sub).toBeInstanceOf(GdTypeError);
    expect(sub).toBeInstanceOf(GdError);
    expect(sub.name).toBe('ExampleTypeError');
    expect(sub.code).toBe('ERR_EXAMPLE_TYPE');
  });

  it("errors that are not gd's are not GdErrors", () => {
    for (const v of [
      new Error('x'),
      new RangeError('x'),
      new TypeError("Cannot read properties of undefined (reading 'fill')"),
      { name: 'GdError', code: 'ERR_GD', message: 'look-alike' },
      null,
      undefined,
      'GdError',
      42,
    ]) {
      expect(v instanceof GdError).toBe(false);
      expect(isGdError(v)).toBe(false);
    }
  });

  it('recognises errors from another copy of the package (ESM beside CJS)', () => {
    const e = new ForeignCopy('from the other copy');
    expect(e).toBeInstanceOf(GdError);
    expect(isGdError(e)).toBe(true);
  });

  it('the brand is not an own, enumerable or JSON-visible property', () => {
    const e = new GdRangeError('x');
    expect(Object.keys(e)).toEqual(['code']);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'ERR_GD_RANGE' });
  });
});
