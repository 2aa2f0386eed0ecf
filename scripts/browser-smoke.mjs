#!/usr/bin/env node
// Checks that gd runs in a browser, as the API contract (docs/guide/api-contract.md) promises: bundles every package's browser entry
// (`@gd/<name>`, never `/node`) with esbuild for the browser platform — which fails on any
// `node:` import — serves the bundle on 127.0.0.1 and runs scripts/browser/workload.mjs in
// headless Chromium (Debian's, driven by playwright-core), then checks what it computed.
// Run after `turbo run build` (the packages resolve to dist/). Exits non-zero on any failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.GD_CHROMIUM ?? '/usr/bin/chromium';
const root = join(import.meta.dirname, '..');

function fail(message) {
  console.error(`browser smoke: ${message}`);
  process.exit(1);
}

const bundle = await build({
  entryPoints: [join(root, 'scripts/browser/workload.mjs')],
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'error',
}).catch((e) =>
  fail(`bundling for the browser failed (a node: import in a browser entry?)\n${e.message}`),
);
const js = bundle.outputFiles[0].contents;
console.log(`  bundled every package for the browser: ${(js.length / 1024).toFixed(0)} KiB`);

const html =
  '<!doctype html><meta charset="utf-8"><title>gd browser smoke</title><script type="module" src="/gd.js"></script>';
const server = createServer((req, res) => {
  if (req.url === '/gd.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), 'gd-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
} catch (e) {
  server.close();
  fail(
    `cannot start Chromium at ${CHROMIUM} (apt-get install -y chromium, or set GD_CHROMIUM): ${e.message}`,
  );
}

try {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__gd || window.__gdError, null, { timeout: 60_000 });
  const { result, error } = await page.evaluate(() => ({
    result: window.__gd,
    error: window.__gdError,
  }));
  if (error) fail(`the workload threw in the browser:\n${error}`);
  if (consoleErrors.length) fail(`page errors: ${consoleErrors.join('; ')}`);

  const checks = [
    [
      'GD on x² + e^-x (the gradient-descent lecture) gives 0.3517383210080008',
      result.gd === 0.3517383210080008,
    ],
    [
      '@gd/expr: the typed Rosenbrock formula has gradient (−155, −50) at (−1.5, 2), exactly',
      result.exprGrad?.[0] === -2 * 2.5 - 400 * -1.5 * (2 - 2.25) &&
        result.exprGrad?.[1] === 200 * (2 - 2.25),
    ],
    ['matmul with transposeB gives [64, 64]', result.matmulOk === '64x64'],
    [
      `the WASM SIMD kernel tier runs (relaxed SIMD: ${result.relaxedSimd}) and agrees with the JS tier`,
      result.tier === 'wasm' && result.wasmVsJs < 1e-4,
    ],
    [
      'MLP on iris (Adam + StepLR + DataLoader) reaches ≥ 95% accuracy',
      result.irisAccuracy >= 0.95,
    ],
    ['StepLR halved the lr three times (0.02 → 0.0025)', Math.abs(result.lr - 0.0025) < 1e-15],
    ['the contour plot rendered as inline SVG with paths', result.svgPaths > 10],
    [
      "@gd/lectures: d2l's saddle x² − y² has Hessian eigenvalues 2, −2 and five figures",
      result.saddleEigenvalues === '2,-2' && result.d2lFigures === 5,
    ],
  ];
  console.log(`  ${result.userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? result.userAgent}`);
  for (const [name, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
  console.log(
    `  (gd = ${result.gd}, tier = ${result.tier}, wasm vs js = ${result.wasmVsJs}, iris accuracy = ${result.irisAccuracy}, lr = ${result.lr}, ${result.svgPaths} paths)`,
  );
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
