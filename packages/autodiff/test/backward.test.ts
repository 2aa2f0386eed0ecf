import { ShapeError, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { Var, backward, gradients, noGrad, variable } from '../src/index';
import higher from './fixtures/higher.json';
import { expectAllClose } from './helpers';

const f64 = (x: number | number[] | number[][]) => tensor(x, { dtype: 'float64' });

describe('backward', () => {
  it('seeds a one-element output with 1', () => {
    const x = variable(f64([2]));
    x.square().backward();
    expect(x.grad!.toArray()).toEqual([4]);
  });

  it('takes gradOutput for a non-scalar output (a vector-Jacobian product)', () => {
    const x = variable(f64([1, 2, 3]));
    x.square().backward(f64([1, 0, 2]));
    expect(x.grad!.toArray()).toEqual([2, 0, 12]);
    const y = variable(f64([1, 2]));
    backward(y.mul(3), 2);
    expect(y.grad!.toArray()).toEqual([6, 6]);
  });

  it('refuses a non-scalar output without gradOutput, naming the shape and the fix', () => {
    const x = variable(f64([1, 2]));
    expect(() => x.mul(2).backward()).toThrow(ShapeError);
    expect(() => x.mul(2).backward()).toThrow(/shape \[2\].*sum\(\)/);
  });

  it('refuses a gradOutput of the wrong shape', () => {
    const x = variable(f64([1, 2]));
    expect(() => x.mul(2).backward(f64([1, 2, 3]))).toThrow(
      /gradOutput has shape \[3\] but the output has \[2\]/,
    );
  });

  it('explains why a Var without graph cannot backward', () => {
    const c = variable(f64(1), { requiresGrad: false });
    expect(() => c.backward()).toThrow(/requiresGrad: false/);
    const x = variable(f64(1));
    const y = noGrad(() => x.mul(2));
    expect(() => y.backward()).toThrow(/no input of 'mul' requires grad/);
  });

  it('backward on a leaf sets its own gradient', () => {
    const x = variable(f64([[1, 2]]));
    x.backward(f64([[3, 4]]));
    expect(x.grad!.toArray()).toEqual([[3, 4]]);
  });
});

describe('backward with createGraph (PyTorch create_graph)', () => {
  const ref = higher.createGraph;

  it('x³: the gradient 3x² carries a graph whose derivative is 6x (PyTorch values)', () => {
    const x = variable(f64(ref.x));
    x.pow(3).sum().backward(undefined, { createGraph: true });
    expectAllClose(x.grad!.toArray(), ref.grad);
    const g = x.gradVar!;
    expect(g).toBeInstanceOf(Var);
    expect(g.value).toBe(x.grad);
    expect(g.requiresGrad).toBe(true);
    const [d2] = gradients(g.sum(), [x], { retainGraph: true });
    expectAllClose(d2.toArray(), ref.gradOfGrad);
    // A second backward through the gradient accumulates into .grad, as in PyTorch.
    g.sum().backward();
    expectAllClose(x.grad!.toArray(), ref.accumulated);
    expect(x.gradVar).not.toBe(g);
  });

  it('differentiates a third time through gradVar (x³ → 6 after two createGraph passes)', () => {
    const x = variable(f64([2]));
    x.pow(3).backward(undefined, { createGraph: true });
    const g1 = x.gradVar!;
    x.grad = null;
    g1.backward(undefined, { createGraph: true });
    expect(x.grad!.toArray()).toEqual([12]);
    const g2 = x.gradVar!;
    x.grad = null;
    g2.backward();
    expect(x.grad!.toArray()).toEqual([6]);
  });

  it('without createGraph there is no gradVar, and zeroing .grad drops it', () => {
    const x = variable(f64([1, 2]));
    x.square().sum().backward();
    expect(x.gradVar).toBeNull();
    x.square().sum().backward(undefined, { createGraph: true });
    expect(x.gradVar).not.toBeNull();
    x.zeroGrad();
    expect(x.gradVar).toBeNull();
  });

  it('accumulates out of place: an earlier .grad tensor is not overwritten', () => {
    const x = variable(f64([1, 2]));
    x.square().sum().backward();
    const first = x.grad!;
    x.square().sum().backward(undefined, { createGraph: true });
    expect(first.toArray()).toEqual([2, 4]);
    expect(x.grad!.toArray()).toEqual([4, 8]);
    // A plain backward after a recorded one keeps .gradVar in step with .grad.
    const recorded = x.grad!;
    x.square().sum().backward();
    expect(recorded.toArray()).toEqual([4, 8]);
    expect(x.grad!.toArray()).toEqual([6, 12]);
    expect(x.gradVar!.value).toBe(x.grad);
  });

  it('a gradient that does not depend on the leaf is a constant Var (second derivative 0)', () => {
    const x = variable(f64([1, 2]));
    x.mul(3).sum().backward(undefined, { createGraph: true });
    expect(x.grad!.toArray()).toEqual([3, 3]);
    expect(x.gradVar!.requiresGrad).toBe(false);
  });

  it('leaves never share a gradient buffer, and the graph is retained by default', () => {
    const x = variable(f64([1, 2]));
    const y = variable(f64([3, 4]));
    const z = x.add(y).sum();
    z.backward(undefined, { createGraph: true });
    expect(x.grad!.data).not.toBe(y.grad!.data);
    z.backward(undefined, { createGraph: true });
    expect(x.grad!.toArray()).toEqual([2, 2]);
    expect(y.grad!.toArray()).toEqual([2, 2]);
  });

  it('the function form takes the same option', () => {
    const x = variable(f64(3));
    backward(x.pow(2), undefined, { createGraph: true });
    expect(gradients(x.gradVar!, [x])[0].item()).toBe(2);
  });
});
