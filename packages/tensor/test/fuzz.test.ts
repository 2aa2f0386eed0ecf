import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as T from '@gd/tensor';

// Junk where a tensor, an option or an axis goes: what plain JS callers pass by mistake.
const junk = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    'abc',
    '',
    true,
    false,
    Number.NaN,
    {},
    [],
    [[1, 2], [3]],
    [1, 'a'],
  ),
  fc.array(fc.integer({ min: -3, max: 5 }), { maxLength: 3 }),
  fc.double({ min: -10, max: 10 }),
  fc.constant(
    T.tensor([
      [1, 2],
      [3, 4],
    ]),
  ),
  fc.constant(T.tensor([true, false])),
  fc.constant(T.tensor([1, 2, 3], { dtype: 'int32' })),
);

/** True for an error gd throws on purpose: a typed error whose message names the op. */
function isOwnError(e: unknown, name: string): boolean {
  const typed =
    e instanceof T.ShapeError ||
    e instanceof T.DTypeError ||
    e instanceof TypeError ||
    e instanceof RangeError;
  return typed && (e as Error).message.startsWith(`${name}:`);
}

describe('every table op given junk throws only its own typed errors', () => {
  const api = T as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of Object.keys(T.OP_TABLE)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(junk, { minLength: 0, maxLength: 4 }), (args) => {
          try {
            api[name](...args);
          } catch (e) {
            if (!isOwnError(e, name))
              throw new Error(`${name}(${args.map(String).join(', ')}) threw ${String(e)}`);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('where names its bad arguments', () => {
    expect(() => T.where(T.tensor([true, false]), [1, 2] as never, 0)).toThrow(/^where: .*array/);
    expect(() => T.where(true as never, 10, 20)).toThrow(/^where: .*boolean/);
  });
});
