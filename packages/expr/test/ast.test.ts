import { describe, expect, it } from 'vitest';
import { CONSTANTS, UNARY_FUNCTIONS, VARIADIC_FUNCTIONS } from '../src/ast';
import { parseExpression } from '../src/parse';

describe('ast tables', () => {
  it('lists the functions and constants the language promises', () => {
    expect([...UNARY_FUNCTIONS].sort()).toEqual(
      ['abs', 'cos', 'exp', 'log', 'relu', 'sigmoid', 'sin', 'sqrt', 'tan', 'tanh'].sort(),
    );
    expect([...VARIADIC_FUNCTIONS].sort()).toEqual(['max', 'min']);
    expect(CONSTANTS.get('pi')).toBe(Math.PI);
    expect(CONSTANTS.get('e')).toBe(Math.E);
  });

  it('every listed function parses as a call', () => {
    for (const f of [...UNARY_FUNCTIONS, ...VARIADIC_FUNCTIONS])
      expect(parseExpression(`${f}(x)`)).toMatchObject({ type: 'call', name: f });
  });
});
