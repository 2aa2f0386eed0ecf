import { GdError } from '@gd/errors';

/**
 * Thrown when a use of the recorded graph is impossible (PyTorch raises a RuntimeError): a second
 * backward through a graph whose saved inputs were freed, or an in-place update that would
 * corrupt what a graph saved ({@link InPlaceError}). The message says what to do instead.
 *
 * @example
 * ```ts
 * const y = variable(tensor([1, 2])).mul(3).sum();
 * y.backward();
 * try { y.backward(); } catch (e) { if (e instanceof AutogradError) console.log(e.message); }
 * // … pass { retainGraph: true } to the first backward() …
 * ```
 */
export class AutogradError extends GdError {
  override name = 'AutogradError';
  /** `'ERR_GD_AUTOGRAD'` (`'ERR_GD_IN_PLACE'` for {@link InPlaceError}). */
  override readonly code: string = 'ERR_GD_AUTOGRAD';
}

/**
 * Thrown by an in-place method (`sub_`, `mul_`, `zero_`…) on a Var when the update would corrupt
 * gradients, as PyTorch refuses "a leaf Variable that requires grad is being used in an in-place
 * operation": on a leaf that requires grad outside `noGrad`, on a Var made by a recorded op, or on
 * a Var whose value a live recorded graph has saved (PyTorch's version-counter check). Do the
 * update inside `noGrad(() => …)`, after `backward()`, or on a `.detach()`ed copy.
 *
 * @example
 * ```ts
 * const w = variable(tensor([1, 2]));
 * try { w.sub_(1); } catch (e) { if (e instanceof InPlaceError) console.log(e.code); } // ERR_GD_IN_PLACE
 * noGrad(() => w.sub_(1)); // fine
 * ```
 */
export class InPlaceError extends AutogradError {
  override name = 'InPlaceError';
  /** Always `'ERR_GD_IN_PLACE'`. */
  override readonly code: string = 'ERR_GD_IN_PLACE';
}
