// Renders the README's example images from the gallery SVGs (run `pnpm test` and `pnpm build` first):
//   node scripts/docs-images.mjs
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { savePng } from '@gd/viz/node';

const root = join(import.meta.dirname, '..');
const pick = {
  'contour-rosenbrock': 420,
  'function-gd': 520,
  'd2l-minima': 480,
  'surface-saddle': 420,
  'landscape-heatmap': 420,
  accuracy: 480,
  'lr-schedule': 480,
  'image-grid': 560,
};
for (const [name, width] of Object.entries(pick)) {
  const svg = readFileSync(join(root, 'gallery', `${name}.svg`), 'utf8');
  const out = join(root, 'docs', `${name}.png`);
  savePng(out, svg, { width });
  console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KB`);
}
for (const name of ['linreg.gif', 'rosenbrock.gif']) {
  const out = join(root, 'docs', name);
  copyFileSync(join(root, 'gallery', name), out);
  console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KB`);
}
