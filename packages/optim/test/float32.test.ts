import { describe, expect, it } from 'vitest';
import * as optim from '../src';
import { PROBLEMS, evaluate, flat, golden, label, makeParams, maxRelDev } from './helpers';

type Ctor = new (params: optim.Parameter[], options: unknown) => optim.Optimizer<object>;

describe('float32 parameters', () => {
  it.each(golden.float32Cases.map((c) => [`${c.optimizer} ${label(c)}`, c] as const))(
    'agree with torch.optim on float32 to float32 precision: %s',
    (_, c) => {
      const params = makeParams(c.x0, 'float32');
      const opt = new (optim as unknown as Record<string, Ctor>)[c.optimizer](params, c.options);
      let dev = 0;
      let float32Error = 0;
      for (let k = 0; k < c.trajectory.length; k++) {
        evaluate(PROBLEMS[c.problem], params);
        opt.step();
        dev = Math.max(dev, maxRelDev(flat(params), c.trajectory[k]));
        float32Error = Math.max(float32Error, maxRelDev(c.trajectory[k], c.float64Trajectory![k]));
      }
      expect(params[0].value.data).toBeInstanceOf(Float32Array);
      // PyTorch rounds to float32 after every operation, gd once per stored value: gd's float32
      // run must stay as close to PyTorch's as PyTorch's own float32 run is to its float64 run.
      expect(dev).toBeLessThanOrEqual(2 * float32Error);
      expect(float32Error).toBeLessThan(1e-3);
    },
  );
});
