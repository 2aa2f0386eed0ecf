import type { BenchRow } from './types';

/** gd's advantage over a reference figure: > 1 means gd is faster, whatever the unit. */
export function ratio(row: BenchRow, other: number | undefined): number | undefined {
  if (other === undefined || !Number.isFinite(other) || other <= 0) return undefined;
  return row.better === 'higher' ? row.gd / other : other / row.gd;
}

/** Whether gd meets the row's target (undefined without one). */
export function meetsTarget(row: BenchRow): boolean | undefined {
  if (row.target === undefined) return undefined;
  return row.better === 'higher' ? row.gd >= row.target : row.gd <= row.target;
}

/** A figure with 3 significant digits (exponent form past 1e6). */
export function fmtNum(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (x >= 1e6) return x.toExponential(2).replace('e+', 'e');
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function fmtRatio(x: number | undefined): string {
  return x === undefined ? '–' : `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** Header and cells of the results table, shared by the terminal and Markdown renderings. */
export function tableCells(rows: readonly BenchRow[]): string[][] {
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const head = [
    'benchmark',
    'unit',
    'gd (wasm)',
    'gd (js)',
    'tfjs-cpu',
    'tfjs-wasm',
    'jax-js',
    'torch 1 thr',
    'target',
    'gd vs tfjs-wasm',
    'gd vs jax-js',
    'gd vs torch',
    ...extras,
    'max rel diff',
  ];
  const body = rows.map((r) => {
    const met = meetsTarget(r);
    return [
      r.name,
      `${r.unit} (${r.better})`,
      fmtNum(r.gd),
      fmtNum(r.gdJs),
      fmtNum(r.tfjsCpu),
      fmtNum(r.tfjsWasm),
      fmtNum(r.jax),
      fmtNum(r.torch),
      r.target === undefined ? '–' : `${fmtNum(r.target)} ${met ? '✓' : '✗'}`,
      fmtRatio(ratio(r, r.tfjsWasm)),
      fmtRatio(ratio(r, r.jax)),
      fmtRatio(ratio(r, r.torch)),
      ...extras.map((e) => fmtNum(r.extra?.[e])),
      r.maxRelDiff === undefined ? '–' : r.maxRelDiff.toExponential(1),
    ];
  });
  return [head, ...body];
}

/** A fixed-width table for the terminal. */
export function renderText(cells: readonly string[][]): string {
  const width = cells[0].map((_, c) => Math.max(...cells.map((r) => [...r[c]].length)));
  const line = (r: readonly string[]) =>
    r.map((v, c) => (c === 0 ? v.padEnd(width[c]) : v.padStart(width[c]))).join('  ');
  const [head, ...body] = cells;
  return [line(head), width.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table. */
export function renderMarkdown(cells: readonly string[][]): string {
  const [head, ...body] = cells;
  const row = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  const align = `|${head.map((_, c) => (c < 2 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [row(head), align, ...body.map(row)].join('\n');
}
