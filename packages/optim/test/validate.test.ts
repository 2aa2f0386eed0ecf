import { describe, expect, it } from 'vitest';
import { GdRangeError, GdTypeError } from '@gd/errors';
import {
  checkBoolean,
  checkNumber,
  checkPair,
  inInterval,
  nonNegative,
  owner,
  positive,
  positiveInteger,
} from '../src/validate';

describe('validate', () => {
  it('names owner, option and value in every message', () => {
    expect(() => checkNumber('X', 'lr', '1')).toThrow(
      new GdTypeError("X: lr must be a number, got '1'"),
    );
    expect(() => checkNumber('X', 'lr', Number.NaN)).toThrow(RangeError);
    expect(() => nonNegative('X', 'lr', -2)).toThrow(
      new GdRangeError('X: lr must be >= 0, got -2'),
    );
    expect(() => positive('X', 'lr', 0)).toThrow(new GdRangeError('X: lr must be > 0, got 0'));
    expect(() => inInterval('X', 'b', 1, 0, 1)).toThrow('X: b must be in [0, 1), got 1');
    expect(inInterval('X', 'b', 1, 0, 1, true)).toBe(1);
    expect(() => positiveInteger('X', 'n', 1.5)).toThrow(
      'X: n must be a positive integer, got 1.5',
    );
    expect(() => checkBoolean('X', 'f', 0)).toThrow('X: f must be true or false, got 0');
    expect(() => checkPair('X', 'betas', [1, 2, 3])).toThrow(/betas must be a pair/);
    expect(checkPair('X', 'betas', [0.1, 0.2])).toEqual([0.1, 0.2]);
    expect(owner('Adam', 'options')).toBe('Adam');
    expect(owner('Adam', 'param group 1')).toBe('Adam: param group 1');
  });

  it('accepts valid values unchanged', () => {
    expect(nonNegative('X', 'a', 0)).toBe(0);
    expect(positive('X', 'a', Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(positiveInteger('X', 'a', 3)).toBe(3);
    expect(checkBoolean('X', 'a', false)).toBe(false);
  });
});
