import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LectureError } from '../src/catalog';
import { runLecture } from '../src/node';

const MAGIC: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  gif: [0x47, 0x49, 0x46, 0x38],
};

/** Checks every file a run wrote: SVGs parse as SVG, PNG/GIF magic bytes, index.html links resolve. */
function checkOutput(dir: string, files: string[]): void {
  expect(files[files.length - 1]).toBe('index.html');
  for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
  for (const f of files) {
    const ext = f.split('.').pop() ?? '';
    const bytes = readFileSync(join(dir, f));
    if (ext === 'svg') {
      const text = bytes.toString('utf8');
      expect(text.startsWith('<svg'), f).toBe(true);
      expect(text.trimEnd().endsWith('</svg>'), f).toBe(true);
    } else if (ext in MAGIC) {
      expect([...bytes.subarray(0, MAGIC[ext].length)], f).toEqual(MAGIC[ext]);
    }
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => decodeURI(m[1]));
  expect(refs.length).toBeGreaterThan(0);
  for (const r of refs) expect(existsSync(join(dir, r)), `index.html references ${r}`).toBe(true);
  // no temporary files are left behind
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

describe('runLecture', () => {
  it('rejects an unknown lecture with a LectureError listing the names', async () => {
    const err = await runLecture('cs229', {
      outDir: mkdtempSync(join(tmpdir(), 'gd-lect-')),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LectureError);
    expect((err as LectureError).message).toMatch(
      /unknown lecture 'cs229'.*cs231n, gradient-descent, optimizers, d2l, mlp-exercise/,
    );
    expect((err as LectureError).names).toEqual([
      'cs231n',
      'gradient-descent',
      'optimizers',
      'd2l',
      'mlp-exercise',
    ]);
  });

  it('gradient-descent prints the lecture numbers and writes SVG, PNG, GIF and index.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-lect-'));
    const lines: string[] = [];
    const run = await runLecture('gradient-descent', {
      outDir: dir,
      log: (l) => lines.push(l),
      quick: true,
    });
    expect(run.title).toBe('Gradient descent lecture');
    expect(lines.join('\n')).toContain('0.3517383210080008');
    expect(run.files.some((f) => f.endsWith('.gif'))).toBe(true);
    expect(run.files.some((f) => f.endsWith('.png'))).toBe(true);
    checkOutput(dir, run.files);
  });
});
