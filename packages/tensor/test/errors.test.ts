import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, matmul, tensor } from '@gd/tensor';
import { fmtShape } from '../src/errors';

describe('errors', () => {
  it('ShapeError and DTypeError are typed, named Errors', () => {
    const s = new ShapeError('x');
    expect(s).toBeInstanceOf(Error);
    expect(s.name).toBe('ShapeError');
    const d = new DTypeError('y');
    expect(d).toBeInstanceOf(TypeError);
    expect(d.name).toBe('DTypeError');
    try {
      matmul(tensor([[1, 2]]), tensor([[1, 2]]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShapeError);
      expect((e as Error).message).toMatch(/^matmul: /);
    }
  });
  it('fmtShape prints shapes as in messages', () => {
    expect(fmtShape([3, 4])).toBe('[3, 4]');
    expect(fmtShape([])).toBe('[]');
  });
});
