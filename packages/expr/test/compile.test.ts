import { GdError } from '@gd/errors';
import { Var, gradCheck, variable } from '@gd/autodiff';
import { Tensor, tensor } from '@gd/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../src/compile';
import { ExpressionError } from '../src/expression-error';

const value = (source: string, values: Record<string, number> = {}) =>
  (compileExpression(source).evaluate(values) as Tensor).item();

describe('compileExpression', () => {
  it('lists variables in order of first appearance, without constants', () => {
    expect(compileExpression('y + x*y + pi*e').variables).toEqual(['y', 'x']);
    expect(compileExpression('max(w2, w1, w2)').variables).toEqual(['w2', 'w1']);
    expect(compileExpression('2 + 3').variables).toEqual([]);
  });

  it('computes what the formula says', () => {
    expect(value('-x^2', { x: 3 })).toBe(-9);
    expect(value('2^3^2')).toBe(512);
    expect(value('x/2/2', { x: 8 })).toBe(2);
    expect(value('x - 1 - 1', { x: 8 })).toBe(6);
    expect(value('max(x, 4, y)', { x: 1, y: 3 })).toBe(4);
    expect(value('min(x, 4, y)', { x: 1, y: 3 })).toBe(1);
    expect(value('relu(x) + abs(y)', { x: -2, y: -3 })).toBe(3);
    expect(value('sigmoid(0) + tanh(0) + sqrt(16) + log(e)')).toBe(5.5);
    expect(value('sin(pi/2) + cos(0) + tan(0)')).toBe(2);
    expect(value('e^x', { x: 0.7 })).toBe(Math.exp(0.7));
    expect(value('sigmoid(x)', { x: -800 })).toBe(0);
    expect(value('sigmoid(-800)')).toBe(0);
    expect(value('+x', { x: 5 })).toBe(5);
    expect(value('exp(x)', { x: 1 })).toBe(Math.exp(1));
    expect(value('min(-1, 2) + max(-1, 2) + relu(-1) + relu(2) + abs(-2)')).toBe(5);
  });

  it('returns float64 tensors for numbers by default, float32 on request', () => {
    const r = compileExpression('x + 1').evaluate({ x: 0.1 });
    expect(r).toBeInstanceOf(Tensor);
    expect((r as Tensor).dtype).toBe('float64');
    expect((r as Tensor).item()).toBe(1.1);
    expect((compileExpression('2 * 3').evaluate({}) as Tensor).dtype).toBe('float64');
    const f32 = compileExpression('x * 1', { dtype: 'float32' }).evaluate({ x: 0.1 }) as Tensor;
    expect(f32.dtype).toBe('float32');
    expect(f32.item()).toBe(Math.fround(0.1));
    expect(() => compileExpression('x', { dtype: 'int32' as 'float32' })).toThrow(RangeError);
  });

  it('broadcasts over tensors element-wise', () => {
    const r = compileExpression('x^2 - y').evaluate({
      x: tensor([1, 2, 3], { dtype: 'float64' }),
      y: 1,
    }) as Tensor;
    expect(r.toArray()).toEqual([0, 3, 8]);
  });

  it('records a graph on Vars: the gradient of x^2 + exp(-x) is 2x - e^-x', () => {
    const x = variable(3, { dtype: 'float64' });
    const y = compileExpression('x^2 + exp(-x)').evaluate({ x });
    expect(y).toBeInstanceOf(Var);
    (y as Var).backward();
    expect(x.grad?.item()).toBe(6 - Math.exp(-3));
  });

  it("reproduces the gradient-descent lecture's x = 0.3517383210080008", () => {
    const f = compileExpression('x^2 + exp(-x)');
    const x = variable(3, { dtype: 'float64' });
    for (let i = 0; i < 10001; i++) {
      x.grad = null;
      (f.evaluate({ x }) as Var).backward();
      x.value.data[0] -= 0.0005 * (x.grad as unknown as Tensor).data[0];
    }
    expect(x.item()).toBe(0.3517383210080008);
  });

  it('has gradients that pass gradCheck on every function (fast-check points)', () => {
    const f = compileExpression(
      'x^2*y - exp(-x)/y + log(y^2 + 1) + sqrt(x^2 + 1) + sin(x)*cos(y) + tan(x/4) + tanh(x*y) + sigmoid(y - x) + y^x',
    );
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (a, b) => {
          const r = gradCheck(
            (x: Var, y: Var) => f.evaluate({ x, y }) as Var,
            [tensor(a, { dtype: 'float64' }), tensor(b, { dtype: 'float64' })],
          );
          expect(r.ok).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names a missing or ill-typed variable with its column', () => {
    const f = compileExpression('x + yy');
    expect(() => f.evaluate({ x: 1 })).toThrow(ExpressionError);
    try {
      f.evaluate({ x: 1 });
    } catch (e) {
      expect((e as ExpressionError).column).toBe(5);
      expect(e).toBeInstanceOf(GdError);
      expect((e as ExpressionError).code).toBe('ERR_GD_EXPRESSION');
      expect((e as ExpressionError).message).toContain("no value given for variable 'yy'");
    }
    expect(() => f.evaluate({ x: 1, yy: '2' as unknown as number })).toThrow(/must be a number/);
    expect(() => f.evaluate(null as unknown as Record<string, number>)).toThrow(ExpressionError);
  });

  it('reads only own properties of the values object', () => {
    const inherited = Object.create({ x: 5 }) as Record<string, number>;
    expect(() => compileExpression('x').evaluate(inherited)).toThrow(/no value given/);
  });

  it('prints canonically and keeps its source', () => {
    const f = compileExpression('(x)^(2) +exp( -x )');
    expect(f.source).toBe('(x)^(2) +exp( -x )');
    expect(f.toString()).toBe('x^2 + exp(-x)');
    expect(`${f}`).toBe('x^2 + exp(-x)');
    expect(f.ast.type).toBe('binary');
  });

  it('refuses code without running any of it', () => {
    const g = globalThis as Record<string, unknown>;
    for (const s of [
      "require('fs').writeFileSync('pwned', '')",
      'constructor.constructor("globalThis.pwned = 1")()',
      '__proto__.pwned',
      "x['constructor']",
    ])
      expect(() => compileExpression(s), s).toThrow(ExpressionError);
    expect(g.pwned).toBeUndefined();
  });
});
