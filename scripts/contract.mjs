// DESIGN.md's "user's code" — the contract users write against — run line by line with checks.
// scripts/pack-smoke.mjs runs it inside the empty project where the packed tarballs are
// installed, so it holds for gd as users install it. Names the snippet leaves open (b,
// rosenbrock, loader, state) are defined here. Exits non-zero at the first broken promise.
import {
  gradCheck,
  grad,
  hessian,
  matmul,
  noGrad,
  numericalGrad,
  valueAndGrad,
  variable,
} from '@gd/autodiff';
import { crossEntropy, mse, multiclassHinge } from '@gd/losses';
import { Adam, SGD, clipGradNorm } from '@gd/optim';
import { CosineAnnealingLR, StepLR } from '@gd/schedulers';
import { manualSeed, randint, randn, tensor } from '@gd/tensor';

let checks = 0;
function check(what, ok) {
  checks++;
  if (!ok) {
    console.error(`contract broken: ${what}`);
    process.exit(1);
  }
}
const close = (x, y, tol = 1e-12) => Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));

// tensors: NumPy broadcasting, row-major, dtype 'float32' (default) | 'float64' | 'int32'
const a = tensor(
  [
    [1, 2],
    [3, 4],
  ],
  { dtype: 'float64' },
);
check('a.shape', JSON.stringify(a.shape) === '[2,2]');
check('a.dtype', a.dtype === 'float64');
check('a.data is a Float64Array', a.data instanceof Float64Array);
check('a.toArray()', JSON.stringify(a.toArray()) === '[[1,2],[3,4]]');
check('tensor(3).item()', tensor(3).item() === 3);
check('default dtype float32', tensor([1]).dtype === 'float32');

// functional gradients (JAX style)
const f = (x) => x.pow(2).add(x.neg().exp()); // x^2 + e^-x
check(
  'grad(f)(3) = 6 − e^-3',
  close(grad(f)(tensor(3, { dtype: 'float64' })).item(), 6 - Math.exp(-3)),
);
const b = tensor(
  [
    [5, 6],
    [7, 8],
  ],
  { dtype: 'float64' },
);
const [ga, gb] = grad((x, y) => x.mul(y).sum(), { argnums: [0, 1] })(a, b);
check(
  'grad with argnums [0, 1] returns [∂/∂a = b, ∂/∂b = a]',
  JSON.stringify([ga.toArray(), gb.toArray()]) === JSON.stringify([b.toArray(), a.toArray()]),
);
const x = tensor(3, { dtype: 'float64' });
const [value, g] = valueAndGrad(f)(x);
check(
  'valueAndGrad returns [number, Tensor]',
  typeof value === 'number' && close(value, 9 + Math.exp(-3)) && close(g.item(), 6 - Math.exp(-3)),
);
const rosenbrock = (v) => {
  const [p, q] = [v.slice([[0, 1]]), v.slice([[1, 2]])];
  return p
    .neg()
    .add(1)
    .pow(2)
    .add(q.sub(p.pow(2)).pow(2).mul(100))
    .sum();
};
const H = hessian((v) => rosenbrock(v))(tensor([-1.5, 2], { dtype: 'float64' }));
// ∂²/∂x² = 2 − 400(y − x²) + 800x², ∂²/∂x∂y = −400x, ∂²/∂y² = 200
check(
  'hessian of Rosenbrock at (−1.5, 2)',
  JSON.stringify(H.shape) === '[2,2]' &&
    JSON.stringify(H.toArray()) ===
      JSON.stringify([
        [2 - 400 * (2 - 2.25) + 800 * 2.25, 600],
        [600, 200],
      ]),
);
const r = gradCheck(f, [x], { eps: 1e-6, atol: 1e-5, rtol: 1e-3 });
check(
  'gradCheck returns { ok, maxAbsError, maxRelError }',
  r.ok === true && typeof r.maxAbsError === 'number' && typeof r.maxRelError === 'number',
);
check('numericalGrad is shaped like x', close(numericalGrad(f, x).item(), 6 - Math.exp(-3), 1e-8));
check('noGrad runs without recording', noGrad(() => variable(tensor(2)).mul(3)).value.item() === 6);

// PyTorch-style loop
manualSeed(0);
const w = variable(randn([784, 10]).mul(0.01)); // trainable leaf: w.value, w.grad
const opt = new Adam([w], { lr: 1e-3 }); // or param groups: [{ params, lr }, ...]
const sched = new StepLR(opt, { stepSize: 30, gamma: 0.1 });
const loader = [0, 1, 2].map(() => [randn([16, 784]), randint(0, 10, [16], { dtype: 'int32' })]);
let first;
let last;
for (let epoch = 0; epoch < 40; epoch++) {
  for (const [xb, yb] of loader) {
    opt.zeroGrad();
    const loss = crossEntropy(matmul(xb, w), yb); // x: Tensor batch, w: Var -> Var
    loss.backward();
    clipGradNorm([w], 1.0);
    opt.step();
    first ??= loss.item();
    last = loss.item();
  }
  sched.step();
}
check('the loop trains (loss falls)', last < first / 2);
check('w.grad is a Tensor shaped like w', JSON.stringify(w.grad.shape) === '[784,10]');
check('StepLR: lr = 1e-3·0.1 after 40 epochs', close(opt.paramGroups[0].lr, 1e-4));
const state = JSON.parse(JSON.stringify(opt.stateDict()));
const opt2 = new Adam([w], { lr: 1e-3 });
opt2.loadStateDict(state);
check('stateDict round trip through JSON', opt2.paramGroups[0].lr === opt.paramGroups[0].lr);

// The other names the contract imports.
const mseValue = mse(
  tensor([1, 2], { dtype: 'float64' }),
  tensor([1, 4], { dtype: 'float64' }),
).item();
check('mse', mseValue === 2);
const svm = multiclassHinge(tensor([[3.2, 5.1, -1.7]], { dtype: 'float64' }), [0]).item();
check('multiclassHinge is cs231n’s (2.9 for the notes’ cat example)', close(svm, 2.9));
const sgd = new SGD([variable(tensor(1))], { lr: 0.1 });
const cos = new CosineAnnealingLR(sgd, { tMax: 10 });
for (let i = 0; i < 10; i++) cos.step();
check('CosineAnnealingLR reaches etaMin = 0 at tMax', Math.abs(sgd.paramGroups[0].lr) < 1e-15);

console.log(`DESIGN.md's contract: ${checks} checks hold`);
