import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { gdVitest } from '../../vitest.shared.ts';

// `pnpm test` runs the suite twice: on the default (WASM SIMD) kernel tier and with
// GD_BACKEND=js. The second run reports to its own file so both runs are counted.
const config = gdVitest(import.meta.dirname);
if (process.env.GD_BACKEND === 'js' && config.test)
  config.test.reporters = [
    'default',
    ['json', { outputFile: join(import.meta.dirname, 'test-results/vitest-js.json') }],
  ];

export default defineConfig(config);
