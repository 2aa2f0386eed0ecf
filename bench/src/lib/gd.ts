import { useBackend } from '@gd/tensor';

/** Runs `f` with gd's kernel tier `tier` active, restoring the previous tier afterwards. */
export function onTier<T>(tier: 'wasm' | 'js', f: () => T): T {
  const prev = useBackend(tier);
  try {
    return f();
  } finally {
    if (prev !== 'custom') useBackend(prev);
  }
}
