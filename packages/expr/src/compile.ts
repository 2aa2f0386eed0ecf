/** Compiles a parsed expression onto @gd/autodiff ops: a tree of closures, never JavaScript source. */
import {
  Var,
  abs,
  add,
  cos,
  div,
  exp,
  log,
  maximum,
  minimum,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  sin,
  sqrt,
  sub,
  tan,
  tanh,
} from '@gd/autodiff';
import { Tensor, tensor } from '@gd/tensor';
import { CONSTANTS, type Expr } from './ast';
import { ExpressionError } from './expression-error';
import { formatExpression } from './format';
import { parseExpression } from './parse';

/** A value an expression computes on: a recorded Var, a Tensor, or a plain number. */
type Value = Var | Tensor | number;
type Env = Readonly<Record<string, Var | Tensor | number>>;
type Node = (env: Env) => Value;

/** Options of {@link compileExpression}. */
export interface CompileOptions {
  /** Float dtype that plain-number inputs and constant results take (default `'float64'`). */
  readonly dtype?: 'float32' | 'float64';
}

/** A formula compiled onto @gd/autodiff ops, ready to evaluate on Vars, Tensors or numbers. */
export interface CompiledExpression {
  /** The formula as typed. */
  readonly source: string;
  /** Its syntax tree. */
  readonly ast: Expr;
  /** The variables it reads, in order of first appearance (`'y + x*y'` → `['y', 'x']`). */
  readonly variables: readonly string[];
  /**
   * Computes the formula element-wise with broadcasting. Given any Var the result is a Var whose
   * `backward()` reaches those Vars; otherwise a Tensor. Numbers become 0-d tensors of the
   * compile dtype.
   */
  evaluate(values: Record<string, Var | Tensor | number>): Var | Tensor;
  /** The formula printed canonically (fewest parentheses). */
  toString(): string;
}

function sigmoidNumber(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const z = Math.exp(x);
  return z / (1 + z);
}

const UNARY: Record<string, [(x: Var | Tensor) => Var | Tensor, (x: number) => number]> = {
  exp: [exp, Math.exp],
  log: [log, Math.log],
  sqrt: [sqrt, Math.sqrt],
  sin: [sin, Math.sin],
  cos: [cos, Math.cos],
  tan: [tan, Math.tan],
  tanh: [tanh, Math.tanh],
  sigmoid: [sigmoid, sigmoidNumber],
  relu: [relu, (x) => Math.max(x, 0)],
  abs: [abs, Math.abs],
};

type Binary = (a: Value, b: Value) => Var | Tensor;
const BINARY: Record<string, [Binary, (a: number, b: number) => number]> = {
  '+': [add as Binary, (a, b) => a + b],
  '-': [sub as Binary, (a, b) => a - b],
  '*': [mul as Binary, (a, b) => a * b],
  '/': [div as Binary, (a, b) => a / b],
  '^': [pow as Binary, Math.pow],
  min: [minimum as Binary, Math.min],
  max: [maximum as Binary, Math.max],
};

// Constant sub-expressions are folded in double precision; anything touching a variable goes
// through the autodiff op so its gradient is recorded.
function apply2(op: string, a: Value, b: Value): Value {
  const [tensorOp, numberOp] = BINARY[op];
  return typeof a === 'number' && typeof b === 'number' ? numberOp(a, b) : tensorOp(a, b);
}

function build(e: Expr, source: string): Node {
  switch (e.type) {
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'symbol': {
      const constant = CONSTANTS.get(e.name);
      if (constant !== undefined) return () => constant;
      const { name, start } = e;
      return (env) => {
        const v = Object.hasOwn(env, name) ? env[name] : undefined;
        if (typeof v === 'number' || v instanceof Var || v instanceof Tensor) return v;
        throw new ExpressionError(
          v === undefined
            ? `no value given for variable '${name}'`
            : `variable '${name}' must be a number, Tensor or Var, got ${typeof v}`,
          source,
          start,
        );
      };
    }
    case 'unary': {
      const arg = build(e.argument, source);
      if (e.op === '+') return arg;
      return (env) => {
        const v = arg(env);
        return typeof v === 'number' ? -v : neg(v);
      };
    }
    case 'call': {
      const args = e.args.map((a) => build(a, source));
      if (e.name === 'min' || e.name === 'max') {
        const op = e.name;
        return (env) => {
          let acc = args[0](env);
          for (let i = 1; i < args.length; i++) acc = apply2(op, acc, args[i](env));
          return acc;
        };
      }
      const [tensorOp, numberOp] = UNARY[e.name];
      const arg = args[0];
      return (env) => {
        const v = arg(env);
        return typeof v === 'number' ? numberOp(v) : tensorOp(v);
      };
    }
    case 'binary': {
      // e^x is exp(x): Math.exp is correctly rounded where Math.pow(Math.E, x) is not.
      if (e.op === '^' && e.left.type === 'symbol' && e.left.name === 'e') {
        const exponent = build(e.right, source);
        return (env) => {
          const v = exponent(env);
          return typeof v === 'number' ? Math.exp(v) : exp(v);
        };
      }
      const left = build(e.left, source);
      const right = build(e.right, source);
      const op = e.op;
      return (env) => apply2(op, left(env), right(env));
    }
  }
}

function collectVariables(e: Expr, out: string[]): void {
  switch (e.type) {
    case 'symbol':
      if (!CONSTANTS.has(e.name) && !out.includes(e.name)) out.push(e.name);
      return;
    case 'unary':
      collectVariables(e.argument, out);
      return;
    case 'binary':
      collectVariables(e.left, out);
      collectVariables(e.right, out);
      return;
    case 'call':
      for (const a of e.args) collectVariables(a, out);
      return;
    case 'number':
      return;
  }
}

/**
 * Parses a formula and compiles it onto @gd/autodiff ops, so that evaluating it on Vars records
 * a graph `backward()` can differentiate. Nothing is ever evaluated as JavaScript: the compiled
 * form is a tree of closures over autodiff functions. Constant sub-expressions are folded in
 * double precision; `e^x` compiles to `exp(x)`.
 *
 * @param source - The formula, e.g. `'x^2 + exp(-x)'`.
 * @param options - `dtype` of plain-number inputs and constant results (default `'float64'`).
 * @throws {@link ExpressionError} when the formula does not parse.
 * @example
 * ```ts
 * const f = compileExpression('x^2 + exp(-x)');
 * f.variables; // ['x']
 * const x = variable(3, { dtype: 'float64' });
 * const y = f.evaluate({ x }); // Var
 * y.backward(); x.grad.item(); // 6 - e^-3
 * ```
 */
export function compileExpression(
  source: string,
  options: CompileOptions = {},
): CompiledExpression {
  const dtype = options.dtype ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new RangeError(`compileExpression: dtype must be 'float32' or 'float64', got ${dtype}`);
  const ast = parseExpression(source);
  const root = build(ast, source);
  const variables: string[] = [];
  collectVariables(ast, variables);
  const text = formatExpression(ast);
  return {
    source,
    ast,
    variables,
    evaluate(values) {
      if (values === null || typeof values !== 'object')
        throw new ExpressionError('evaluate: values must be an object of variables', source, 0);
      const env: Record<string, Var | Tensor | number> = Object.create(null);
      for (const name of variables) {
        const v = Object.hasOwn(values, name) ? values[name] : undefined;
        if (v !== undefined) env[name] = typeof v === 'number' ? tensor(v, { dtype }) : v;
      }
      const result = root(env);
      return typeof result === 'number' ? tensor(result, { dtype }) : result;
    },
    toString: () => text,
  };
}
