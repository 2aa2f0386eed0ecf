import { grad } from '@gd/autodiff';
import { type Tensor, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../src/compile';
import { surfaces } from '../src/surfaces';

describe('surfaces', () => {
  it('each parses, names its variables in its domain, and is keyed by its name', () => {
    for (const [key, s] of Object.entries(surfaces)) {
      expect(s.name).toBe(key);
      const f = compileExpression(s.expression);
      expect([...f.variables].sort()).toEqual(Object.keys(s.domain).sort());
      for (const [lo, hi] of Object.values(s.domain)) expect(lo).toBeLessThan(hi);
    }
  });

  it('has zero gradient at each stated minimum, and no larger value nearby', () => {
    for (const s of Object.values(surfaces)) {
      if (!s.minimum) continue;
      const f = compileExpression(s.expression);
      const names = f.variables;
      const point = names.map((n) => tensor(s.minimum?.[n] ?? 0, { dtype: 'float64' }));
      const fn = (...xs: Tensor[]) =>
        f.evaluate(Object.fromEntries(names.map((n, i) => [n, xs[i]])));
      const g = grad(fn as never, { argnums: names.map((_, i) => i) })(...point) as Tensor[];
      for (const gi of g) expect(Math.abs(gi.item()), s.name).toBeLessThan(1e-9);
      const f0 = (fn(...point) as Tensor).item();
      for (const n of names) {
        const moved = names.map((m) =>
          tensor((s.minimum?.[m] ?? 0) + (m === n ? 1e-3 : 0), { dtype: 'float64' }),
        );
        expect((fn(...moved) as Tensor).item(), `${s.name} ${n}`).toBeGreaterThan(f0);
      }
    }
  });

  it('has the known minimum values', () => {
    const at = (name: string) => {
      const s = surfaces[name];
      return (compileExpression(s.expression).evaluate({ ...s.minimum }) as Tensor).item();
    };
    expect(at('rosenbrock')).toBe(0);
    expect(at('beale')).toBe(0);
    expect(at('himmelblau')).toBe(0);
    expect(at('booth')).toBe(0);
    expect(at('quadratic')).toBe(0);
    expect(at('nonconvex')).toBeCloseTo(-8.12305, 4);
    expect(surfaces.saddle.minimum).toBeUndefined();
  });
});
