/** The syntax tree @gd/expr's parser produces. `start`/`end` are 0-based source offsets. */

/** A non-negative number literal (`2`, `0.5`, `1e-3`); a leading minus is a {@link UnaryNode}. */
export interface NumberNode {
  /** Node kind. */
  readonly type: 'number';
  /** The number. */
  readonly value: number;
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}

/** A name: a variable (`x`, `w1`) or one of the constants `pi`, `e`. */
export interface SymbolNode {
  /** Node kind. */
  readonly type: 'symbol';
  /** The variable or constant name. */
  readonly name: string;
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}

/** Unary plus or minus. */
export interface UnaryNode {
  /** Node kind. */
  readonly type: 'unary';
  /** The operator. */
  readonly op: '-' | '+';
  /** The operand. */
  readonly argument: Expr;
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}

/** A binary operator; `^` is the power. */
export interface BinaryNode {
  /** Node kind. */
  readonly type: 'binary';
  /** The operator. */
  readonly op: '+' | '-' | '*' | '/' | '^';
  /** Left operand. */
  readonly left: Expr;
  /** Right operand (the exponent for `^`). */
  readonly right: Expr;
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}

/** A call of a built-in function (`exp(x)`, `max(x, y, 0)`). */
export interface CallNode {
  /** Node kind. */
  readonly type: 'call';
  /** The function called. */
  readonly name: FunctionName;
  /** Arguments, in order. */
  readonly args: readonly Expr[];
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}

/** Any node of an expression's syntax tree. */
export type Expr = NumberNode | SymbolNode | UnaryNode | BinaryNode | CallNode;

/** The functions expressions may call. */
export type FunctionName =
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'tanh'
  | 'sigmoid'
  | 'relu'
  | 'abs'
  | 'min'
  | 'max';

/** Names of the one-argument functions. */
export const UNARY_FUNCTIONS: ReadonlySet<string> = new Set([
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'tanh',
  'sigmoid',
  'relu',
  'abs',
]);

/** Names of the functions taking one or more arguments. */
export const VARIADIC_FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max']);

/** The named constants and their values. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);
