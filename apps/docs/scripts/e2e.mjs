#!/usr/bin/env node
// End-to-end check of the built site in headless Chromium (Debian's, through playwright-core):
// serves apps/docs/.vitepress/dist on 127.0.0.1 (a free port), runs Adam on Rosenbrock in the
// playground and compares the final value with `gd minimize` (1e-9), switches the optimizer and
// checks the picture changes, types a bad formula and sees the inline error, opens the Japanese
// home page, a Japanese guide and the translated installation / coming-from pages, checks an API
// page renders its math, and fails on any console error. Screenshots go to
// apps/docs/screenshots/ (gitignored). Run after `pnpm build`. Prints `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const app = join(import.meta.dirname, '..');
const dist = join(app, '.vitepress/dist');
const shots = join(app, 'screenshots');
const cli = join(app, '../cli/dist/main.js');
const CHROMIUM = process.env.GD_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`e2e: no built site at ${dist}; run \`pnpm build\` first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
/** The file a clean URL names: /a/b → a/b.html, /a/ → a/index.html. */
function fileFor(urlPath) {
  const p = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const candidates = p.endsWith('/') ? [`${p}index.html`] : [p, `${p}.html`, `${p}/index.html`];
  for (const c of candidates) {
    const f = join(dist, c);
    if (f.startsWith(dist) && existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}
const server = createServer((req, res) => {
  const f = fileFor(req.url ?? '/');
  if (!f) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(f)] ?? 'application/octet-stream' });
  createReadStream(f).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

let passed = 0;
let failed = 0;
function check(what, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
}

const profile = mkdtempSync(join(tmpdir(), 'gd-docs-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 1000 },
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
const errors = [];
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });

  // 1. Adam on Rosenbrock, compared with `gd minimize`.
  await page.goto(`${base}/playground`);
  await page.getByTestId('run').waitFor();
  for (const name of ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop'])
    await page.getByTestId(`use-${name}`).setChecked(false);
  await page.getByTestId('use-adam').setChecked(true);
  await page.getByTestId('lr-adam').fill('0.02');
  await page.getByTestId('steps').fill('500');
  await page.getByTestId('run').click();
  await page.locator('.gd-playground[data-done="true"]').waitFor();
  const adamSvg = await page.getByTestId('contour').innerHTML();
  const trajectories = await page.locator('[data-testid="contour"] .trajectory').count();
  check(
    'the Adam trajectory is drawn over the contours',
    trajectories === 1,
    `${trajectories} drawn`,
  );
  const shown = Number(await page.locator('tr[data-optimizer="adam"]').getAttribute('data-final'));
  const r = spawnSync(
    process.execPath,
    [
      cli,
      'minimize',
      'rosenbrock',
      '--optimizer',
      'adam',
      '--lr',
      '0.02',
      '--steps',
      '500',
      '--json',
    ],
    { encoding: 'utf8' },
  );
  const expected = r.status === 0 ? JSON.parse(r.stdout).value : Number.NaN;
  check(
    'the final value matches `gd minimize rosenbrock --optimizer adam --lr 0.02 --steps 500` to 1e-9',
    Math.abs(shown - expected) < 1e-9,
    `page ${shown}, gd minimize ${expected}${r.status === 0 ? '' : ` (${r.stderr.trim()})`}`,
  );
  await page.screenshot({ path: join(shots, 'playground-adam.png'), fullPage: true });

  // 2. Another optimizer draws another picture.
  await page.getByTestId('use-adam').setChecked(false);
  await page.getByTestId('use-momentum').setChecked(true);
  await page.getByTestId('run').click();
  await page.locator('.gd-playground[data-done="true"]').waitFor();
  const momentumSvg = await page.getByTestId('contour').innerHTML();
  check(
    'switching to momentum changes the picture',
    momentumSvg !== adamSvg && momentumSvg.includes('momentum'),
  );
  await page.screenshot({ path: join(shots, 'playground-momentum.png'), fullPage: true });

  // 3. A bad formula gets an inline error, and nothing runs.
  await page.getByTestId('formula').fill('x^2 + * y');
  const error = page.getByTestId('formula-error');
  await error.waitFor();
  const text = (await error.textContent()) ?? '';
  check(
    'a bad formula shows an inline error with its column',
    /column 7/.test(text),
    text.replace(/\s+/g, ' '),
  );
  check('Run is disabled while the formula is bad', await page.getByTestId('run').isDisabled());
  await error.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'playground-error.png') });

  // 4. The Japanese site.
  await page.goto(`${base}/ja/`);
  const lang = await page.locator('html').getAttribute('lang');
  const hero = await page.locator('.VPHero .name, .VPHero .text').first().textContent();
  check(
    '/ja/ is the Japanese home page',
    lang === 'ja' &&
      /[\u3040-\u30ff\u4e00-\u9fff]/.test(await page.locator('.VPHero').textContent()),
    `lang=${lang}, ${hero}`,
  );
  await page.screenshot({ path: join(shots, 'ja-home.png') });
  await page.goto(`${base}/ja/guide/gradient-descent`);
  const h1 = (await page.locator('h1').first().textContent()) ?? '';
  const figures = await page.locator('.vp-doc img').count();
  check(
    'a Japanese guide opens with its figures',
    /勾配降下法/.test(h1) && figures > 0,
    `${h1}, ${figures} figures`,
  );
  await page.screenshot({ path: join(shots, 'ja-guide.png') });
  await page.locator('.vp-doc img').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'ja-guide-figure.png') });
  // The translated reference pages: each opens in Japanese, renders its tables and is listed
  // (and marked current) in the Japanese sidebar.
  for (const [name, title, tables] of [
    ['installation', /インストール/, 1],
    ['coming-from-pytorch', /PyTorch から gd へ/, 3],
    ['coming-from-tfjs', /TensorFlow\.js から gd へ/, 1],
    ['coming-from-numpy', /NumPy から gd へ/, 1],
  ]) {
    await page.goto(`${base}/ja/guide/${name}`);
    const title1 = (await page.locator('h1').first().textContent()) ?? '';
    const rendered = await page.locator('.vp-doc table').count();
    // is-active is set once the page has hydrated.
    const inSidebar = await page
      .locator(`.VPSidebar .VPSidebarItem.is-active > .item > a[href="/ja/guide/${name}"]`)
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    check(
      `/ja/guide/${name} opens in Japanese with its tables, current in the sidebar`,
      (await page.locator('html').getAttribute('lang')) === 'ja' &&
        title.test(title1) &&
        rendered === tables &&
        inSidebar,
      `${title1.trim()}, ${rendered} tables, sidebar ${inSidebar}`,
    );
  }

  // 5. The API reference renders TSDoc math.
  await page.goto(`${base}/api/@gd/optim/classes/Adam`);
  const formulas = await page.locator('.vp-doc mjx-container').count();
  const raw = (await page.locator('.vp-doc').textContent()) ?? '';
  check(
    'the API reference renders TSDoc math ($…$ → MathJax)',
    formulas > 3 && !/\$[^$\n]*\\frac/.test(raw),
    `${formulas} formulas on Adam`,
  );
  await page.screenshot({ path: join(shots, 'api-adam.png') });

  check('no console errors', errors.length === 0, errors.join(' | '));
} catch (e) {
  check('the browser session ran to the end', false, e instanceof Error ? e.message : String(e));
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`screenshots in ${shots}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
