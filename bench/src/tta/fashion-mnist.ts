/**
 * Time to accuracy on real data: Fashion-MNIST (Debian's dataset-fashion-mnist, read with
 * @gd/datasets' `fashionMnist`), MLP 784-256-128-10 ReLU (@gd/nn), cross-entropy (@gd/losses),
 * Adam lr 1e-3 (@gd/optim), batch 128 shuffled (@gd/datasets' DataLoader). Trains EPOCHS epochs
 * with gd's public API, reports wall time of the training, test accuracy after 8 epochs and at
 * the end, peak RSS, and the heap after each epoch (after a full GC) to show it stays flat. gd
 * runs with its default thread count ({@link getNumThreads}: the cores present) and again with
 * one thread for 8 epochs; PyTorch, when importable, runs the same training with one thread (the
 * baseline the ratio is taken against) and with as many threads as gd. Writes FASHION-MNIST.md.
 */
import { spawnSync } from 'node:child_process';
import { rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { noGrad } from '@gd/autodiff';
import { DataLoader } from '@gd/datasets';
import { fashionMnist } from '@gd/datasets/node';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adam } from '@gd/optim';
import { Generator, backendName, getNumThreads, setNumThreads, useBackend } from '@gd/tensor';
import { loadAverage, machineInfo } from '../lib/machine';

declare const gc: (() => void) | undefined;

const EPOCHS = Number(process.env.GD_TTA_EPOCHS ?? 10);
const ROOT = '/usr/share/datasets/fashion-mnist';
const OUT = new URL('../../FASHION-MNIST.md', import.meta.url);
const PY = fileURLToPath(new URL('../lib/fashion_mnist_torch.py', import.meta.url));

interface EpochLog {
  epoch: number;
  seconds: number;
  loss: number;
  testAccuracy: number;
  heapMiB: number;
  rssMiB: number;
}

const mib = (b: number) => b / 2 ** 20;

/**
 * Trains with gd for `epochs` epochs on `threads` threads; returns per-epoch logs and the training
 * wall time (evaluation excluded).
 */
async function trainGd(
  log: (m: string) => void,
  epochs_: number,
  threads: number,
): Promise<{ epochs: EpochLog[]; trainSeconds: number }> {
  setNumThreads(threads);
  const train = await fashionMnist({ root: ROOT, split: 'train', flatten: true });
  const test = await fashionMnist({ root: ROOT, split: 'test', flatten: true });
  const g = new Generator(0);
  const net = mlp([784, 256, 128, 10], { activation: 'relu', generator: g });
  const opt = new Adam(net.parameters(), { lr: 1e-3 });
  const loader = new DataLoader(train, { batchSize: 128, shuffle: true, generator: g });
  const epochs: EpochLog[] = [];
  let trainSeconds = 0;
  for (let epoch = 1; epoch <= epochs_; epoch++) {
    const t0 = performance.now();
    let lossSum = 0;
    let batches = 0;
    for (const [x, y] of loader) {
      opt.zeroGrad();
      const loss = crossEntropy(net.forward(x), y);
      loss.backward();
      opt.step();
      lossSum += loss.item();
      batches++;
    }
    const seconds = (performance.now() - t0) / 1000;
    trainSeconds += seconds;
    net.eval();
    const testAccuracy = noGrad(() => accuracy(net.forward(test.images), test.labels));
    net.train();
    if (typeof gc === 'function') gc();
    const mem = process.memoryUsage();
    const e = {
      epoch,
      seconds,
      loss: lossSum / batches,
      testAccuracy,
      heapMiB: mib(mem.heapUsed),
      rssMiB: mib(mem.rss),
    };
    epochs.push(e);
    log(
      `gd (${threads} thr) epoch ${epoch}: ${seconds.toFixed(1)} s, loss ${e.loss.toFixed(4)}, test ${(100 * testAccuracy).toFixed(2)}%, heap ${e.heapMiB.toFixed(0)} MiB, rss ${e.rssMiB.toFixed(0)} MiB`,
    );
  }
  return { epochs, trainSeconds };
}

interface TorchResult {
  version: string;
  blas: string;
  threads: number;
  epochs: { epoch: number; seconds: number; loss: number; testAccuracy: number }[];
  maxRssMiB: number;
}

function trainTorch(log: (m: string) => void, epochs: number, threads: number): TorchResult | null {
  const python = process.env.GD_BENCH_PYTHON ?? '/usr/bin/python3';
  const r = spawnSync(python, [PY, ROOT, String(epochs), String(threads)], {
    encoding: 'utf8',
    timeout: 1_800_000,
  });
  if (r.error || r.status !== 0) {
    log(`torch: skipped (${r.error?.message ?? r.stderr.trim().split('\n').pop()})`);
    return null;
  }
  return JSON.parse(r.stdout) as TorchResult;
}

/** Runs both trainings and writes FASHION-MNIST.md. */
export async function fashionMnistTimeToAccuracy(log: (m: string) => void): Promise<void> {
  if (process.env.GD_BACKEND !== 'js') useBackend('wasm');
  const m = machineInfo();
  const date = `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  const threads = getNumThreads();
  const gdRun = await trainGd(log, EPOCHS, threads);
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const gd1 = threads > 1 ? await trainGd(log, Math.min(8, EPOCHS), 1) : null;
  setNumThreads(threads);
  const loadMid = loadAverage();
  const torch = trainTorch(log, EPOCHS, 1);
  const torchN = torch && threads > 1 ? trainTorch(log, Math.min(8, EPOCHS), threads) : null;
  const sum8 = (xs: { seconds: number }[]) => xs.slice(0, 8).reduce((s, e) => s + e.seconds, 0);
  const acc8 = (xs: { testAccuracy: number }[]) => xs[Math.min(7, xs.length - 1)].testAccuracy;
  const t8 = torch ? sum8(torch.epochs) : undefined;
  const pct = (x: number | undefined) => (x === undefined ? '–' : `${(100 * x).toFixed(2)}%`);
  const ratio = (s: number) => (t8 === undefined ? '–' : `${(s / t8).toFixed(2)}×`);
  const runs: {
    who: string;
    threads: number;
    epochs: { seconds: number; testAccuracy: number }[];
  }[] = [{ who: 'gd', threads, epochs: gdRun.epochs }];
  if (gd1) runs.push({ who: 'gd', threads: 1, epochs: gd1.epochs });
  if (torch) runs.push({ who: `PyTorch ${torch.version}`, threads: 1, epochs: torch.epochs });
  if (torchN)
    runs.push({ who: `PyTorch ${torchN.version}`, threads: torchN.threads, epochs: torchN.epochs });
  const summary = runs
    .map((r) => {
      const s = sum8(r.epochs);
      return `| ${r.who} | ${r.threads} | ${s.toFixed(1)} s | ${pct(acc8(r.epochs))} | ${ratio(s)} |`;
    })
    .join('\n');
  const rows = gdRun.epochs
    .map((e) => {
      const te = torch?.epochs[e.epoch - 1];
      return `| ${e.epoch} | ${e.seconds.toFixed(1)} | ${e.loss.toFixed(4)} | ${pct(e.testAccuracy)} | ${e.heapMiB.toFixed(0)} | ${e.rssMiB.toFixed(0)} | ${te ? te.seconds.toFixed(1) : '–'} | ${te ? pct(te.testAccuracy) : '–'} |`;
    })
    .join('\n');
  const text = `# Fashion-MNIST time to accuracy

Generated by \`pnpm --filter @gd/bench fashion-mnist\` on ${date}. Do not edit by hand.

Machine: ${m.cpu}, ${m.cores} cores (shared: load average ${m.load} at the start, ${loadMid} after gd's
run, ${loadAverage()} at the end); Node ${m.node}; gd kernel tier: ${backendName()}, ${threads} threads by default.
${torch ? `PyTorch ${torch.version}, BLAS ${torch.blas}; torch and the BLAS pinned to the thread count shown (threadpoolctl).` : 'PyTorch: not importable, skipped.'}

Task: Fashion-MNIST (60 000 train / 10 000 test, Debian's dataset-fashion-mnist), MLP
784-256-128-10 ReLU, cross-entropy, Adam lr 1e-3, batch 128 shuffled, PyTorch's default
initialisation; gd through its public API (\`fashionMnist\`, \`DataLoader\`, \`mlp\`, \`crossEntropy\`,
\`Adam\`, \`backward()\`). Times are training only (the test evaluation after each epoch is excluded).

Training time of the first 8 epochs, and the ratio to PyTorch on one thread (the baseline):

| run | threads | training time, 8 epochs | test accuracy after 8 epochs | vs PyTorch, 1 thread |
| --- | ---: | ---: | ---: | ---: |
${summary}

Peak RSS (whole process, ${EPOCHS} epochs): gd ${peakRssMiB.toFixed(0)} MiB${torch ? `, PyTorch ${torch.maxRssMiB.toFixed(0)} MiB` : ''}.

Per epoch, gd on ${threads} threads and PyTorch on 1 (heap = V8 heap used after a full GC, rss =
resident set size at that point):

| epoch | gd s | gd loss | gd test acc | gd heap MiB | gd rss MiB | torch s | torch test acc |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}
`;
  const path = fileURLToPath(OUT);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
  log(`wrote ${path}`);
}
