import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../src/expression-error';

describe('ExpressionError', () => {
  it('keeps source, position and 1-based column, and draws a caret', () => {
    const e = new ExpressionError("expected a number after '^'", 'x^^2', 2);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExpressionError');
    expect(e.position).toBe(2);
    expect(e.column).toBe(3);
    expect(e.message).toBe("expected a number after '^' (at column 3)");
    expect(e.caret).toBe('x^^2\n  ^');
  });

  it('clamps positions into the source and flattens line breaks in the caret', () => {
    expect(new ExpressionError('r', 'ab', 99).position).toBe(2);
    expect(new ExpressionError('r', 'ab', -3).column).toBe(1);
    expect(new ExpressionError('r', 'a\nb', 2).caret).toBe('a b\n  ^');
  });
});
