import { type Var, variable } from '@gd/autodiff';
import type { Tensor } from '@gd/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import * as L from '../src';
import { type LossCase, dec, deviation, expectClose, fixture } from './golden';

/** Options from the fixture, with encoded tensors decoded. */
function optionsOf(c: LossCase): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.options)) {
    o[k] = v !== null && typeof v === 'object' && 'data' in (v as object) ? dec(v as never) : v;
  }
  return o;
}

function run(c: LossCase): { out: Var; leaves: Record<string, Var> } {
  const leaves: Record<string, Var> = {};
  for (const [k, e] of Object.entries(c.inputs)) {
    leaves[k] = variable(dec(e), { requiresGrad: k in c.grads });
  }
  const o = optionsOf(c);
  const target = 'target' in c.labels ? c.labels.target : leaves.target;
  const f = L as unknown as Record<string, (...args: unknown[]) => Var>;
  let out: Var;
  switch (c.fn) {
    case 'l2Penalty':
    case 'l1Penalty':
      out = f[c.fn]([leaves.p0, leaves.p1], o.alpha);
      break;
    default:
      out = f[c.fn](leaves.input, target, o);
  }
  return { out, leaves };
}

describe('every loss matches PyTorch (float64): value and gradient', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const { out, leaves } = run(c);
      expectClose(out.value, c.value, `${c.name} value`);
      const names = Object.keys(c.grads);
      if (names.length === 0) return;
      out.backward(dec(c.upstream) as Tensor);
      for (const k of names) {
        expect(leaves[k].grad, `${c.name}: grad of ${k}`).not.toBeNull();
        expectClose(leaves[k].grad as Tensor, c.grads[k], `${c.name} grad ${k}`);
      }
    });
  }
  afterAll(() => {
    console.log(
      `losses: max |deviation| from PyTorch over ${fixture.cases.length} cases: ${deviation.max} at ${deviation.where}`,
    );
  });
});
