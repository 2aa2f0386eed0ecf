import { describe, expect, it } from 'vitest';
import * as errors from '../src/index';

describe('@gd/errors exports', () => {
  it('exports the error family and the guard', () => {
    expect(Object.keys(errors).sort()).toEqual([
      'GdError',
      'GdRangeError',
      'GdTypeError',
      'isGdError',
    ]);
  });
});
