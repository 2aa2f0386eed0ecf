import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Generator, randn, tensor } from '@gd/tensor';
import { describe, expect, it } from 'vitest';
import {
  animateTrajectory,
  contourPlot,
  functionPlot,
  heatmap,
  imageGrid,
  landscape1d,
  landscape2d,
  linePlot,
  surfacePlot,
} from '../src/index';
import { saveGif, savePng, saveSvg } from '../src/node';
import {
  FASHION_CLASSES,
  adam,
  fashionMnist,
  gd1d,
  gifInfo,
  momentum,
  ringImage,
  rosenbrock,
  rosenbrockGrad,
  run2d,
  sgd,
} from './helpers';

const dir = join(import.meta.dirname, '..', 'gallery');
mkdirSync(dir, { recursive: true });

function save(name: string, svg: string): void {
  saveSvg(join(dir, `${name}.svg`), svg);
  savePng(join(dir, `${name}.png`), svg);
  const png = readFileSync(join(dir, `${name}.png`));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
}

describe('gallery: every plot type rendered to packages/viz/gallery', () => {
  it('Rosenbrock contour with SGD, Momentum and Adam', () => {
    const start: [number, number] = [-1.5, 2];
    const svg = contourPlot(rosenbrock, {
      xRange: [-2, 2],
      yRange: [-1, 3],
      levels: 16,
      levelScale: 'log',
      title: 'Rosenbrock: SGD vs Momentum vs Adam',
      xLabel: 'x',
      yLabel: 'y',
      colorbarLabel: 'f(x, y)',
      minimum: [1, 1],
      trajectories: [
        { ...run2d(rosenbrockGrad, start, 1000, sgd(1e-3)), label: 'SGD (η = 0.001)' },
        {
          ...run2d(rosenbrockGrad, start, 1000, momentum(1e-3, 0.9)),
          label: 'Momentum (η = 0.001, μ = 0.9)',
        },
        { ...run2d(rosenbrockGrad, start, 1000, adam(0.02)), label: 'Adam (η = 0.02)' },
      ],
    });
    save('contour-rosenbrock', svg);
    expect(svg.match(/class="trajectory"/g)).toHaveLength(3);
  });

  it('x² + e^-x with the gradient-descent path (the gradient-descent lecture)', () => {
    const f = (x: number) => x * x + Math.exp(-x);
    const xs = gd1d((x) => 2 * x - Math.exp(-x), 3, 0.1, 25);
    const svg = functionPlot(f, {
      domain: [-1, 3.5],
      title: 'Gradient descent on f(x) = x² + e⁻ˣ',
      xLabel: 'x',
      yLabel: 'f(x)',
      labels: ['f(x) = x² + e⁻ˣ'],
      path: { x: xs, label: 'gradient descent, η = 0.1' },
      annotations: [{ text: 'x* ≈ 0.3517', xy: [0.3517, f(0.3517)], xyText: [-0.8, 6] }],
    });
    save('function-gd', svg);
    expect(svg).toContain('class="path-end"');
  });

  it('d2l: local and global minimum, saddle point, vanishing gradient', () => {
    const f = (x: number) => x * Math.cos(Math.PI * x);
    save(
      'd2l-minima',
      functionPlot(f, {
        domain: [-1, 2],
        xLabel: 'x',
        yLabel: 'f(x)',
        annotations: [
          { text: 'local minimum', xy: [-0.3, -0.25], xyText: [-0.77, -1.0] },
          { text: 'global minimum', xy: [1.1, -0.95], xyText: [0.6, 0.8] },
        ],
      }),
    );
    save(
      'd2l-saddle',
      functionPlot((x) => x ** 3, {
        domain: [-2, 2],
        xLabel: 'x',
        yLabel: 'f(x)',
        annotations: [{ text: 'saddle point', xy: [0, -0.2], xyText: [-0.52, -5.0] }],
      }),
    );
    save(
      'd2l-vanishing',
      functionPlot(Math.tanh, {
        domain: [-2, 5],
        xLabel: 'x',
        yLabel: 'f(x)',
        annotations: [{ text: 'vanishing gradient', xy: [4, 1], xyText: [2, 0.0] }],
      }),
    );
    const g = (x: number) => f(x) + 0.2 * Math.cos(5 * Math.PI * x);
    save(
      'd2l-risk',
      functionPlot([f, g], {
        domain: [0.5, 1.5],
        width: 520,
        height: 320,
        xLabel: 'x',
        yLabel: 'risk',
        labels: ['risk', 'empirical risk'],
        styles: [{}, { dash: 'dashed' }],
        annotations: [
          { text: 'min of\nempirical risk', xy: [1.0, -1.2], xyText: [0.5, -1.1] },
          { text: 'min of risk', xy: [1.1, -1.05], xyText: [0.95, -0.5] },
        ],
      }),
    );
  });

  it('saddle surface x² − y² (wireframe and shaded)', () => {
    const saddle = (x: number, y: number) => x * x - y * y;
    save(
      'surface-saddle',
      surfacePlot(saddle, {
        xRange: [-1, 1],
        yRange: [-1, 1],
        title: 'Saddle point of x² − y²',
        points: [{ x: 0, y: 0, z: 0, marker: 'cross', color: '#D55E00' }],
      }),
    );
    save(
      'surface-saddle-shaded',
      surfacePlot(saddle, {
        xRange: [-1, 1],
        yRange: [-1, 1],
        fill: 'colormap',
        azimuth: -50,
        elevation: 25,
      }),
    );
  });

  it('loss landscape heatmap, contour and 1-D slice of a small linear model', () => {
    // cs231n's slices: the multiclass SVM loss of a linear classifier on overlapping classes
    const gen = new Generator(0);
    const N = 60;
    const pts = randn([N, 2], { dtype: 'float64', generator: gen }).data;
    const X = Array.from({ length: N }, (_, n) => [
      pts[2 * n] + (n % 3) - 1,
      pts[2 * n + 1] + ((n % 3) - 1) * 0.5,
    ]);
    const yTrue = X.map((_, n) => n % 3);
    const W = tensor(
      [
        [-0.1, 0.05],
        [0.02, 0.01],
        [0.1, 0.04],
      ],
      { dtype: 'float64' },
    );
    const svmLoss = (params: { data: ArrayLike<number> }[]) => {
      const w = params[0].data;
      let total = 0;
      X.forEach((x, n) => {
        const s = [0, 1, 2].map((c) => w[c * 2] * x[0] + w[c * 2 + 1] * x[1]);
        for (let c = 0; c < 3; c++)
          if (c !== yTrue[n]) total += Math.max(0, s[c] - s[yTrue[n]] + 1);
      });
      return total / X.length;
    };
    const grid = landscape2d(svmLoss, [W], {
      steps: 61,
      xRange: [-3, 3],
      yRange: [-3, 3],
      generator: gen,
      normalization: 'none',
    });
    save(
      'landscape-heatmap',
      heatmap(grid, {
        title: 'SVM loss on a 2-D slice',
        xLabel: 'α',
        yLabel: 'β',
        colorbarLabel: 'loss',
      }),
    );
    save(
      'landscape-contour',
      contourPlot(grid, {
        title: 'The same slice as contours',
        xLabel: 'α',
        yLabel: 'β',
        levels: 10,
      }),
    );
    const one = landscape1d(svmLoss, [W], {
      range: [-3, 3],
      steps: 121,
      generator: gen,
      normalization: 'none',
    });
    save(
      'landscape-1d',
      linePlot(
        { x: one.alphas, y: one.losses, label: 'L(W + αW₁)' },
        { title: '1-D loss slice', xLabel: 'α', yLabel: 'loss' },
      ),
    );
  });

  it('accuracy curves every 10 iterations (the optimizer exercise) and an LR step schedule (the optimizers seminar)', () => {
    const it10 = Array.from({ length: 100 }, (_, i) => i * 10);
    const gen = new Generator(1);
    const noise = () => gen.random() * 0.04 - 0.02;
    const train = it10.map((i) => Math.min(1, 0.1 + 0.85 * (1 - Math.exp(-i / 180)) + noise() * 2));
    const test = it10.map((i) => 0.1 + 0.82 * (1 - Math.exp(-i / 200)) + noise());
    save(
      'accuracy',
      linePlot(
        [
          { x: it10, y: train, label: 'training set' },
          { x: it10, y: test, label: 'test set' },
        ],
        {
          title: 'accuracy',
          xLabel: 'count',
          yLabel: 'accuracy',
          yLim: [0, 1],
          legend: 'lower right',
        },
      ),
    );
    const epochs = Array.from({ length: 100 }, (_, e) => e);
    const step = epochs.map((e) => 0.1 * 0.1 ** Math.floor(e / 30));
    const lambda = epochs.map((e) => 0.1 * 0.95 ** e);
    save(
      'lr-schedule',
      linePlot(
        [
          { x: epochs, y: step, label: 'StepLR(stepSize = 30, γ = 0.1)', step: 'post' },
          { x: epochs, y: lambda, label: 'LambdaLR(0.95^epoch)', dash: 'dashed' },
        ],
        {
          title: 'Learning-rate schedules',
          xLabel: 'epoch',
          yLabel: 'learning rate',
          yScale: 'log',
        },
      ),
    );
    const loss = it10.map((i) => 2.3 * Math.exp(-i / 150) + 0.05 + Math.abs(noise()));
    save(
      'loss-log',
      linePlot(
        { x: it10, y: loss, label: 'training loss', marker: 'circle', markerSize: 4 },
        { xLabel: 'iteration', yLabel: 'loss', yScale: 'log' },
      ),
    );
  });

  it('image grid of Fashion-MNIST with predictions', () => {
    const ds = fashionMnist(16);
    const images = ds ? ds.images : Array.from({ length: 16 }, (_, i) => ringImage(4 + (i % 8)));
    const labels = ds ? ds.labels : images.map((_, i) => i % 10);
    const predictions = labels.map((l, i) => (i % 5 === 3 ? (l + 1) % 10 : l));
    const svg = imageGrid(
      images.map((d) => ({ data: d, width: 28, height: 28 })),
      {
        labels,
        predictions,
        classNames: FASHION_CLASSES,
        title: 'Fashion-MNIST: prediction (truth)',
        columns: 8,
      },
    );
    save('image-grid', svg);
    expect(svg.match(/class="image"/g)).toHaveLength(16);
  });

  it("GIF of gradient descent on the linear-regression loss (the gradient-descent lecture's Logger)", () => {
    const xData = [10, 2, 5, 10, 10, 5];
    const yData = [12, 4, 8, 12, 11, 4];
    const loss = (a: number) =>
      xData.reduce((s, x, i) => s + (yData[i] - a * x) ** 2, 0) / xData.length;
    const dloss = (a: number) =>
      xData.reduce((s, x, i) => s - 2 * x * yData[i] + 2 * a * x * x, 0) / xData.length;
    const path = gd1d(dloss, -4, 0.001, 50);
    const frames = animateTrajectory({
      f: loss,
      domain: [-10, 10],
      path,
      label: 'gradient descent',
      xLabel: 'a',
      yLabel: 'loss(a)',
      width: 480,
      height: 320,
      frames: 26,
    });
    saveGif(join(dir, 'linreg.gif'), frames, { fps: 10 });
    savePng(join(dir, 'linreg-last-frame.png'), frames[frames.length - 1]);
    const info = gifInfo(readFileSync(join(dir, 'linreg.gif')));
    expect(info).toMatchObject({ width: 480, height: 320, frames: 26 });
    const f2 = animateTrajectory({
      f: rosenbrock,
      xRange: [-2, 2],
      yRange: [-1, 3],
      levelScale: 'log',
      levels: 12,
      width: 480,
      height: 360,
      frames: 20,
      trajectories: [
        { ...run2d(rosenbrockGrad, [-1.5, 2], 300, momentum(1.5e-3, 0.9)), label: 'Momentum' },
        { ...run2d(rosenbrockGrad, [-1.5, 2], 300, adam(0.02)), label: 'Adam' },
      ],
    });
    saveGif(join(dir, 'rosenbrock.gif'), f2, { fps: 8 });
    expect(gifInfo(readFileSync(join(dir, 'rosenbrock.gif'))).frames).toBe(20);
  });
});
