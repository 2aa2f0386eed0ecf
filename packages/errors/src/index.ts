export {
  GdError,
  GdRangeError,
  GdTypeError,
  isGdError,
  type GdErrorLike,
  type GdErrorOptions,
} from './gd-error';
