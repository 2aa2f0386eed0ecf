import { GdError } from '@gd/errors';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  AnomalyError,
  AutogradError,
  InPlaceError,
  detectAnomaly,
  log,
  variable,
} from '../src/index';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('autodiff errors are GdErrors', () => {
  it('a second backward through a freed graph throws AutogradError (a plain Error before)', () => {
    const y = variable(tensor([1, 2], { dtype: 'float64' }))
      .mul(3)
      .sum();
    y.backward();
    const e = thrown(() => y.backward());
    expect(e).toBeInstanceOf(AutogradError);
    expect(e).toBeInstanceOf(GdError);
    expect((e as AutogradError).name).toBe('AutogradError');
    expect((e as AutogradError).code).toBe('ERR_GD_AUTOGRAD');
    expect((e as Error).message).toMatch(/pass \{ retainGraph: true \} to the first backward\(\)/);
    expect(e).not.toBeInstanceOf(InPlaceError);
  });

  it('AnomalyError and option checks are GdErrors too', () => {
    const a = thrown(() => detectAnomaly(() => log(variable(tensor([-1], { dtype: 'float64' })))));
    expect(a).toBeInstanceOf(AnomalyError);
    expect(a).toBeInstanceOf(GdError);
    expect((a as AnomalyError).code).toBe('ERR_GD_ANOMALY');
    const t = thrown(() => variable(tensor([1])).backward('x' as never));
    expect(t).toBeInstanceOf(TypeError);
    expect(t).toBeInstanceOf(GdError);
    expect(new InPlaceError('x')).toBeInstanceOf(AutogradError);
  });
});
