import { GdError } from '@gd/errors';
import { describe, expect, it } from 'vitest';
import { DTypeError, LinAlgError, ShapeError, inv, matmul, oneHot, tensor } from '@gd/tensor';
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

describe('errors are GdErrors with stable codes', () => {
  it('ShapeError, DTypeError and option checks from tensor ops are instanceof GdError', () => {
    const cases: [() => unknown, string, string, abstract new (m?: string) => Error][] = [
      [() => matmul(tensor([[1, 2]]), tensor([[1, 2]])), 'ShapeError', 'ERR_GD_SHAPE', ShapeError],
      [() => tensor([1], { dtype: 'int8' as never }), 'DTypeError', 'ERR_GD_DTYPE', DTypeError],
      [() => oneHot([0], 0), 'RangeError', 'ERR_GD_RANGE', RangeError],
      [() => matmul([1, 2] as never, tensor([1, 2])), 'TypeError', 'ERR_GD_TYPE', TypeError],
    ];
    for (const [run, name, code, cls] of cases) {
      let err: unknown;
      try {
        run();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(GdError);
      expect(err).toBeInstanceOf(cls);
      expect((err as GdError).name).toBe(name);
      expect((err as GdError).code).toBe(code);
    }
    expect(new DTypeError('x')).toBeInstanceOf(TypeError); // unchanged: still a TypeError
    let singular: unknown;
    try {
      inv(
        tensor(
          [
            [1, 2],
            [2, 4],
          ],
          { dtype: 'float64' },
        ),
      );
    } catch (e) {
      singular = e;
    }
    expect(singular).toBeInstanceOf(LinAlgError);
    expect(singular).toBeInstanceOf(GdError);
    expect((singular as LinAlgError).code).toBe('ERR_GD_LINALG');
  });
});
