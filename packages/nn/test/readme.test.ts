// The README's runnable sections ("From gd to PyTorch", "Deploy with ONNX Runtime") run here as
// written, in a temp directory; the pack smoke test runs only the "## Example" block.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The ```js block of the `## title` section. */
function jsBlock(title: string): string {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${title}\n`));
  const code = section?.match(/```js\n([\s\S]*?)```/)?.[1];
  if (code === undefined) throw new Error(`README: no js block under "## ${title}"`);
  return code;
}

let cwd: string;
let dir: string;
let logs: string[];
beforeEach(() => {
  cwd = process.cwd();
  dir = mkdtempSync(join(tmpdir(), 'gd-readme-'));
  process.chdir(dir);
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    logs.push(a.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a block as an ES module (through vitest, so `@gd/*` resolve to the workspace sources). */
async function run(code: string, name: string): Promise<void> {
  const file = join(dir, `readme-${name}.mjs`);
  writeFileSync(file, code);
  try {
    await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
  } finally {
    rmSync(file, { force: true });
  }
}

// Loading the workspace sources and onnxruntime's wasm is slow on a loaded machine.
const SLOW = 180_000;

describe('README examples run', () => {
  it(
    'From gd to PyTorch',
    async () => {
      await run(jsBlock('From gd to PyTorch'), 'pytorch');
      expect(logs).toContain(
        '0.weight 0.bias 1.weight 1.bias 1.running_mean 1.running_var 1.num_batches_tracked 3.weight 3.bias',
      );
      expect(logs).toContain('same outputs: true');
      expect(readFileSync(join(dir, 'model.safetensors')).length).toBeGreaterThan(16 * 4 * 4);
    },
    SLOW,
  );

  it(
    'Deploy with ONNX Runtime',
    async () => {
      await run(jsBlock('Deploy with ONNX Runtime'), 'onnx');
      const line = logs.find((l) => l.startsWith('max |onnxruntime − gd|: '));
      expect(Number(line?.split(': ')[1])).toBeLessThan(1e-5);
      expect(readFileSync(join(dir, 'model.onnx')).length).toBeGreaterThan(100);
    },
    SLOW,
  );
});
