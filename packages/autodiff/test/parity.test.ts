import * as T from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import * as A from '../src';
import { Var, variable } from '../src';

/** Own method and accessor names of a prototype (not the constructor). */
function members(proto: object): Set<string> {
  return new Set(Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor'));
}

// Members only one side has, on purpose: Var's autograd state and API, Tensor's raw layout.
const VAR_ONLY = new Set([
  'value',
  'grad',
  'requiresGrad',
  'backward',
  'gradVar',
  'detach',
  'zeroGrad',
  'isLeaf',
  'release',
]);
const TENSOR_ONLY = new Set(['strides']);

describe('Tensor and Var have the same methods', () => {
  // Tensor keeps shape/dtype/data as instance fields where Var has getters.
  const t = new Set([...members(T.Tensor.prototype), ...Object.keys(T.zeros([1]))]);
  const v = members(Var.prototype);

  it('every Tensor member is on Var and vice versa, apart from the documented lists', () => {
    expect([...t].filter((n) => !v.has(n) && !TENSOR_ONLY.has(n)).sort()).toEqual([]);
    expect([...v].filter((n) => !t.has(n) && !VAR_ONLY.has(n)).sort()).toEqual([]);
  });

  it('in-place methods (names ending in _) are on both sides', () => {
    const tIn = [...t].filter((n) => n.endsWith('_')).sort();
    const vIn = [...v].filter((n) => n.endsWith('_')).sort();
    expect(vIn).toEqual(tIn);
  });

  it('every op function autodiff exports (other than list and transform functions) is a method', () => {
    const NOT_METHODS = new Set([
      'variable',
      'isVar',
      'backward',
      'noGrad',
      'enableGrad',
      'isGradEnabled',
      'detectAnomaly',
      'setDetectAnomaly',
      'isAnomalyEnabled',
      'grad',
      'valueAndGrad',
      'jacobian',
      'hessian',
      'hvp',
      'gradients',
      'numericalGrad',
      'gradCheck',
      'concat',
      'stack',
      'Var',
      'AnomalyError',
      'AutogradError',
      'InPlaceError',
      // linear algebra: functions only, as torch.linalg
      'eigh',
      'eigvalsh',
      'solve',
      'inv',
      'det',
      'cholesky',
      // a layer's affine map: a function only, as torch.nn.functional.linear
      'linear',
    ]);
    const fns = Object.entries(A)
      .filter(([, f]) => typeof f === 'function')
      .map(([k]) => k);
    expect(fns.filter((k) => !NOT_METHODS.has(k) && !v.has(k))).toEqual([]);
  });
});

describe('Tensor methods given a Var', () => {
  const t = T.tensor(
    [
      [0.5, 1.5],
      [2, 3],
    ],
    { dtype: 'float64' },
  );
  const ops = Object.entries(T.OP_TABLE).filter(([, e]) => /\$[TM]/.test(e.params));

  it('tensor(…).mul(v) is mul(t, v): a recorded Var with the same gradient', () => {
    const v = variable(T.tensor([1, 2], { dtype: 'float64' }));
    const out = t.mul(v);
    expect(out).toBeInstanceOf(Var);
    (out as Var).sum().backward();
    expect(v.grad?.toArray()).toEqual([2.5, 4.5]);
  });

  // One call per method whose table signature has a tensor argument, with a Var in that place.
  const CALLS: Record<string, (x: T.Tensor, v: Var) => unknown> = {
    where: (x, v) => x.where(T.tensor([true, false]), v),
    isClose: (x, v) => x.isClose(v),
    allClose: (x, v) => x.allClose(v),
    scatterAdd: (x, v) =>
      x.scatterAdd(
        0,
        T.tensor(
          [
            [0, 1],
            [1, 0],
          ],
          { dtype: 'int32' },
        ),
        v,
      ),
    matmul: (x, v) => x.matmul(v),
    dot: (_x, v) => T.tensor([1, 2], { dtype: 'float64' }).dot(v.reshape([4]).slice([[0, 2]])),
  };

  it('no method with a tensor argument throws on a Var, and each returns a Var (or a boolean)', () => {
    const v = variable(
      T.tensor(
        [
          [1, 2],
          [3, 4],
        ],
        { dtype: 'float64' },
      ),
    );
    for (const [name] of ops) {
      const call =
        CALLS[name] ??
        ((x: T.Tensor, w: Var) => (x as unknown as Record<string, (b: Var) => unknown>)[name](w));
      const out = call(t, v);
      if (name === 'allClose') expect(typeof out, name).toBe('boolean');
      else expect(out, name).toBeInstanceOf(Var);
    }
  });

  it('gradients flow through a mixed call as through the function form', () => {
    const v = variable(
      T.tensor(
        [
          [1, 2],
          [3, 4],
        ],
        { dtype: 'float64' },
      ),
    );
    (t.atan2(v) as Var).sum().backward();
    const viaMethod = v.grad!.toArray();
    v.grad = null;
    A.atan2(t, v).sum().backward();
    expect(viaMethod).toEqual(v.grad!.toArray());
  });
});
