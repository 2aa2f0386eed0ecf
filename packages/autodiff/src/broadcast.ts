import type { Grad } from './engine';
import { sum } from './ops/reduce';
import { reshape } from './ops/shape';

/**
 * Undoes broadcasting in a backward pass: sums `g` over the axes that broadcasting prepended or
 * stretched from size 1, then reshapes it to `shape`. Written with differentiable ops so that it
 * is recorded when the backward pass is.
 */
export function sumToShape(g: Grad, shape: readonly number[]): Grad {
  const lead = g.ndim - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  }
  const s = axes.length > 0 ? sum(g, { axis: axes, keepDims: true }) : g;
  return reshape(s, shape);
}
