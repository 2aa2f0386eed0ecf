import { variable } from '@gd/autodiff';
import { GdError } from '@gd/errors';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { CheckpointError, decodeCheckpoint } from '../src/checkpoint';
import { Linear } from '../src/linear';
import { OnnxExportError } from '../src/onnx';
import { StateDictError } from '../src/module';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('nn errors are GdErrors', () => {
  it('StateDictError, CheckpointError and option checks carry stable codes', () => {
    const m = new Linear(2, 1);
    const keys = thrown(() => m.loadStateDict({ 'not.a.key': tensor([1]) } as never));
    expect(keys).toBeInstanceOf(StateDictError);
    expect(keys).toBeInstanceOf(GdError);
    expect((keys as StateDictError).code).toBe('ERR_GD_STATE_DICT');
    const ckpt = thrown(() => decodeCheckpoint(new Uint8Array([1, 2, 3])));
    expect(ckpt).toBeInstanceOf(CheckpointError);
    expect(ckpt).toBeInstanceOf(GdError);
    expect((ckpt as CheckpointError).code).toBe('ERR_GD_CHECKPOINT');
    const range = thrown(() => new Linear(-1, 2));
    expect(range).toBeInstanceOf(RangeError);
    expect(range).toBeInstanceOf(GdError);
    const onnx = new OnnxExportError('exportOnnx: x');
    expect(onnx).toBeInstanceOf(GdError);
    expect(onnx.code).toBe('ERR_GD_ONNX_EXPORT');
    const shape = thrown(() => m.forward(variable(tensor([[1, 2, 3]]))));
    expect(shape).toBeInstanceOf(GdError);
  });
});
