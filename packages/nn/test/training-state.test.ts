import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataLoader, TensorDataset } from '@gd/datasets';
import { crossEntropy } from '@gd/losses';
import { Adam } from '@gd/optim';
import { StepLR } from '@gd/schedulers';
import { Generator, randn, tensor } from '@gd/tensor';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError } from '../src/checkpoint';
import { mlp } from '../src/mlp';
import {
  load,
  loadTrainingState,
  loadTrainingStateSync,
  saveTrainingState,
  saveTrainingStateSync,
} from '../src/node';
import { fromSafetensors, toSafetensors } from '../src/safetensors';
import { type Stateful, decodeTrainingState, encodeTrainingState } from '../src/training-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gd-ts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const data = (() => {
  const g = new Generator(123);
  const x = randn([40, 4], { generator: g });
  const y = tensor(
    Array.from({ length: 40 }, (_, i) => (x.data[4 * i] + x.data[4 * i + 1] > 0 ? 1 : i % 3)),
    { dtype: 'int32' },
  );
  return new TensorDataset(x, y);
})();

/** A training setup: BatchNorm and Dropout in the model, Adam, StepLR, shuffled batches. */
function setup(seed: number) {
  const g = new Generator(seed);
  const model = mlp([4, 8, 3], { batchNorm: true, dropout: 0.25, generator: g });
  const optimizer = new Adam(model.parameters(), { lr: 0.02, weightDecay: 1e-3 });
  const scheduler = new StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
  const loader = new DataLoader(data, { batchSize: 8, shuffle: true, generator: g });
  return { model, optimizer, scheduler, generator: g, loader };
}

type Setup = ReturnType<typeof setup>;

function epoch(s: Setup): number {
  let last = 0;
  for (const [xb, yb] of s.loader) {
    s.optimizer.zeroGrad();
    const loss = crossEntropy(s.model.forward(xb), yb);
    loss.backward();
    s.optimizer.step();
    last = loss.item();
  }
  s.scheduler.step();
  return last;
}

/** Everything that must agree bit for bit between the two runs. */
function snapshot(s: Setup) {
  return {
    model: s.model.stateDict(),
    optimizer: s.optimizer.stateDict(),
    scheduler: s.scheduler.stateDict(),
    generator: s.generator.getState(),
  };
}

describe('saveTrainingState / loadTrainingState', () => {
  it('resumes Adam + StepLR + a shuffling DataLoader bit-identically', async () => {
    const straight = setup(1);
    const lossesStraight = [];
    for (let e = 0; e < 5; e++) lossesStraight.push(epoch(straight));

    const first = setup(1);
    const lossesResumed = [];
    for (let e = 0; e < 2; e++) lossesResumed.push(epoch(first));
    const path = join(dir, 'state.safetensors');
    await saveTrainingState(path, {
      ...first,
      extra: { epoch: 1, best: Number.POSITIVE_INFINITY },
    });

    const second = setup(99); // different init, different generator state
    expect(snapshot(second)).not.toEqual(snapshot(first));
    const { extra } = await loadTrainingState(path, second);
    expect(extra).toEqual({ epoch: 1, best: Number.POSITIVE_INFINITY });
    expect(snapshot(second)).toEqual(snapshot(first));
    for (let e = 2; e < 5; e++) lossesResumed.push(epoch(second));

    expect(lossesResumed).toEqual(lossesStraight);
    expect(snapshot(second)).toEqual(snapshot(straight));
    expect(second.optimizer.paramGroups[0].lr).toBe(0.02 * 0.5 ** 2);

    // Each part matters: without the generator the shuffling (and dropout) diverge.
    const third = setup(99);
    await loadTrainingState(path, {
      model: third.model,
      optimizer: third.optimizer,
      scheduler: third.scheduler,
    });
    const lossesNoGenerator = lossesResumed.slice(0, 2);
    for (let e = 2; e < 5; e++) lossesNoGenerator.push(epoch(third));
    expect(lossesNoGenerator).not.toEqual(lossesStraight);
  });

  it('documents its layout: model.* and optimizer.* tensors, JSON parts in __metadata__', () => {
    const s = setup(2);
    epoch(s);
    const path = join(dir, 'state.safetensors');
    saveTrainingStateSync(path, { ...s, extra: { epoch: 0 } });
    const { state, metadata } = fromSafetensors(new Uint8Array(readFileSync(path)));
    expect(metadata.format).toBe('gd-training-state');
    expect(metadata.format_version).toBe('1');
    expect(JSON.parse(metadata.extra)).toEqual({ epoch: 0 });
    expect(JSON.parse(metadata.scheduler)).toEqual(s.scheduler.stateDict());
    expect(JSON.parse(metadata.generator)).toEqual(s.generator.getState());
    expect(Object.keys(state)).toContain('model.0.weight');
    expect(Object.keys(state)).toContain('model.1.num_batches_tracked');
    expect(Object.keys(state)).toContain('optimizer.state.0.expAvg');
    expect(JSON.parse(metadata.optimizer).state['0'].expAvg).toEqual({
      $tensor: 'optimizer.state.0.expAvg',
    });
    expect(state['optimizer.state.0.expAvgSq'].data).toEqual(
      (s.optimizer.stateDict().state['0'].expAvgSq as { data: number[] }).data,
    );
    // The sync loader restores into a fresh setup too.
    const t = setup(3);
    loadTrainingStateSync(path, t);
    expect(snapshot(t)).toEqual(snapshot(s));
  });

  it('load() on a training-state file gives the model part (what `gd export` needs)', async () => {
    const s = setup(8);
    epoch(s);
    const path = join(dir, 'state.safetensors');
    await saveTrainingState(path, s);
    const fresh = setup(9).model;
    const { state, metadata } = await load(path, fresh);
    expect(metadata.format).toBe('gd-training-state');
    expect(Object.keys(state)).toEqual(Object.keys(s.model.stateDict()));
    expect(fresh.stateDict()).toEqual(s.model.stateDict());
  });

  it('keeps non-finite numbers and −0 in the JSON parts exactly', () => {
    let saved: object = { best: Number.POSITIVE_INFINITY, worst: -0, nan: Number.NaN, x: [1.5] };
    const plateau: Stateful = {
      stateDict: () => saved,
      loadStateDict: (s) => {
        saved = s;
      },
    };
    const s = setup(4);
    const bytes = encodeTrainingState({ model: s.model, scheduler: plateau });
    saved = {};
    decodeTrainingState(bytes, { model: setup(5).model, scheduler: plateau });
    expect(saved).toEqual({ best: Number.POSITIVE_INFINITY, worst: -0, nan: Number.NaN, x: [1.5] });
    expect(Object.is((saved as { worst: number }).worst, -0)).toBe(true);
  });

  it('skips parts not asked for and refuses parts the file lacks or foreign files', () => {
    const s = setup(6);
    const onlyModel = encodeTrainingState({ model: s.model });
    const t = setup(7);
    decodeTrainingState(encodeTrainingState(s), { model: t.model });
    expect(t.model.stateDict()).toEqual(s.model.stateDict());
    expect(() =>
      decodeTrainingState(onlyModel, { model: t.model, optimizer: t.optimizer }),
    ).toThrow(/holds no optimizer state; drop 'optimizer'/);
    expect(() => decodeTrainingState(toSafetensors(s.model.stateDict()), t)).toThrow(
      CheckpointError,
    );
    expect(() => decodeTrainingState(toSafetensors(s.model.stateDict()), t)).toThrow(
      /not a training state/,
    );
    expect(() => encodeTrainingState({} as never)).toThrow(/expected \{ model, optimizer\?/);
    expect(() => decodeTrainingState(onlyModel, {} as never)).toThrow(CheckpointError);
    expect(() => encodeTrainingState({ model: s.model, extra: 3 as never })).toThrow(
      /extra must be an object/,
    );
  });
});
