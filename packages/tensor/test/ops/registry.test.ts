import { describe, expect, it } from 'vitest';
import { OP_TABLE, setDispatchHook, tensor } from '@gd/tensor';
import { dispatchHook, opImpl } from '../../src/ops/registry';

describe('op registry and dispatch hook', () => {
  it('every table op is registered under its name, and methods call it with the receiver in place', () => {
    for (const name of Object.keys(OP_TABLE)) expect(opImpl(name), name).toBeTypeOf('function');
    const x = tensor([1, 2]);
    expect(x.where(tensor([true, false]), 0).toArray()).toEqual([1, 0]);
  });

  it('hands a call to the hook when the hook owns an argument, and only then', () => {
    class Foreign {}
    const calls: [string, unknown[]][] = [];
    const prev = setDispatchHook({
      owns: (v) => v instanceof Foreign,
      call: (name, args) => {
        calls.push([name, args]);
        return 'hooked';
      },
    });
    try {
      const x = tensor([1, 2]);
      const f = new Foreign();
      expect((x as unknown as { mul(b: unknown): unknown }).mul(f)).toBe('hooked');
      expect(calls).toEqual([['mul', [x, f]]]);
      // The receiver goes where the op function wants it: x.where(cond, other) is where(cond, x, other).
      (x as unknown as { where(c: unknown, o: unknown): unknown }).where(f, 0);
      expect(calls[1]).toEqual(['where', [f, x, 0]]);
      expect(x.mul(2).toArray()).toEqual([2, 4]);
    } finally {
      setDispatchHook(prev);
    }
    expect(dispatchHook()).toBe(prev);
  });
});
