/**
 * Registers every TensorFlow.js gradient (what the `@tensorflow/tfjs` bundle does on import).
 * tfjs-core ships them only as ES modules with extension-less imports, which Node cannot load, so
 * they are bundled once with esbuild into a temporary file and imported. The registry is global
 * (`globalThis._tfGlobals`), so the CommonJS tfjs-core the bench uses sees the registrations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** Bundles and imports tfjs-core's `register_all_gradients`. */
export async function registerAllTfGradients(): Promise<void> {
  const entry = require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  const dir = mkdtempSync(join(tmpdir(), 'gd-bench-tfgrad-'));
  const out = join(dir, 'grads.mjs');
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: out,
      logLevel: 'error',
    });
    await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
