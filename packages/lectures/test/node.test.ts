import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LectureError, lectures } from '../src/catalog';
import { loadExerciseData, runLecture } from '../src/node';

const MAGIC: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  gif: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
};

/** Checks every file a run wrote: SVGs are whole SVG documents, PNG/GIF magic bytes, index.html links resolve. */
function checkOutput(dir: string, files: string[]): void {
  expect(files[files.length - 1]).toBe('index.html');
  expect(files).toContain('numbers.json');
  expect(readdirSync(dir).sort()).toEqual([...files].sort());
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
  // every figure file is shown or linked
  for (const f of files.filter((x) => x !== 'index.html' && x !== 'numbers.json'))
    expect(refs).toContain(f);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gd-lect-'));
}

describe('runLecture', () => {
  it('rejects an unknown lecture with a LectureError listing the names', async () => {
    const err = await runLecture('cs229', { outDir: tempDir() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LectureError);
    expect((err as LectureError).message).toMatch(
      /unknown lecture 'cs229'.*cs231n, gradient-descent, optimizers, d2l, mlp-exercise/,
    );
    expect((err as LectureError).names).toEqual(lectures.map((l) => l.name));
  });

  it('rejects a missing outDir', async () => {
    await expect(runLecture('d2l', { outDir: '' })).rejects.toThrow(/outDir/);
  });

  it.each(lectures.map((l) => l.name))(
    '%s prints its numbers and writes SVG, PNG (GIF where it animates) and index.html',
    async (name) => {
      const dir = join(tempDir(), 'nested', name);
      const lines: string[] = [];
      const run = await runLecture(name, { outDir: dir, log: (l) => lines.push(l), quick: true });
      expect(run.name).toBe(name);
      expect(run.title).toBe(lectures.find((l) => l.name === name)?.title);
      expect(lines[0]).toContain(run.title);
      for (const n of run.numbers) expect(lines.some((l) => l.includes(n.gd))).toBe(true);
      expect(run.files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(2);
      expect(run.files.filter((f) => f.endsWith('.png')).length).toBe(
        run.files.filter((f) => f.endsWith('.svg')).length,
      );
      checkOutput(dir, run.files);
      const json = JSON.parse(readFileSync(join(dir, 'numbers.json'), 'utf8'));
      expect(json.numbers).toEqual(run.numbers);
      if (name === 'gradient-descent' || name === 'optimizers') {
        expect(run.files.some((f) => f.endsWith('.gif'))).toBe(true);
      }
      if (name === 'gradient-descent') {
        expect(lines.join('\n')).toContain('0.3517383210080008');
        expect(lines.join('\n')).toContain('6.111107929003464e-10');
      }
      if (name === 'd2l')
        expect(lines.some((l) => /eigenvalues\s+2, -2\s+2, -2/.test(l))).toBe(true);
    },
    // a few seconds each on an idle machine; PNG and GIF rendering slows down most under load
    120_000,
  );

  it('png: false writes only SVGs (and GIFs) besides the index', async () => {
    const dir = tempDir();
    const run = await runLecture('d2l', { outDir: dir, png: false });
    expect(run.files.some((f) => f.endsWith('.png'))).toBe(false);
    checkOutput(dir, run.files);
  });
});

/** A tiny MNIST-format data set: IDX files of random 28 × 28 images and labels 0…9. */
function writeIdx(dir: string, split: 'train' | 't10k', n: number): void {
  const images = Buffer.alloc(16 + n * 784);
  images.writeUInt32BE(0x00000803, 0);
  images.writeUInt32BE(n, 4);
  images.writeUInt32BE(28, 8);
  images.writeUInt32BE(28, 12);
  const labels = Buffer.alloc(8 + n);
  labels.writeUInt32BE(0x00000801, 0);
  labels.writeUInt32BE(n, 4);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    labels[8 + i] = c;
    // class c lights up rows 2c and 2c + 1, so the classes are learnable
    for (let p = 0; p < 784; p++)
      images[16 + i * 784 + p] = Math.floor(p / 28 / 2) === c + 2 ? 255 : (p * 7 + i) % 23;
  }
  writeFileSync(join(dir, `${split}-images-idx3-ubyte`), images);
  writeFileSync(join(dir, `${split}-labels-idx1-ubyte`), labels);
}

describe('the MLP exercise on MNIST-format data', () => {
  it('loadExerciseData reads a dataDir of IDX files, flattened to 784 inputs in [0, 1]', async () => {
    const dir = tempDir();
    writeIdx(dir, 'train', 120);
    writeIdx(dir, 't10k', 30);
    const data = await loadExerciseData(dir);
    expect(data?.xTrain.shape).toEqual([120, 784]);
    expect(data?.xTest.shape).toEqual([30, 784]);
    expect(Math.max(...(data?.xTrain.data ?? []))).toBe(1);
  });

  it('runLecture with dataDir trains the 784-40-20-10 network on it', {
    timeout: 120_000,
  }, async () => {
    const data = tempDir();
    writeIdx(data, 'train', 120);
    writeIdx(data, 't10k', 30);
    const out = tempDir();
    const lines: string[] = [];
    const run = await runLecture('mlp-exercise', {
      outDir: out,
      dataDir: data,
      quick: true,
      png: false,
      log: (l) => lines.push(l),
    });
    expect(run.numbers.find((n) => n.label === 'data, network')?.gd).toContain(
      '784-40-20-10 sigmoid',
    );
    checkOutput(out, run.files);
  });
});
