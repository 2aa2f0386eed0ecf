/**
 * The mark every gd error carries on its prototype. A registered symbol (`Symbol.for`) so that two
 * copies of this package — the ESM and the CJS build loaded side by side, or two installed
 * versions — still recognise each other's errors.
 */
const BRAND: unique symbol = Symbol.for('@gd/errors.GdError') as never;

/** Options of the gd error constructors: the built-in `cause`. */
export interface GdErrorOptions {
  /** The error that caused this one (an I/O error, a parse error…). */
  cause?: unknown;
}

/**
 * What every gd error has, whichever built-in class it extends: a `name` (`'ShapeError'`,
 * `'RangeError'`…), a message naming the operation and what to do, and a stable `code`.
 */
export interface GdErrorLike extends Error {
  /** Stable machine-readable identifier, e.g. `'ERR_GD_SHAPE'`; unlike messages, never reworded. */
  readonly code: string;
}

function brand(proto: object): void {
  Object.defineProperty(proto, BRAND, { value: true });
}

/**
 * Whether `value` is an error thrown by a gd package (any {@link GdError}, including
 * {@link GdRangeError} and {@link GdTypeError}). The same test as `value instanceof GdError`.
 *
 * @example
 * ```ts
 * try { opt.step(); } catch (e) { if (isGdError(e)) console.error(e.code, e.message); else throw e; }
 * ```
 */
export function isGdError(value: unknown): value is GdErrorLike {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [BRAND]?: unknown })[BRAND] === true
  );
}

/**
 * Base class of the errors gd throws for bad input or an impossible state: every package's
 * typed errors (`ShapeError`, `DTypeError`, `AnomalyError`, `DatasetError`, `SchedulerError`…)
 * extend it. Each has a `name` of its own and a stable `code` (`'ERR_GD_SHAPE'`…); the message
 * names the operation, what was wrong and what to do.
 *
 * `e instanceof GdError` is true for every gd error — also for {@link GdRangeError} and
 * {@link GdTypeError}, which extend the built-in `RangeError`/`TypeError` so that existing
 * `instanceof RangeError` checks keep working — and across duplicate copies of this package.
 * Errors that are not gd's (a bug, a failed `fetch`) are not GdErrors.
 *
 * @example
 * ```ts
 * class MyError extends GdError {
 *   override name = 'MyError';
 *   override readonly code = 'ERR_MY';
 * }
 * try { throw new MyError('fit: x is empty; pass at least one sample'); }
 * catch (e) { if (e instanceof GdError) console.log(e.name, e.code); } // MyError ERR_MY
 * ```
 */
export class GdError extends Error implements GdErrorLike {
  override name = 'GdError';
  /** Stable machine-readable identifier of the error kind. */
  readonly code: string = 'ERR_GD';

  /** `message` names the operation, what was wrong and what to do. */
  constructor(message?: string, options?: GdErrorOptions) {
    super(message, options);
  }

  /**
   * `instanceof GdError` recognises every gd error by its mark (the test `isGdError` makes);
   * `instanceof` a subclass stays the ordinary prototype test.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class on the right of `instanceof` (GdError or a subclass), not a mistake.
    // biome-ignore lint/complexity/noThisInStatic: the receiver decides which test applies
    if (this === GdError) return isGdError(value);
    // biome-ignore lint/complexity/noThisInStatic: the receiver decides which test applies
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
brand(GdError.prototype);

/**
 * A gd option or argument outside its allowed values — a learning rate below 0, `betas[1]` ≥ 1,
 * an axis out of range, an unknown marker name. The rule across gd: value checks throw this, so
 * it is both a built-in `RangeError` (name `'RangeError'`) and a {@link GdError}
 * (code `'ERR_GD_RANGE'`).
 *
 * @example
 * ```ts
 * const e = new GdRangeError('Adam: betas[1] must be in [0, 1), got 1.5');
 * String(e);                  // 'RangeError: Adam: betas[1] must be in [0, 1), got 1.5'
 * e instanceof RangeError;    // true
 * e instanceof GdError;       // true
 * ```
 */
export class GdRangeError extends RangeError implements GdErrorLike {
  /** Always `'ERR_GD_RANGE'`. */
  readonly code: string = 'ERR_GD_RANGE';

  /** `message` names the operation, the option, the allowed values and the value given. */
  constructor(message?: string, options?: GdErrorOptions) {
    super(message, options);
  }
}
brand(GdRangeError.prototype);

/**
 * A gd option or argument of the wrong kind — a string where a number goes, a missing callback,
 * a plain array where a Tensor goes. The rule across gd: type checks throw this, so it is both a
 * built-in `TypeError` (name `'TypeError'`) and a {@link GdError} (code `'ERR_GD_TYPE'`).
 *
 * @example
 * ```ts
 * const e = new GdTypeError('SGD: lr must be a number, got "0.1"');
 * e instanceof TypeError && e instanceof GdError; // true
 * ```
 */
export class GdTypeError extends TypeError implements GdErrorLike {
  /** Always `'ERR_GD_TYPE'`. */
  readonly code: string = 'ERR_GD_TYPE';

  /** `message` names the operation, the option, what it must be and what was given. */
  constructor(message?: string, options?: GdErrorOptions) {
    super(message, options);
  }
}
brand(GdTypeError.prototype);
