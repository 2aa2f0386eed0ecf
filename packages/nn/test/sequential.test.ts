import { randn } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import { ReLU } from '../src/activations';
import { Linear } from '../src/linear';
import { Sequential } from '../src/sequential';

describe('Sequential', () => {
  it('applies its modules in order', () => {
    const a = new Linear(3, 4);
    const b = new ReLU();
    const c = new Linear(4, 2);
    const net = new Sequential(a, b, c);
    const x = randn([5, 3]);
    expect(net.forward(x).toArray()).toEqual(c.forward(b.forward(a.forward(x))).toArray());
  });

  it('indexes, iterates and appends', () => {
    const net = new Sequential(new Linear(2, 2));
    net.append(new ReLU());
    expect(net.length).toBe(2);
    expect(net.at(-1)).toBeInstanceOf(ReLU);
    expect([...net]).toHaveLength(2);
    expect(() => net.at(5)).toThrow(/index 5 is out of range for 2 modules/);
  });

  it('is the identity when empty', () => {
    const x = randn([2]);
    expect(new Sequential().forward(x).toArray()).toEqual(x.toArray());
  });
});
