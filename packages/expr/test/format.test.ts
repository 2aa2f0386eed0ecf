import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr, FunctionName } from '../src/ast';
import { formatExpression } from '../src/format';
import { parseExpression } from '../src/parse';

function strip(e: Expr): unknown {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'symbol':
      return e.name;
    case 'unary':
      return [e.op, strip(e.argument)];
    case 'binary':
      return [e.op, strip(e.left), strip(e.right)];
    case 'call':
      return [e.name, ...e.args.map(strip)];
  }
}

const at = { start: 0, end: 0 };
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e30, noNaN: true }))
      .map((value): Expr => ({ type: 'number', value, ...at })),
    fc
      .constantFrom('x', 'y', 'w_1', 'pi', 'e')
      .map((name): Expr => ({ type: 'symbol', name, ...at })),
    fc
      .record({ op: fc.constantFrom('-' as const, '+' as const), argument: tie('expr') })
      .map((r): Expr => ({ type: 'unary', ...r, ...at })),
    fc
      .record({
        op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const, '^' as const),
        left: tie('expr'),
        right: tie('expr'),
      })
      .map((r): Expr => ({ type: 'binary', ...r, ...at })),
    fc
      .record({
        name: fc.constantFrom<FunctionName>('exp', 'log', 'sigmoid', 'abs'),
        arg: tie('expr'),
      })
      .map((r): Expr => ({ type: 'call', name: r.name, args: [r.arg], ...at })),
    fc
      .record({
        name: fc.constantFrom<FunctionName>('min', 'max'),
        args: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }),
      })
      .map((r): Expr => ({ type: 'call', ...r, ...at })),
  ),
}));

describe('formatExpression', () => {
  it('prints with the fewest parentheses', () => {
    const f = (s: string) => formatExpression(parseExpression(s));
    expect(f('((x))+ 2*y^ 2')).toBe('x + 2 * y^2');
    expect(f('(x + 1) * 2')).toBe('(x + 1) * 2');
    expect(f('-(x^2)')).toBe('-x^2');
    expect(f('(-x)^2')).toBe('(-x)^2');
    expect(f('(x^2)^3')).toBe('(x^2)^3');
    expect(f('x^(2^3)')).toBe('x^2^3');
    expect(f('a - (b - c)')).toBe('a - (b - c)');
    expect(f('(a - b) - c')).toBe('a - b - c');
    expect(f('a / (b * c)')).toBe('a / (b * c)');
    expect(f('- (-x)')).toBe('- -x');
    expect(f('max(x,y , 0)')).toBe('max(x, y, 0)');
    expect(f('1e-7 * x')).toBe('1e-7 * x');
  });

  it('round-trips: parse(format(tree)) is the same tree (fast-check)', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const text = formatExpression(tree);
        expect(strip(parseExpression(text))).toEqual(strip(tree));
      }),
      { numRuns: 500 },
    );
  });

  it('is a fixed point on its own output (fast-check)', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const once = formatExpression(tree);
        expect(formatExpression(parseExpression(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
