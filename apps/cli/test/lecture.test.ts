import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gd, json } from './helpers';

describe('gd lecture', () => {
  it('lists the five lectures as [{ name, title }]', () => {
    const j = json<{ name: string; title: string }[]>(gd(['lecture', 'list', '--json']));
    expect(j.map((l) => l.name)).toEqual([
      'cs231n',
      'gradient-descent',
      'optimizers',
      'd2l',
      'mlp-exercise',
    ]);
    for (const l of j) expect(Object.keys(l)).toEqual(['name', 'title']);
  });

  it("runs the gradient-descent lecture: its x₁₀₀₀₀ beside gd's, figures and index.html", () => {
    const r = gd(['lecture', 'gradient-descent', '--out', 'out', '--no-png', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = json<{ numbers: { label: string; lecture?: string; gd: string }[]; files: string[] }>(
      r,
    );
    const row = j.numbers.find((n) => n.lecture === '0.3517383210080008');
    expect(row?.gd).toBe('0.3517383210080008');
    expect(j.files.at(-1)).toBe('index.html');
    for (const f of j.files) expect(existsSync(join(r.cwd, 'out', f)), f).toBe(true);
  });
});
