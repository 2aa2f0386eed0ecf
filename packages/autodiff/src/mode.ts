import { state } from './engine';

/**
 * Runs `fn` without recording: ops on Vars return constant Vars and build no graph (PyTorch's
 * `torch.no_grad()`). Use it for evaluation and for parameter updates.
 *
 * @example
 * ```ts
 * const y = noGrad(() => w.mul(2)); // y.requiresGrad === false
 * ```
 */
export function noGrad<R>(fn: () => R): R {
  const prev = state.gradEnabled;
  state.gradEnabled = false;
  try {
    return fn();
  } finally {
    state.gradEnabled = prev;
  }
}

/**
 * Runs `fn` with recording switched on, even inside {@link noGrad} (torch.enable_grad).
 *
 * @example
 * ```ts
 * noGrad(() => enableGrad(() => w.mul(2))).requiresGrad; // true
 * ```
 */
export function enableGrad<R>(fn: () => R): R {
  const prev = state.gradEnabled;
  state.gradEnabled = true;
  try {
    return fn();
  } finally {
    state.gradEnabled = prev;
  }
}

/** Whether ops currently record a graph. @example `isGradEnabled() // true outside noGrad` */
export function isGradEnabled(): boolean {
  return state.gradEnabled;
}
