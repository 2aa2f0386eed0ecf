import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as viz from '../src/index';
import * as vizNode from '../src/node';

/** Every relative module reachable from `entry` (by static imports). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const src = readFileSync(entry, 'utf8');
  for (const m of src.matchAll(/from '(\.[^']+)'/g))
    reachable(resolve(dirname(entry), `${m[1]}.ts`), seen);
  return seen;
}

const api: Record<string, unknown> = { ...viz };
const nodeApi: Record<string, unknown> = { ...vizNode };

describe('public entry points', () => {
  it('exports every plot, landscape and terminal function', () => {
    for (const name of [
      'linePlot',
      'functionPlot',
      'contourPlot',
      'surfacePlot',
      'heatmap',
      'imageGrid',
      'landscape1d',
      'landscape2d',
      'interpolationCurve',
      'randomDirection',
      'normalizeDirection',
      'sparkline',
      'terminalChart',
      'animateTrajectory',
      'sampleGrid',
      'colormap',
    ] as const) {
      expect(typeof api[name]).toBe('function');
    }
    for (const name of [
      'toPng',
      'rasterize',
      'animateGif',
      'savePng',
      'saveGif',
      'saveSvg',
      'linePlot',
    ] as const) {
      expect(typeof nodeApi[name]).toBe('function');
    }
  });

  it('keeps the browser entry free of node: imports and Node-only libraries', () => {
    const files = reachable(join(import.meta.dirname, '..', 'src', 'index.ts'));
    expect(files.size).toBeGreaterThan(10);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/from 'node:|@resvg\/resvg-js|from 'gifenc'/);
    }
  });
});
