import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/ast';
import { ExpressionError } from '../src/expression-error';
import { parseExpression } from '../src/parse';

/** The tree without source positions, as nested arrays: easy to read in expectations. */
function shape(e: Expr): unknown {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'symbol':
      return e.name;
    case 'unary':
      return [e.op, shape(e.argument)];
    case 'binary':
      return [e.op, shape(e.left), shape(e.right)];
    case 'call':
      return [e.name, ...e.args.map(shape)];
  }
}
const p = (s: string) => shape(parseExpression(s));

function errorOf(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe('parseExpression: precedence and associativity', () => {
  it('multiplies before adding, left to right', () => {
    expect(p('1 + 2 * 3')).toEqual(['+', 1, ['*', 2, 3]]);
    expect(p('a - b - c')).toEqual(['-', ['-', 'a', 'b'], 'c']);
    expect(p('a / b / c')).toEqual(['/', ['/', 'a', 'b'], 'c']);
    expect(p('a / b * c')).toEqual(['*', ['/', 'a', 'b'], 'c']);
  });

  it('makes ^ right-associative and tighter than unary minus', () => {
    expect(p('x^y^z')).toEqual(['^', 'x', ['^', 'y', 'z']]);
    expect(p('-x^2')).toEqual(['-', ['^', 'x', 2]]);
    expect(p('(-x)^2')).toEqual(['^', ['-', 'x'], 2]);
    expect(p('2^-x')).toEqual(['^', 2, ['-', 'x']]);
    expect(p('2^-x^2')).toEqual(['^', 2, ['-', ['^', 'x', 2]]]);
    expect(p('x**2')).toEqual(['^', 'x', 2]);
  });

  it('reads unary signs in operands', () => {
    expect(p('a - -b')).toEqual(['-', 'a', ['-', 'b']]);
    expect(p('a * -b')).toEqual(['*', 'a', ['-', 'b']]);
    expect(p('+x')).toEqual(['+', 'x']);
    expect(p('--x')).toEqual(['-', ['-', 'x']]);
  });

  it('reads numbers in every usual form', () => {
    expect(p('0.5 + .25 + 1e-3 + 2.5E+2 + 7.')).toEqual([
      '+',
      ['+', ['+', ['+', 0.5, 0.25], 0.001], 250],
      7,
    ]);
  });

  it('reads calls, n-ary min/max, constants and nested parentheses', () => {
    expect(p('x^2 + exp(-x)')).toEqual(['+', ['^', 'x', 2], ['exp', ['-', 'x']]]);
    expect(p('max(x, y, 0)')).toEqual(['max', 'x', 'y', 0]);
    expect(p('min(x)')).toEqual(['min', 'x']);
    expect(p('((pi)) * e')).toEqual(['*', 'pi', 'e']);
    expect(p('sigmoid(relu(tanh(w1)))')).toEqual(['sigmoid', ['relu', ['tanh', 'w1']]]);
  });

  it('records source positions', () => {
    const e = parseExpression('  x + exp(y)');
    expect(e).toMatchObject({ type: 'binary', start: 2, end: 12 });
    if (e.type !== 'binary') throw new Error('binary expected');
    expect(e.right).toMatchObject({ type: 'call', start: 6, end: 12 });
  });
});

describe('parseExpression: errors name the column', () => {
  it.each([
    ['x^^2', 3, "after '^', found '^'"],
    ['x +', 4, 'found the end of the expression'],
    ['', 1, 'empty expression'],
    ['2x', 2, "missing operator before 'x'"],
    ['(x + 1', 7, "missing ')'"],
    ['x)', 2, "unexpected ')'"],
    ['exp', 1, "'exp' is a function"],
    ['pi(2)', 1, "'pi' is a constant"],
    ['foo(x)', 1, "unknown function 'foo'"],
    ['exp(x, y)', 1, 'exp takes 1 argument, got 2'],
    ['max()', 1, 'max takes at least 1 argument'],
    ['x # y', 3, 'unexpected character "#"'],
    ['1e999', 1, 'not finite'],
    ['max(x y)', 7, "missing ')' to close max("],
  ])('%j → column %i', (source, column, text) => {
    const e = errorOf(source);
    expect(e.name).toBe('ExpressionError');
    expect(e.column).toBe(column);
    expect(e.position).toBe(column - 1);
    expect(e.message).toContain(text);
    expect(e.message).toContain(`column ${column}`);
  });

  it('refuses strings that try to reach JavaScript', () => {
    expect(errorOf("require('fs')").message).toContain("unknown function 'require'");
    expect(errorOf('constructor.constructor("return process")()').message).toContain(
      "'constructor' is a reserved name",
    );
    expect(errorOf('__proto__').message).toContain('reserved');
    expect(errorOf('x.constructor').message).toContain('unexpected character "."');
    expect(errorOf('toString + 1').message).toContain('reserved');
    expect(errorOf('hasOwnProperty').message).toContain('reserved');
    for (const s of [
      'process.exit(1)',
      '`x`',
      'x; y',
      '(() => 1)()',
      'x[0]',
      '{}',
      'a = 1',
      'eval("1")',
      'Function("return 1")',
      'import("fs")',
    ])
      expect(() => parseExpression(s), s).toThrow(ExpressionError);
  });

  it('bounds length and depth instead of overflowing the stack', () => {
    expect(errorOf('x+'.repeat(6000)).message).toContain('longer than');
    expect(errorOf(`${'('.repeat(500)}x${')'.repeat(500)}`).message).toContain('nested more');
    expect(errorOf(`${'-'.repeat(500)}x`).message).toContain('nested more');
  });

  it('refuses non-strings', () => {
    expect(() => parseExpression(42 as unknown as string)).toThrow(ExpressionError);
  });
});
