import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, checkPng, checkSvg, gd, json, tempDir } from './helpers';

interface TrainJson {
  epochs: number;
  metrics: {
    epoch: number;
    lr: number;
    trainLoss: number;
    trainAccuracy: number;
    testLoss: number;
    testAccuracy: number;
  }[];
  test: { accuracy: number; loss: number };
  train: { accuracy: number; loss: number };
}

const RUN = [
  'train',
  '--dataset',
  'digits',
  '--hidden',
  '16',
  '--dropout',
  '0.1',
  '--lr',
  '0.01',
  '--batch-size',
  '32',
  '--schedule',
  'steplr:stepSize=1,gamma=0.7',
  '--seed',
  '3',
];

/** The safetensors header: u64 little-endian length, then JSON. */
function safetensorsKeys(path: string): string[] {
  const b = readFileSync(path);
  const n = Number(b.readBigUInt64LE(0));
  return Object.keys(JSON.parse(b.toString('utf8', 8, 8 + n)));
}

describe('gd train', () => {
  it('trains, prints one JSON object and writes metrics, curves and checkpoints', () => {
    const r = gd([...RUN, '--epochs', '2', '--out', 'run', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = json<TrainJson>(r);
    expect(j.epochs).toBe(2);
    expect(j.metrics.map((m) => m.epoch)).toEqual([1, 2]);
    expect(j.metrics.map((m) => m.lr)).toEqual([0.01, 0.01 * 0.7]);
    expect(j.test.accuracy).toBe(j.metrics[1].testAccuracy);
    expect(j.test.accuracy).toBeGreaterThan(0.5);
    const dir = join(r.cwd, 'run');
    const csv = readFileSync(join(dir, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('epoch,lr,trainLoss,trainAccuracy,testLoss,testAccuracy');
    expect(csv).toHaveLength(3);
    expect(Number(csv[2].split(',')[5])).toBe(j.test.accuracy);
    expect(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')).epochs).toEqual(j.metrics);
    for (const f of ['loss', 'accuracy']) {
      checkSvg(join(dir, `${f}.svg`));
      checkPng(join(dir, `${f}.png`));
    }
    expect(safetensorsKeys(join(dir, 'model.safetensors'))).toContain('0.weight');
    const state = safetensorsKeys(join(dir, 'state.safetensors'));
    expect(state).toContain('model.0.weight');
    expect(state.some((k) => k.startsWith('optimizer.state.'))).toBe(true);
  });

  it('prints the per-epoch table without --json', () => {
    const r = gd([...RUN, '--epochs', '1', '--out', 'run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/epoch\s+lr\s+train loss\s+train acc\s+test loss\s+test acc/);
    expect(r.stderr).toMatch(/epoch 1\/1 step \d+\/\d+ loss/);
  });

  it('--resume: 2 epochs, stop, resume to 4 equals 4 straight epochs bit for bit', () => {
    const cwd = tempDir();
    const straight = json<TrainJson>(gd([...RUN, '--epochs', '4', '--out', 'a', '--json'], cwd));
    expect(gd([...RUN, '--epochs', '2', '--out', 'b', '--json'], cwd).status).toBe(0);
    const resumed = gd(['train', '--resume', 'b', '--epochs', '4', '--json'], cwd);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(json<TrainJson>(resumed).metrics).toEqual(straight.metrics);
    expect(readFileSync(join(cwd, 'b', 'model.safetensors'))).toEqual(
      readFileSync(join(cwd, 'a', 'model.safetensors')),
    );
    const changed = gd(['train', '--resume', 'b', '--lr', '0.5'], cwd);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/cannot change/);
  });

  it('SIGINT finishes the step, saves a checkpoint, exits 130; resuming matches a straight run', async () => {
    const cwd = tempDir();
    const args = [
      'train',
      '--dataset',
      'digits',
      '--hidden',
      '16',
      '--dropout',
      '0.1',
      '--lr',
      '0.01',
      '--batch-size',
      '2',
      '--epochs',
      '2',
      '--seed',
      '1',
    ];
    const child = spawn(process.execPath, [CLI, ...args, '--out', 'run'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let sent = false;
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!sent && /step \d+\/\d+/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: saved .*state\.safetensors at epoch 1, batch \d+/);
    expect(existsSync(join(cwd, 'run', 'state.safetensors'))).toBe(true);
    const resumed = gd(['train', '--resume', 'run', '--json'], cwd);
    expect(resumed.status, resumed.stderr).toBe(0);
    const straight = gd([...args, '--out', 'straight', '--json'], cwd);
    expect(json<TrainJson>(resumed).metrics).toEqual(json<TrainJson>(straight).metrics);
  });

  it('trains a regression set with mse and a linear model with the hinge loss', () => {
    const reg = json<Omit<TrainJson, 'test'> & { test: { accuracy: null; loss: number } }>(
      gd([
        'train',
        '--dataset',
        'diabetes',
        '--model',
        'linear',
        '--optimizer',
        'sgd',
        '--lr',
        '0.05',
        '--epochs',
        '3',
        '--json',
      ]),
    );
    expect(reg.test.accuracy).toBeNull();
    expect(reg.metrics[2].testLoss).toBeLessThan(1);
    const svm = json<TrainJson>(
      gd([
        'train',
        '--dataset',
        'iris',
        '--model',
        'linear',
        '--loss',
        'hinge',
        '--optimizer',
        'sgd',
        '--lr',
        '0.1',
        '--epochs',
        '20',
        '--json',
      ]),
    );
    expect(svm.test.accuracy).toBeGreaterThan(0.8);
  });
});
