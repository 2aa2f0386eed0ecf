import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  AnomalyError,
  detectAnomaly,
  isAnomalyEnabled,
  log,
  setDetectAnomaly,
  sqrt,
  variable,
} from '../src/index';

const f64 = (x: number[]) => tensor(x, { dtype: 'float64' });

describe('anomaly mode', () => {
  it('names the op whose forward produced NaN, its input shapes and the creation site', () => {
    const x = variable(f64([1, -1]));
    let err: unknown;
    try {
      detectAnomaly(() => log(x.mul(2)));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnomalyError);
    const a = err as AnomalyError;
    expect(a.op).toBe('log');
    expect(a.phase).toBe('forward');
    expect(a.message).toMatch(/forward of 'log' produced NaN \(inputs of shape \[2\]/);
    expect(a.message).toMatch(/anomaly\.test\.ts/);
  });

  it('names the op whose backward produced Infinity (sqrt at 0)', () => {
    const x = variable(f64([0, 4]));
    let err: unknown;
    try {
      detectAnomaly(() => sqrt(x).sum().backward());
    } catch (e) {
      err = e;
    }
    const a = err as AnomalyError;
    expect(a).toBeInstanceOf(AnomalyError);
    expect(a.op).toBe('sqrt');
    expect(a.phase).toBe('backward');
    expect(a.message).toMatch(
      /backward of 'sqrt' produced Infinity in the gradient for its input of shape \[2\]/,
    );
    expect(a.message).toMatch(/anomaly\.test\.ts/);
  });

  it('is off by default: the same computations give NaN/Infinity silently', () => {
    expect(isAnomalyEnabled()).toBe(false);
    const x = variable(f64([0, 4]));
    sqrt(x).sum().backward();
    expect(x.grad!.data[0]).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(log(variable(f64([-1]))).item())).toBe(true);
  });

  it('can be switched on globally and restores the previous state', () => {
    setDetectAnomaly(true);
    expect(isAnomalyEnabled()).toBe(true);
    expect(() => log(variable(f64([-1])))).toThrow(AnomalyError);
    setDetectAnomaly(false);
    expect(detectAnomaly(() => isAnomalyEnabled())).toBe(true);
    expect(isAnomalyEnabled()).toBe(false);
  });

  it('passes finite computations through unchanged', () => {
    const x = variable(f64([1, 4]));
    detectAnomaly(() => sqrt(x).sum().backward());
    expect(x.grad!.toArray()).toEqual([0.5, 0.25]);
  });
});
