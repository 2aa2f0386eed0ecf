/** Prints a syntax tree back to source with the fewest parentheses that keep its meaning. */
import type { Expr } from './ast';

// Binding strength of each form: a child printed where a stronger form is required gets ( ).
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const UNARY = 3;
const POWER = 4;
const PRIMARY = 5;

function strength(e: Expr): number {
  if (e.type === 'binary')
    return e.op === '^' ? POWER : e.op === '*' || e.op === '/' ? MULTIPLICATIVE : ADDITIVE;
  return e.type === 'unary' ? UNARY : PRIMARY;
}

function wrap(e: Expr, min: number): string {
  const s = formatExpression(e);
  return strength(e) >= min ? s : `(${s})`;
}

/**
 * Prints an expression tree as source that parses back to the same tree (`2 * (x + 1)`,
 * `-x^2`, `(x^2)^3`). Numbers print as JavaScript's shortest round-trip form.
 *
 * @example
 * ```ts
 * formatExpression(parseExpression('((x))+ 2*y^ 2')); // "x + 2 * y^2"
 * ```
 */
export function formatExpression(e: Expr): string {
  switch (e.type) {
    case 'number':
      return String(e.value);
    case 'symbol':
      return e.name;
    case 'unary': {
      const arg = wrap(e.argument, UNARY);
      // A space keeps "- -x" from reading as a decrement and "- +x" legible.
      return e.argument.type === 'unary' ? `${e.op} ${arg}` : `${e.op}${arg}`;
    }
    case 'call':
      return `${e.name}(${e.args.map(formatExpression).join(', ')})`;
    case 'binary':
      if (e.op === '^') return `${wrap(e.left, PRIMARY)}^${wrap(e.right, UNARY)}`;
      if (e.op === '*' || e.op === '/')
        return `${wrap(e.left, MULTIPLICATIVE)} ${e.op} ${wrap(e.right, UNARY)}`;
      return `${wrap(e.left, ADDITIVE)} ${e.op} ${wrap(e.right, MULTIPLICATIVE)}`;
  }
}
