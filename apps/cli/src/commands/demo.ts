/**
 * `gd demo`: the lectures' headline numbers, optimizers racing on Rosenbrock, and the optimizer
 * exercise's MLP trained by five optimizers — printed, and drawn as SVG/PNG/GIF with an index.html.
 */
import { join } from 'node:path';
import { grad, hessian, variable } from '@gd/autodiff';
import { DataLoader, TensorDataset, loadDigits, trainTestSplit } from '@gd/datasets';
import { accuracy, crossEntropy } from '@gd/losses';
import { mlp } from '@gd/nn';
import { Adagrad, Adam, type Optimizer, RMSprop, SGD } from '@gd/optim';
import { LambdaLR, StepLR } from '@gd/schedulers';
import { Generator, type Tensor, eigvalsh, tensor } from '@gd/tensor';
import { linePlot, sparkline, terminalChart } from '@gd/viz';
import type { Command } from 'commander';
import { type OptimizerFlags, buildOptimizer } from '../optimizers';
import { out, say, writeAtomic } from '../output';
import { trajectoryFigure, writeFigure } from '../plots';
import { resolveProblem, runProblem, startPoint } from '../problem';

const f64 = (v: number | number[]) => tensor(v, { dtype: 'float64' });

function line(label: string, value: string, comment = ''): void {
  say(`  ${label.padEnd(50)} ${value.padEnd(24)} ${out.dim(comment)}`);
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

/** Registers `gd demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      "the lectures' numbers, optimizers racing on Rosenbrock and MLP accuracy curves, drawn to ./gd-demo",
    )
    .option('--out <dir>', 'where the figures and index.html go', 'gd-demo')
    .option('--iterations <n>', 'training iterations per optimizer in the MLP part', '1000')
    .addHelpText(
      'after',
      '\nExample:\n  $ gd demo --out /tmp/gd-demo && xdg-open /tmp/gd-demo/index.html',
    )
    .action((flags: { out: string; iterations: string }) => {
      const dir = flags.out;
      const iterations = Math.max(50, Math.floor(Number(flags.iterations)) || 1000);
      const figures: { file: string; caption: string }[] = [];

      say(`\n${out.bold("The lectures' numbers, computed by gd (float64)")}\n`);
      const df = grad((x: Tensor) => x.pow(2).add(x.neg().exp()));
      let x = 3;
      for (let i = 0; i < 10_001; i++) x -= 0.0005 * df(f64(x)).item();
      line(
        'GD on x² + e^-x from 3, η = 0.0005, 10 001 steps',
        String(x),
        'lecture: 0.3517383210080008',
      );
      const w = variable(f64(3));
      const sgd = new SGD([w], { lr: 0.1 });
      for (let i = 0; i < 100; i++) {
        sgd.zeroGrad();
        w.pow(2).backward();
        sgd.step();
      }
      line(
        'SGD on x² from 3, η = 0.1, 100 steps',
        String(w.item()),
        `3·0.8¹⁰⁰ = ${3 * 0.8 ** 100}`,
      );
      line(
        "tanh'(4)",
        grad((v: Tensor) => v.tanh())(f64(4))
          .item()
          .toFixed(6),
        'lecture: ≈ 0.0013',
      );
      const H = hessian((v: Tensor) =>
        v
          .mul(v)
          .mul(f64([1, -1]))
          .sum(),
      )(f64([0, 0]));
      const eig = Array.from(eigvalsh(H).data);
      line(
        'Hessian of x² − y² at the saddle (0, 0)',
        JSON.stringify(H.toArray()),
        `eigenvalues ${eig.join(', ')}`,
      );
      for (const [label, make] of [
        [
          'LambdaLR(0.95^epoch), 100 epochs',
          (o: { paramGroups: { lr: number }[] }) =>
            new LambdaLR(o, { lrLambda: (e: number) => 0.95 ** e }),
        ],
        [
          'StepLR(stepSize 30, γ 0.1), 100 epochs',
          (o: { paramGroups: { lr: number }[] }) => new StepLR(o, { stepSize: 30, gamma: 0.1 }),
        ],
      ] as const) {
        const opt = { paramGroups: [{ lr: 0.1 }] };
        const sched = make(opt);
        const lrs: number[] = [];
        for (let epoch = 0; epoch < 100; epoch++, sched.step()) lrs.push(opt.paramGroups[0].lr);
        line(
          label,
          `lr₉₉ = ${lrs[99].toPrecision(4)}`,
          sparkline(lrs.filter((_, i) => i % 4 === 0)),
        );
      }

      // The seminar's race: six optimizers from (−1.5, 2) on Rosenbrock.
      say(`\n${out.bold('Optimizers racing on Rosenbrock from (−1.5, 2), 500 steps')}\n`);
      const problem = resolveProblem('rosenbrock');
      const start = startPoint(problem, []);
      const race: [string, Partial<OptimizerFlags>][] = [
        ['sgd', { lr: '0.001' }],
        ['momentum', { lr: '0.001' }],
        ['nesterov', { lr: '0.001' }],
        ['adagrad', { lr: '0.5' }],
        ['rmsprop', { lr: '0.01' }],
        ['adam', { lr: '0.05' }],
      ];
      const runs = race.map(([name, o]) => ({
        label: `${name} (lr ${o.lr})`,
        result: runProblem(
          problem,
          start,
          (p) => buildOptimizer(p, { optimizer: name, ...o }),
          500,
        ),
      }));
      for (const r of runs)
        line(
          r.label,
          `f = ${r.result.value.toPrecision(4)}`,
          `(x, y) = (${r.result.params.x.toFixed(4)}, ${r.result.params.y.toFixed(4)})`,
        );
      const fig = trajectoryFigure(problem, runs, 'Optimizers on Rosenbrock, 500 steps');
      for (const ext of ['svg', 'png', 'gif'])
        writeFigure(join(dir, `race.${ext}`), fig.svg, fig.frames);
      figures.push({
        file: 'race.gif',
        caption:
          'Six optimizers from (−1.5, 2) on the Rosenbrock valley (the seminar’s race), animated',
      });
      figures.push({
        file: 'race.png',
        caption: 'Their trajectories over the contours; ★ marks each end, × the minimum (1, 1)',
      });

      // The optimizer exercise: MLP 64-40-20-10 (sigmoid, init std 0.01), batch 100.
      say(
        `\n${out.bold(`The optimizer exercise — MLP 64-40-20-10 (sigmoid, init std 0.01), bundled 8×8 digits, ${iterations} iterations`)}\n`,
      );
      const digits = loadDigits();
      const [xTrain, xTest, yTrain, yTest] = trainTestSplit([digits.data.div(16), digits.target], {
        testSize: 0.25,
        seed: 0,
        stratify: digits.target,
      });
      const optimizers: Record<string, (p: never) => Optimizer<object>> = {
        SGD: (p) => new SGD(p, { lr: 0.01 }),
        Momentum: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }),
        AdaGrad: (p) => new Adagrad(p, { lr: 0.01, eps: 1e-7 }),
        RMSprop: (p) => new RMSprop(p, { lr: 0.01, alpha: 0.99, eps: 1e-7 }),
        Adam: (p) => new Adam(p, { lr: 0.01 }),
      };
      const every = 25;
      const curves: Record<string, number[]> = {};
      const t0 = performance.now();
      for (const [name, make] of Object.entries(optimizers)) {
        const net = mlp([64, 40, 20, 10], {
          activation: 'sigmoid',
          init: 'normal',
          std: 0.01,
          generator: new Generator(0),
        });
        const opt = make(net.parameters() as never);
        const loader = new DataLoader(new TensorDataset(xTrain, yTrain), {
          batchSize: 100,
          shuffle: true,
          seed: 0,
        });
        const curve: number[] = [];
        let i = 0;
        while (i < iterations) {
          for (const [xb, yb] of loader) {
            opt.zeroGrad();
            crossEntropy(net.forward(xb), yb).backward();
            opt.step();
            if (++i % every === 0) curve.push(accuracy(net.forward(xTest).value, yTest));
            if (i === iterations) break;
          }
        }
        curves[name] = curve;
        line(
          name,
          `test accuracy ${((curve.at(-1) ?? 0) * 100).toFixed(1)}%`,
          sparkline(curve, { min: 0, max: 1 }),
        );
      }
      say(
        out.dim(
          `\n  (${Object.keys(optimizers).length} × ${iterations} iterations in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
        ),
      );
      const iters = Array.from({ length: curves.SGD.length }, (_, k) => (k + 1) * every);
      say(
        terminalChart(Object.values(curves), {
          width: 60,
          height: 12,
          labels: Object.keys(curves),
          x: iters,
        }),
      );
      const curvePlot = (upTo: number) =>
        linePlot(
          Object.entries(curves).map(([label, c]) => ({
            x: iters.slice(0, upTo),
            y: c.slice(0, upTo),
            label,
          })),
          {
            title: 'MLP 64-40-20-10 on digits: test accuracy',
            xLabel: 'iteration',
            yLabel: 'test accuracy',
            yLim: [0, 1],
            xLim: [0, iterations],
            legend: 'lower right',
          },
        );
      const full = curvePlot(iters.length);
      const frames = () => {
        const out: string[] = [];
        for (let k = 2; k <= iters.length; k += Math.max(1, Math.floor(iters.length / 30)))
          out.push(curvePlot(k));
        out.push(full);
        return out;
      };
      for (const ext of ['svg', 'png', 'gif'])
        writeFigure(join(dir, `mlp-accuracy.${ext}`), full, frames);
      figures.push({
        file: 'mlp-accuracy.gif',
        caption:
          'Test accuracy of the same MLP trained by SGD, Momentum, AdaGrad, RMSprop and Adam (the optimizer exercise), animated',
      });
      figures.push({
        file: 'mlp-accuracy.png',
        caption: `Test accuracy every ${every} iterations`,
      });

      const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gd demo</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}figure{margin:2rem 0}img{max-width:100%;border:1px solid #ddd}figcaption{color:#444}</style></head>
<body><h1>gd demo</h1>
<p>Figures written by <code>gd demo</code>; each also exists as SVG, PNG and GIF in this folder.</p>
${figures.map((f) => `<figure><img src="${escapeHtml(f.file)}" alt="${escapeHtml(f.caption)}"><figcaption>${escapeHtml(f.caption)}</figcaption></figure>`).join('\n')}
</body></html>
`;
      writeAtomic(join(dir, 'index.html'), html);
      say(
        `wrote ${['race', 'mlp-accuracy'].map((b) => `${b}.svg/png/gif`).join(', ')} and index.html to ${dir}/`,
      );
    });
}
