import { GdError } from '@gd/errors';
import { DTypeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { AutogradError, InPlaceError, type Var, noGrad, variable } from '../src/index';

const f64 = (v: number[]) => tensor(v, { dtype: 'float64' });
const w64 = (v: number[]) => variable(f64(v));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('in-place ops on Var', () => {
  it('under noGrad update the value in place and return the Var: a hand-written SGD step', () => {
    const w = w64([1, 2]);
    const buffer = w.value.data;
    w.mul(w).sum().backward(); // grad = 2w
    const lr = 0.25;
    const out = noGrad(() => w.sub_(w.grad!.mul(lr)));
    expect(out).toBe(w);
    expect(w.value.data).toBe(buffer);
    expect(Array.from(w.value.data)).toEqual([0.5, 1]);
    expect(w.isLeaf).toBe(true);
    expect(w.requiresGrad).toBe(true);
    // the updated leaf trains on
    w.grad = null;
    w.mul(w).sum().backward();
    expect(Array.from(w.grad!.data)).toEqual([1, 2]);
  });

  it('every method works under noGrad, with Var, Tensor or number arguments', () => {
    const w = w64([1, 2]);
    noGrad(() => {
      w.add_(1)
        .mul_(w64([2, 3]))
        .div_(f64([2, 3]));
      expect(Array.from(w.value.data)).toEqual([2, 3]);
      w.clamp_(0, 2.5);
      expect(Array.from(w.value.data)).toEqual([2, 2.5]);
      w.copy_(f64([7, 8]));
      expect(Array.from(w.value.data)).toEqual([7, 8]);
      w.fill_(4);
      expect(Array.from(w.value.data)).toEqual([4, 4]);
      w.zero_();
      expect(Array.from(w.value.data)).toEqual([0, 0]);
    });
  });

  it('refuses a leaf that requires grad outside noGrad (PyTorch’s leaf rule) and changes nothing', () => {
    const w = w64([1, 2]);
    for (const run of [
      () => w.add_(1),
      () => w.sub_(1),
      () => w.mul_(2),
      () => w.div_(2),
      () => w.clamp_(0, 1),
      () => w.fill_(0),
      () => w.zero_(),
      () => w.copy_(f64([0, 0])),
    ]) {
      const e = thrown(run);
      expect(e).toBeInstanceOf(InPlaceError);
      expect(e).toBeInstanceOf(AutogradError);
      expect(e).toBeInstanceOf(GdError);
      expect(e.name).toBe('InPlaceError');
      expect((e as InPlaceError).code).toBe('ERR_GD_IN_PLACE');
      expect(e.message).toMatch(
        /^\w+_: a leaf Var that requires grad is being used in an in-place operation; update parameters inside noGrad/,
      );
    }
    expect(Array.from(w.value.data)).toEqual([1, 2]);
  });

  it('refuses the output of a recorded op outside noGrad, naming the op', () => {
    const w = w64([1, 2]);
    const y = w.exp();
    expect(() => y.mul_(2)).toThrow(
      /^mul_: this Var is the output of 'exp' in a recorded graph, and in-place updates are not recorded; use the out-of-place op \(y = y\.mul\(…\)\)/,
    );
  });

  it('refuses an argument that requires grad outside noGrad', () => {
    const w = variable(f64([1, 2]), { requiresGrad: false });
    const g = w64([1, 1]);
    expect(() => w.add_(g)).toThrow(/add_: the argument requires grad/);
    expect(() => noGrad(() => w.add_(g))).not.toThrow();
    expect(Array.from(w.value.data)).toEqual([2, 3]);
  });

  it('allows a Var that requires no grad at any time (a constant, a detached copy)', () => {
    const c = variable(f64([1, 2]), { requiresGrad: false });
    c.mul_(3);
    expect(Array.from(c.value.data)).toEqual([3, 6]);
    const w = w64([1, 2]);
    const d = w.detach();
    d.sub_(1); // shares w's buffer, as PyTorch's detach
    expect(Array.from(w.value.data)).toEqual([0, 1]);
  });

  it('backward refuses a graph whose saved input was modified in place afterwards (version check)', () => {
    const w = w64([1, 2, 3]);
    const y = w.mul(w).sum(); // d/dw = 2w, computed from the saved w
    noGrad(() => w.sub_(1));
    const e = thrown(() => y.backward());
    expect(e).toBeInstanceOf(InPlaceError);
    expect(e.message).toBe(
      "backward: a value needed for the gradient of 'mul' — its input 0 (shape [3]) — was modified by an in-place operation after 'mul' was recorded; compute the forward pass again after in-place updates (or make them after backward()), or use the out-of-place op",
    );
    expect(w.grad).toBeNull();
    // recomputing the forward pass after the update is fine
    w.mul(w).sum().backward();
    expect(Array.from(w.grad!.data)).toEqual([0, 2, 4]);
  });

  it('the version check also sees writes through a constant input, a Tensor method or an output', () => {
    const w = w64([1, 2]);
    const c = f64([3, 4]);
    const y = w.mul(c).sum();
    c.mul_(10); // Tensor in-place on a recorded constant
    expect(() => y.backward()).toThrow(/gradient of 'mul' — its input 1 \(shape \[2\]\)/);

    const x = w64([0, 1]);
    const e = x.exp(); // exp's backward uses its own output
    const z = e.sum();
    noGrad(() => e.fill_(0));
    // sum's input is e itself; backward from e reaches exp, whose output was overwritten
    expect(() => z.backward()).toThrow(/gradient of 'sum' — its input 0 \(shape \[2\]\)/);
    expect(() => e.backward(f64([1, 1]))).toThrow(/gradient of 'exp' — its output \(shape \[2\]\)/);
    expect(x.grad).toBeNull();
  });

  it('updates made before the forward pass or after backward are fine', () => {
    const w = w64([1, 2]);
    noGrad(() => w.mul_(2));
    const y = w.mul(w).sum();
    y.backward();
    expect(Array.from(w.grad!.data)).toEqual([4, 8]);
    noGrad(() => w.sub_(w.grad!.mul(0.5)));
    expect(Array.from(w.value.data)).toEqual([0, 0]);
  });

  it('validates arguments with typed errors', () => {
    const w = w64([1, 2]);
    const e = thrown(() => noGrad(() => w.add_([1, 2] as never)));
    expect(e).toBeInstanceOf(TypeError);
    expect(e).toBeInstanceOf(GdError);
    expect(e.message).toMatch(/^add_: expected a Var, a Tensor or a number, got an array/);
    const i = variable(tensor(new Int32Array([1])), { requiresGrad: false });
    expect(() => i.mul_(0.5)).toThrow(DTypeError);
    const v: Var = w;
    expect(() => noGrad(() => v.add_(w64([1, 2, 3])))).toThrow(/add_: shapes \[2\] and \[3\]/);
  });
});
