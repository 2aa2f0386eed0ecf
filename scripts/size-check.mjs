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

// What tree-shaking costs: a method whose op the bundle dropped must say how to bring it back,
// and a method whose op the program imports must work.
/** Bundles `code` like the budgets above and returns its `result` export. */
async function runBundle(code) {
  const r = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const b64 = Buffer.from(r.outputFiles[0].contents).toString('base64');
  return (await import(`data:text/javascript;base64,${b64}`)).result;
}
const shaken = await runBundle(`import { zeros, exp } from '@gd/tensor';
  let message = '';
  try { zeros([1]).log(); } catch (e) { message = e.message; }
  export const result = { message, exp: zeros([1]).exp().item(), viaFn: exp(zeros([1])).item() };`);
const withAutodiff = await runBundle(`import { grad } from '@gd/autodiff';
  import { tensor } from '@gd/tensor';
  export const result = grad((x) => x.pow(2).add(x.neg().exp()))(tensor(3, { dtype: 'float64' })).item();`);
const probes = [
  [
    "tensor-only bundle: a dropped op's method explains itself, an imported one works",
    /^Tensor\.log: the 'log' op is not in this bundle/.test(shaken.message) && shaken.exp === 1,
  ],
  [
    'autodiff bundle: every Var method works (the lecture’s x² + e^-x)',
    withAutodiff === 6 - Math.exp(-3),
  ],
];
for (const [name, ok] of probes) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) failed++;
}
if (failed > 0) {
  console.error(
    `${failed} bundle(s) over budget; shrink them or raise the budget in scripts/size-budgets.json with a reason`,
  );
  process.exit(1);
}
