import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGif, checkPng, checkSvg, gd } from './helpers';

describe('gd demo', () => {
  it("prints the lectures' numbers and writes the race and the MLP curves as SVG/PNG/GIF with an index.html", () => {
    const r = gd(['demo', '--out', 'demo', '--iterations', '100']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/GD on x² \+ e\^-x .*0\.3517383210080008/);
    expect(r.stdout).toContain('6.111107929003464e-10');
    expect(r.stdout).toContain('eigenvalues -2, 2');
    const dir = join(r.cwd, 'demo');
    for (const base of ['race', 'mlp-accuracy']) {
      checkSvg(join(dir, `${base}.svg`));
      checkPng(join(dir, `${base}.png`));
      expect(checkGif(join(dir, `${base}.gif`)).frames).toBeGreaterThan(1);
    }
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('src="race.gif"');
    expect(html).toContain('src="mlp-accuracy.png"');
  });
});
