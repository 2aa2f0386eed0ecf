#!/usr/bin/env node
// gd's whole test suite, as `pnpm test` runs it locally and .ci/run runs it in CI:
//   0. the two system packages the tests use, installed with apt-get if missing (system-deps.mjs)
//   1. turbo: build → typecheck + unit tests (vitest) in every package
//   2. lint (biome), unused files/dependencies (knip), the docs site build (TypeDoc + VitePress)
//   3. packaging: each package packed, publint + arethetypeswrong on the tarball, the tarballs
//      installed into an empty project and each README's example run there
//   4. browsers: every package's browser entry bundled and run in headless Chromium, and the
//      built docs site driven end to end (apps/docs/scripts/e2e.mjs)
//   5. the CLI on real data: `gd train` on Fashion-MNIST must reach ≥ 88 % test accuracy
// and prints one closing line `N passed, N failed, N skipped` (vitest tests plus these checks).
// Exits non-zero on any failure, and when no test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TURBO_TELEMETRY_DISABLED: '1' };
const checks = [];

function run(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', ...opts });
  const ok = r.status === 0;
  checks.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
  return ok;
}

const workspaces = ['packages', 'apps'].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(root, d, p)) : [],
);
for (const w of workspaces) rmSync(join(w, 'test-results'), { recursive: true, force: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
run('system packages the tests use (chromium, dataset-fashion-mnist)', process.execPath, [
  join(root, 'scripts/system-deps.mjs'),
]);
run('build, typecheck and unit tests (turbo)', bin('turbo'), [
  'run',
  'build',
  'typecheck',
  'test',
  '--continue',
  '--output-logs=new-only',
]);
run('lint (biome)', bin('biome'), ['check', '.']);
run('unused files and dependencies (knip)', bin('knip'), [
  '--include',
  'files,dependencies,unlisted,unresolved,binaries',
  '--no-progress',
  '--no-config-hints',
]);
// The site (TypeDoc API reference + guides + playground) is built by the turbo step above
// (@gd/docs' build: typedoc with warnings as errors, figures from real runs, VitePress with dead
// links failing); this names its result and is a cache hit when that step built it.
run('docs site build (TypeDoc API, guides, VitePress; dead links fail)', bin('turbo'), [
  'run',
  'build',
  '--filter=@gd/docs',
  '--output-logs=errors-only',
]);
run('packaging: publint, attw, README examples from tarballs', process.execPath, [
  join(root, 'scripts/pack-smoke.mjs'),
]);
run('browser: every package bundled for browsers, run in headless Chromium', process.execPath, [
  join(root, 'scripts/browser-smoke.mjs'),
]);
run(
  'docs: the built site in headless Chromium (playground vs gd minimize, /ja/)',
  process.execPath,
  [join(root, 'apps/docs/scripts/e2e.mjs')],
);

// The end-to-end check, kept out of the unit suite because it trains for minutes: the
// built `gd` on Debian's Fashion-MNIST (installed by system-deps above), 10 epochs of Adam.
{
  const t0 = Date.now();
  const name =
    'gd train on Fashion-MNIST (MLP 256-128, Adam, 10 epochs) reaches ≥ 88 % test accuracy';
  console.log(`\n▶ ${name}`);
  const out = join(root, '.gd-fashion-mnist');
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'apps/cli/dist/main.js'),
      ...'train --dataset fashion-mnist --model mlp --hidden 256,128 --activation relu --optimizer adam --lr 0.001 --epochs 10 --batch-size 128 --seed 0 --json'.split(
        ' ',
      ),
      '--out',
      out,
    ],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let accuracy = Number.NaN;
  try {
    accuracy = JSON.parse(r.stdout).test.accuracy;
  } catch {}
  const ok = r.status === 0 && accuracy >= 0.88;
  const seconds = (Date.now() - t0) / 1000;
  console.log(
    `  test accuracy ${(accuracy * 100).toFixed(2)} % in ${seconds.toFixed(0)} s (exit ${r.status})`,
  );
  checks.push({ name, ok, seconds });
  rmSync(out, { recursive: true, force: true });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const perPackage = [];
// A package may run its suite more than once (tensor: WASM tier, then GD_BACKEND=js into
// vitest-js.json); every vitest*.json report counts.
const reports = workspaces.flatMap((w) => {
  const dir = join(w, 'test-results');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^vitest.*\.json$/.test(f))
    .sort()
    .map((f) => ({ w: f === 'vitest.json' ? w : `${w} (${f.slice(7, -5)})`, f: join(dir, f) }));
});
for (const { w, f } of reports) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  perPackage.push(
    `${w.slice(root.length + 1).padEnd(22)} ${String(r.numPassedTests).padStart(5)} passed ${String(r.numFailedTests).padStart(3)} failed`,
  );
}
console.log('\nUnit tests by package:');
for (const l of perPackage) console.log(`  ${l}`);
console.log('\nChecks:');
for (const c of checks) {
  console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name} (${c.seconds.toFixed(1)} s)`);
  if (c.ok) passed++;
  else failed++;
}
const testsRan = perPackage.length > 0;
if (!testsRan) console.log('\nNo unit test ran: that is a failure.');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || !testsRan ? 1 : 0);
