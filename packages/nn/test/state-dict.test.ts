import { DTypeError, ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { stateToTensor, tensorToState } from '../src/state-dict';

describe('state-dict entries', () => {
  it('round-trip a tensor through plain JSON', () => {
    const t = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: 'float64' },
    );
    const s = JSON.parse(JSON.stringify(tensorToState(t)));
    expect(s).toEqual({ shape: [2, 2], dtype: 'float64', data: [1, 2, 3, 4] });
    const back = stateToTensor(s, 'w');
    expect(back.toArray()).toEqual(t.toArray());
    expect(back.dtype).toBe('float64');
  });

  it('reject malformed entries, naming them', () => {
    expect(() =>
      stateToTensor({ shape: [2], dtype: 'float16' as 'float32', data: [1, 2] }, 'w'),
    ).toThrow(DTypeError);
    expect(() => stateToTensor({ shape: [-1], dtype: 'float32', data: [] }, 'w')).toThrow(
      ShapeError,
    );
    expect(() => stateToTensor({ shape: [3], dtype: 'float32', data: [1] }, 'fc.bias')).toThrow(
      /entry 'fc.bias' has 1 elements but shape \[3\] needs 3/,
    );
    expect(() => stateToTensor(null as never, 'x')).toThrow(TypeError);
  });
});
