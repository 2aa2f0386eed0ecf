import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { type Var, add, mul, square, sub, variable } from '../src/index';

const f64 = (x: number | number[]) => tensor(x, { dtype: 'float64' });

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** One Adam step on 2-D Rosenbrock with 0-d float64 leaves, as the benchmark does. */
function rosenbrockLoop(steps: number) {
  const x = variable(f64(-1.5));
  const y = variable(f64(2));
  const m = [0, 0];
  const v = [0, 0];
  const ps = [x, y];
  for (let t = 1; t <= steps; t++) {
    x.grad = null;
    y.grad = null;
    const loss = add(square(sub(1, x)), mul(square(sub(y, square(x))), 100));
    loss.backward();
    for (let i = 0; i < 2; i++) {
      const g = ps[i].grad!.data[0];
      m[i] = 0.9 * m[i] + 0.1 * g;
      v[i] = 0.999 * v[i] + 0.001 * g * g;
      const mh = m[i] / (1 - 0.9 ** t);
      const vh = v[i] / (1 - 0.999 ** t);
      ps[i].value.data[0] -= (1e-3 * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return [x.item(), y.item()];
}

describe('backward engine', () => {
  it('accumulates into .grad until it is zeroed (PyTorch semantics)', () => {
    const x = variable(f64([1, 2]));
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    expect(x.grad!.toArray()).toEqual([6, 6]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    x.square().sum().backward();
    expect(x.grad!.toArray()).toEqual([2, 4]);
  });

  it('sums the gradients of a value used several times (diamond graph)', () => {
    const x = variable(f64(3));
    const a = x.mul(2);
    const b = a.mul(a).add(a.sin()).add(x);
    b.backward();
    // d/dx [(2x)² + sin 2x + x] = 8x + 2 cos 2x + 1
    expect(x.grad!.item()).toBeCloseTo(8 * 3 + 2 * Math.cos(6) + 1, 13);
  });

  it('gives every leaf its own gradient buffer (no aliasing between leaves)', () => {
    const x = variable(f64(1));
    const y = variable(f64(2));
    x.add(y).backward();
    expect(x.grad).not.toBe(y.grad);
    expect(x.grad!.data).not.toBe(y.grad!.data);
    x.grad!.data[0] = 100;
    expect(y.grad!.item()).toBe(1);
  });

  it('never lets a leaf gradient share a buffer with gradOutput or another leaf (reshape shares data)', () => {
    const g = f64([1, 2]);
    const x = variable(f64([0, 0]));
    x.backward(g);
    x.grad!.data[0] = 50;
    expect(g.toArray()).toEqual([1, 2]);

    const a = variable(tensor([[1, 2]], { dtype: 'float64' }));
    const b = variable(f64([3, 4]));
    add(a.reshape([2]), b).backward(f64([1, 1]));
    expect(a.grad!.data).not.toBe(b.grad!.data);
    a.grad!.data[0] = 7;
    expect(b.grad!.toArray()).toEqual([1, 1]);

    const s = variable(f64(2));
    const t = variable(f64(3));
    s.add(t).backward(); // both receive the shared scalar seed
    s.grad!.data[0] = 9;
    expect(t.grad!.item()).toBe(1);
    const u = variable(f64(1));
    u.mul(1).add(0).backward();
    expect(u.grad!.item()).toBe(1);
  });

  it('frees the graph after backward: a second backward throws a clear error', () => {
    const x = variable(f64(2));
    const y = x.square().exp();
    y.backward();
    expect(() => y.backward()).toThrow(
      /backward through the graph a second time.*retainGraph: true/,
    );
  });

  it('keeps the graph with retainGraph: true, so a second backward accumulates again', () => {
    const x = variable(f64(2));
    const y = x.square().mul(3);
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad!.item()).toBe(24);
  });

  it('does not keep the graph alive once the output is dropped', () => {
    const x = variable(f64(2));
    let ref: WeakRef<Var> | null = null;
    (() => {
      const mid = x.square();
      ref = new WeakRef(mid);
      mid.exp().backward();
    })();
    gc();
    return new Promise<void>((resolve) => {
      setTimeout(() => {
        gc();
        expect(ref!.deref()).toBeUndefined();
        resolve();
      }, 0);
    });
  });

  it('runs 100 000 Rosenbrock Adam steps with a flat heap', { timeout: 180_000 }, () => {
    rosenbrockLoop(10_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    const [x, y] = rosenbrockLoop(100_000);
    gc();
    const after = process.memoryUsage().heapUsed;
    // Adam (lr 1e-3) from (−1.5, 2) moves toward the minimum (1, 1).
    expect(Math.hypot(x - 1, y - 1)).toBeLessThan(Math.hypot(-2.5, 1));
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
  });

  it('handles deep chains without recursion limits', () => {
    const x = variable(f64(1));
    let y: Var = x;
    for (let i = 0; i < 20_000; i++) y = y.mul(1);
    y.backward();
    expect(x.grad!.item()).toBe(1);
  });
});
