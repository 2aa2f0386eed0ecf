/**
 * A scheduler's saved state: plain data (numbers, strings, booleans, nulls, arrays, nested
 * objects) that survives `structuredClone` and — apart from ±Infinity, which JSON writes as
 * `null` and the schedulers read back — `JSON.stringify`. Functions are never included.
 */
export type SchedulerState = { [key: string]: StateValue };
/** A value inside a {@link SchedulerState}. */
export type StateValue = number | string | boolean | null | StateValue[] | SchedulerState;

function isFunctionLike(value: unknown): boolean {
  return (
    typeof value === 'function' || (Array.isArray(value) && value.some((v) => isFunctionLike(v)))
  );
}

function copy(value: unknown): StateValue {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') {
    const out: SchedulerState = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out;
  }
  if (value === undefined) return null;
  return value as StateValue;
}

/**
 * Like PyTorch's `state_dict`: every own field of the scheduler except the optimizer, the
 * keys in `skip` and anything holding functions (lrLambda, scaleFn are not serialised).
 */
export function collectState(owner: object, skip: readonly string[] = []): SchedulerState {
  const out: SchedulerState = {};
  for (const [key, value] of Object.entries(owner)) {
    if (key === 'optimizer' || skip.includes(key) || isFunctionLike(value)) continue;
    out[key] = copy(value);
  }
  return out;
}

/**
 * Like PyTorch's `load_state_dict`: copies the saved fields back. Keys the scheduler does not
 * have, and fields holding functions, are left alone.
 */
export function restoreState(
  owner: object,
  state: SchedulerState,
  skip: readonly string[] = [],
): void {
  const target = owner as Record<string, unknown>;
  for (const [key, value] of Object.entries(state)) {
    if (key === 'optimizer' || skip.includes(key) || !(key in target)) continue;
    if (isFunctionLike(target[key])) continue;
    target[key] = copy(value);
  }
}
