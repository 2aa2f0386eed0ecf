import { describe, expect, it } from 'vitest';
import { DTypeError, astype, cast, clamp, permute, sum, take, tensor, where } from '@gd/tensor';

describe('argument validation from the op table', () => {
  const x = tensor([
    [1, 2],
    [3, 4],
  ]);

  it('checks every argument against its kind and names the op and the argument', () => {
    expect(() => sum(x, null as never)).toThrow(/^sum: opts must be an options object, got null/);
    expect(() => sum(x, [0] as never)).toThrow(
      /^sum: opts must be an options object, got an array/,
    );
    expect(() => permute(x, 'ab' as never)).toThrow(/^permute: axes must be an array of integers/);
    expect(() => take(x, [0], 'a' as never)).toThrow(
      /^take: axis must be an integer, got string a/,
    );
    expect(() => clamp(x, 'a' as never)).toThrow(/^clamp: lo must be a number or null/);
    expect(() => astype(x, 3 as never)).toThrow(/^astype: dtype must be a dtype name/);
  });

  it('where rejects plain arrays and booleans with typed errors', () => {
    expect(() => where(tensor([true, false]), [1, 2] as never, 0)).toThrow(TypeError);
    expect(() => where(tensor([true, false]), [1, 2] as never, 0)).toThrow(
      /^where: expected a Tensor or a number, got an array; wrap it with tensor\(\)/,
    );
    expect(() => where(true as never, 10, 20)).toThrow(
      /^where: expected a Tensor or a number, got boolean true/,
    );
  });

  it('an alias names itself first, keeping the error class', () => {
    expect(() => cast(x, 'float16' as never)).toThrow(DTypeError);
    expect(() => cast(x, 'float16' as never)).toThrow(/^cast: astype: unknown dtype 'float16'/);
  });
});
