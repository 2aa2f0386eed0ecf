/**
 * The one error type of @gd/expr: a formula that cannot be parsed or evaluated, with the place
 * in the source where it went wrong.
 */
import { GdError } from '@gd/errors';

/**
 * A formula that cannot be parsed, or evaluated with the values given. `position` is the 0-based
 * offset into `source`, `column` the 1-based column a person reads; `caret` draws the source
 * with a `^` under that column, ready to print under the message.
 *
 * @example
 * ```ts
 * try {
 *   parseExpression('x^^2');
 * } catch (e) {
 *   if (e instanceof ExpressionError) console.log(e.column, e.message); // 3 "…"
 * }
 * ```
 */
export class ExpressionError extends GdError {
  /** Always `'ExpressionError'`. */
  override readonly name = 'ExpressionError';
  /** Always `'ERR_GD_EXPRESSION'`. */
  override readonly code: string = 'ERR_GD_EXPRESSION';
  /** The formula as typed. */
  readonly source: string;
  /** 0-based offset of the offending character in `source`. */
  readonly position: number;
  /** 1-based column of the offending character (`position + 1`). */
  readonly column: number;

  /**
   * Builds the error; `reason` says what is wrong and what to do, `position` where.
   *
   * @example
   * ```ts
   * new ExpressionError("unknown function 'foo'", 'foo(x)', 0);
   * ```
   */
  constructor(reason: string, source: string, position: number) {
    const at = Math.max(0, Math.min(position, source.length));
    super(`${reason} (at column ${at + 1})`);
    this.source = source;
    this.position = at;
    this.column = at + 1;
  }

  /**
   * The source on one line and a caret under the offending column on the next.
   *
   * @example
   * ```ts
   * // "x^^2\n  ^"
   * ```
   */
  get caret(): string {
    const line = this.source.replace(/[\r\n\t]/g, ' ');
    return `${line}\n${' '.repeat(this.position)}^`;
  }
}
