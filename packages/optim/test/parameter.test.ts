import { describe, expect, it } from 'vitest';
import { bufferLike } from '../src/parameter';

describe('bufferLike', () => {
  it('allocates a buffer of the same element type and length, optionally filled', () => {
    const a = bufferLike(new Float32Array(3));
    expect(a).toBeInstanceOf(Float32Array);
    expect(Array.from(a)).toEqual([0, 0, 0]);
    const b = bufferLike(new Float64Array(2), 0.5);
    expect(b).toBeInstanceOf(Float64Array);
    expect(Array.from(b)).toEqual([0.5, 0.5]);
  });
});
