import { defineConfig } from 'vitest/config';
import { gdVitest } from '../../vitest.shared.ts';

const base = gdVitest(import.meta.dirname);
// The tests run the built CLI as a subprocess; several train small networks.
export default defineConfig({
  ...base,
  test: { ...base.test, testTimeout: 180_000, hookTimeout: 180_000 },
});
