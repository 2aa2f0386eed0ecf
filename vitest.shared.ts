import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Tests import sibling packages by name (`@gd/tensor`); in the workspace those names resolve to
 * the sibling's source so a change in one package is seen by the tests of the next without a
 * rebuild. Published behaviour (dist/, exports maps) is checked separately by the pack smoke test.
 */
function workspaceAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const dir of readdirSync(join(root, 'packages'))) {
    // Every subpath entry of the exports map ('./node', './onnx'…) before the bare name, whose
    // alias would otherwise also catch `@gd/x/sub` as `src/index.ts/sub`.
    const pkg = join(root, 'packages', dir, 'package.json');
    const exports = existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).exports : undefined;
    for (const sub of Object.keys(exports ?? { './node': null })) {
      const name = sub.slice(2);
      if (name === '' || name === 'package.json') continue;
      aliases[`@gd/${dir}/${name}`] = resolve(root, 'packages', dir, `src/${name}.ts`);
    }
    aliases[`@gd/${dir}`] = resolve(root, 'packages', dir, 'src/index.ts');
  }
  return aliases;
}

/** The vitest configuration every package shares; `dir` is the package folder. */
export function gdVitest(dir: string): ViteUserConfig {
  return {
    resolve: { alias: workspaceAliases() },
    test: {
      root: dir,
      include: ['test/**/*.test.ts'],
      // A guard against hangs, not a speed assertion: work that takes seconds on an idle machine
      // (decoding 60 000 images, rendering GIF frames, a local download) took 60–100 s on a
      // 2-core machine at load 40+, so any tighter limit makes tests fail by timing alone.
      testTimeout: 300_000,
      reporters: ['default', ['json', { outputFile: join(dir, 'test-results/vitest.json') }]],
    },
  };
}
