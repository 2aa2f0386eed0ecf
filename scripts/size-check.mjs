#!/usr/bin/env node
// Bundle-size budgets: bundles each entry of scripts/size-budgets.json with esbuild (bundle,
// minify, platform neutral, ESM) against the built packages and fails when one is over budget.
// Run after `pnpm build`. Prints one line per bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const { bundles } = JSON.parse(
  readFileSync(join(import.meta.dirname, 'size-budgets.json'), 'utf8'),
);
let failed = 0;
for (const b of bundles) {
  const r = await build({
    stdin: { contents: b.code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const size = r.outputFiles[0].contents.length;
  const ok = size <= b.budget;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${b.name.padEnd(28)} ${String(size).padStart(7)} B (budget ${b.budget})`,
  );
}
if (failed > 0) {
  console.error(
    `${failed} bundle(s) over budget; shrink them or raise the budget in scripts/size-budgets.json with a reason`,
  );
  process.exit(1);
}
