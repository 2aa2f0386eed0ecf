/**
 * A recursive-descent parser for gd's expression language. Precedence, loosest first:
 * `+ -` (left), `* /` (left), unary `- +`, `^` (right; `-x^2 = -(x^2)`, `2^-x` allowed),
 * then numbers, names, calls and parentheses.
 */
import {
  type BinaryNode,
  CONSTANTS,
  type Expr,
  type FunctionName,
  UNARY_FUNCTIONS,
  VARIADIC_FUNCTIONS,
} from './ast';
import { ExpressionError } from './expression-error';

type TokenKind = 'number' | 'name' | 'op' | 'invalid' | 'end';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const FUNCTION_LIST =
  'exp, log, sqrt, sin, cos, tan, tanh, sigmoid, relu, abs, min, max (constants pi, e)';
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const MAX_LENGTH = 10_000;
const MAX_DEPTH = 200;

/** Whether `name` may not be used as a variable (JavaScript object internals). */
function isReserved(name: string): boolean {
  return name.startsWith('__') || name in Object.prototype || name === 'prototype';
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'the end of the expression' : `'${t.text}'`;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', text: num[0], start: i, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    if (rest.startsWith('**')) {
      tokens.push({ kind: 'op', text: '^', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      tokens.push({ kind: 'op', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    // Reported when the parser reaches it, so earlier problems are named first.
    const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
    tokens.push({ kind: 'invalid', text: ch, start: i, end: i + ch.length });
    i += ch.length;
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Expr {
    if (this.peek().kind === 'end')
      throw this.error('empty expression; type a formula such as x^2 + exp(-x)', 0);
    const expr = this.additive();
    const t = this.peek();
    if (t.kind !== 'end') {
      if (t.text === ')') throw this.error("unexpected ')' with no matching '('", t.start);
      throw this.error(
        `missing operator before ${describe(t)}; write * for a product (2*x, not 2x)`,
        t.start,
      );
    }
    return expr;
  }

  private peek(): Token {
    const t = this.tokens[this.pos];
    if (t.kind === 'invalid')
      throw this.error(
        `unexpected character ${JSON.stringify(t.text)}; write numbers, variables, + - * / ^, parentheses and ${FUNCTION_LIST}`,
        t.start,
      );
    return t;
  }

  private next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }

  private error(reason: string, at: number): ExpressionError {
    return new ExpressionError(reason, this.source, at);
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH)
      throw this.error(`expression nested more than ${MAX_DEPTH} levels deep`, at);
  }

  private binary(op: BinaryNode['op'], left: Expr, right: Expr): Expr {
    return { type: 'binary', op, left, right, start: left.start, end: right.end };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.peek(); t.text === '+' || t.text === '-'; t = this.peek()) {
      this.next();
      left = this.binary(t.text, left, this.multiplicative());
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t.text === '*' || t.text === '/'; t = this.peek()) {
      this.next();
      left = this.binary(t.text, left, this.unary());
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      this.enter(t.start);
      const argument = this.unary();
      this.depth--;
      return { type: 'unary', op: t.text, argument, start: t.start, end: argument.end };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (this.peek().text !== '^') return base;
    const caret = this.next();
    this.enter(caret.start);
    // The exponent may carry its own sign and is right-associative: 2^-x, x^y^z = x^(y^z).
    const exponent = this.unary();
    this.depth--;
    return this.binary('^', base, exponent);
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'number') {
      const value = Number(t.text);
      if (!Number.isFinite(value))
        throw this.error(`number ${t.text} is too large (not finite)`, t.start);
      return { type: 'number', value, start: t.start, end: t.end };
    }
    if (t.kind === 'name') return this.name(t);
    if (t.text === '(') {
      this.enter(t.start);
      const inner = this.additive();
      this.depth--;
      const close = this.next();
      if (close.text !== ')')
        throw this.error(
          `missing ')' to close the '(' at column ${t.start + 1}, found ${describe(close)}`,
          close.start,
        );
      return inner;
    }
    const after = this.pos >= 2 ? ` after '${this.tokens[this.pos - 2].text}'` : '';
    throw this.error(
      `expected a number, a variable, a function call or '('${after}, found ${describe(t)}`,
      t.start,
    );
  }

  private name(t: Token): Expr {
    // Read the next token raw: a bad character after a reserved name is the lesser problem.
    const called = this.tokens[this.pos].text === '(';
    const isFunction = UNARY_FUNCTIONS.has(t.text) || VARIADIC_FUNCTIONS.has(t.text);
    if (!called) {
      if (isFunction)
        throw this.error(`'${t.text}' is a function; call it as ${t.text}(…)`, t.start);
      if (isReserved(t.text))
        throw this.error(`'${t.text}' is a reserved name; choose another variable name`, t.start);
      return { type: 'symbol', name: t.text, start: t.start, end: t.end };
    }
    if (!isFunction) {
      const what = CONSTANTS.has(t.text)
        ? `'${t.text}' is a constant, not a function`
        : `unknown function '${t.text}'`;
      throw this.error(`${what}; functions are ${FUNCTION_LIST}`, t.start);
    }
    this.next();
    this.enter(t.start);
    const args: Expr[] = [];
    if (this.peek().text !== ')') {
      args.push(this.additive());
      while (this.peek().text === ',') {
        this.next();
        args.push(this.additive());
      }
    }
    this.depth--;
    const close = this.next();
    if (close.text !== ')')
      throw this.error(
        `missing ')' to close ${t.text}( at column ${t.start + 1}, found ${describe(close)}`,
        close.start,
      );
    if (UNARY_FUNCTIONS.has(t.text) && args.length !== 1)
      throw this.error(`${t.text} takes 1 argument, got ${args.length}`, t.start);
    if (args.length === 0) throw this.error(`${t.text} takes at least 1 argument`, t.start);
    return { type: 'call', name: t.text as FunctionName, args, start: t.start, end: close.end };
  }
}

/**
 * Parses a formula into its syntax tree, without evaluating anything. Grammar: numbers
 * (`2`, `0.5`, `1e-3`), variables (any other name), `+ − * /`, `^` (or `**`) right-associative
 * and binding tighter than unary minus ($-x^2 = -(x^2)$), parentheses, the functions exp, log,
 * sqrt, sin, cos, tan, tanh, sigmoid, relu, abs, min and max (one or more arguments) and the
 * constants pi and e.
 *
 * @throws {@link ExpressionError} with the column of the first problem.
 * @example
 * ```ts
 * parseExpression('x^2 + exp(-x)'); // { type: 'binary', op: '+', left: …, right: … }
 * ```
 */
export function parseExpression(source: string): Expr {
  if (typeof source !== 'string')
    throw new ExpressionError(`expected a string, got ${typeof source}`, '', 0);
  if (source.length > MAX_LENGTH)
    throw new ExpressionError(
      `expression longer than ${MAX_LENGTH} characters`,
      source.slice(0, 80),
      0,
    );
  return new Parser(source, tokenize(source)).parse();
}
