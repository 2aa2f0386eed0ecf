// Draws every figure of the guides from real runs of the guides' own code (docs/snippets) with
// @gd/viz, at build time, into docs/public/figures/ (gitignored). English figures are SVG; the
// Japanese ones (`*.ja.png`) are PNGs rendered with Noto Sans JP from npm, so no glyph is a box.
//   pnpm --filter @gd/docs figures
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type Annotation,
  type Series,
  animateTrajectory,
  contourPlot,
  functionPlot,
  heatmap,
  linePlot,
  surfacePlot,
} from '@gd/viz';
import { saveGif, savePng, saveSvg } from '@gd/viz/node';
import { empiricalRisk, risk, saddleAtOrigin, tanhSlope } from '../../../docs/snippets/challenges';
import {
  descend,
  fitAdSpend,
  spend,
  square,
  visitors,
  wavy,
  wavyStarts,
} from '../../../docs/snippets/gradient-descent';
import {
  compareStrategies,
  lossSlices,
  stepSizeSweep,
} from '../../../docs/snippets/linear-classifier';
import { optimizers, train } from '../../../docs/snippets/mlp-optimizers';
import {
  family,
  scheduleCurves,
  start,
  trajectory,
  valley,
} from '../../../docs/snippets/optimizers';

const out = join(import.meta.dirname, '../../../docs/public/figures');
mkdirSync(out, { recursive: true });
const noto = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
);
/** Browsers pick the first family they have; resvg gets the TTF itself. */
const jaTheme = {
  fontFamily: "'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, 'DejaVu Sans', sans-serif",
};

type Lang = 'en' | 'ja';
/** Writes `name.svg` (English) and `name.ja.png` (Japanese) from one drawing function. */
function figure(name: string, draw: (lang: Lang, t: (en: string, ja: string) => string) => string) {
  const t0 = Date.now();
  saveSvg(
    join(out, `${name}.svg`),
    draw('en', (en) => en),
  );
  savePng(
    join(out, `${name}.ja.png`),
    draw('ja', (_, ja) => ja),
    { scale: 1.5, fontFiles: [noto] },
  );
  console.log(`  ${name} (${Date.now() - t0} ms)`);
}
const theme = (lang: Lang) => (lang === 'ja' ? jaTheme : {});
const plain = (f: (v: number) => number) => f;

console.log('figures →', out);

// Guide 1: gradient descent from scratch.
const xsSquare = descend(square, 3, 0.1, 100);
figure('gd-square', (lang, t) =>
  functionPlot(
    plain((x) => x * x),
    {
      domain: [-3.5, 3.5],
      path: { x: xsSquare.slice(0, 21), label: t('x₀ … x₂₀ (η = 0.1)', 'x₀ … x₂₀（η = 0.1）') },
      title: t('Gradient descent on f(x) = x²', 'f(x) = x² の勾配降下法'),
      xLabel: 'x',
      yLabel: 'f(x)',
      theme: theme(lang),
    },
  ),
);
const wavyFn = (x: number) => (x * x) / 10 + 10 * Math.sin((x * x) / 4);
figure('gd-wavy', (lang, t) =>
  functionPlot(wavyFn, {
    domain: [-6, 6],
    path: wavyStarts.map((x0) => ({
      x: descend(wavy, x0, 0.05, 200),
      label: t(`start ${x0}`, `初期値 ${x0}`),
    })),
    title: t(
      'x²/10 + 10 sin(x²/4): each start finds its own valley',
      'x²/10 + 10 sin(x²/4)：初期値ごとに別の谷へ',
    ),
    xLabel: 'x',
    yLabel: 'f(x)',
    theme: theme(lang),
  }),
);
const ad = fitAdSpend();
const adLoss = (a: number) =>
  spend.reduce((s, x, i) => s + (visitors[i] - a * x) ** 2, 0) / spend.length;
saveGif(
  join(out, 'adspend.gif'),
  animateTrajectory({
    f: adLoss,
    domain: [-10, 10],
    path: ad.path,
    label: 'a',
    title: 'L(a) = mean (y − a·x)², a₀ = −4, η = 0.001',
    xLabel: 'a',
    yLabel: 'L(a)',
    frames: 51,
  }),
  { fps: 10 },
);
console.log('  adspend.gif');

// Guide 2: a linear classifier (cs231n).
const strategies = compareStrategies(1000);
figure('strategies', (lang, t) =>
  linePlot(
    [
      { y: strategies.random.curve, label: t('random search', 'ランダム探索') },
      { y: strategies.local.curve, label: t('random local search', 'ランダム局所探索') },
      { y: strategies.gradient.curve, label: t('following the gradient', '勾配に従う') },
    ],
    {
      title: t(
        'Multiclass SVM loss on the digits, 1000 steps',
        '数字データの多クラス SVM 損失（1000 ステップ）',
      ),
      xLabel: t('step', 'ステップ'),
      yLabel: t('best loss so far', 'これまでの最小損失'),
      yScale: 'log',
      theme: theme(lang),
    },
  ),
);
const sweep = stepSizeSweep();
figure('step-sizes', (lang, t) =>
  linePlot(
    { x: sweep.rows.map((r) => r.step), y: sweep.rows.map((r) => r.loss), marker: 'circle' },
    {
      title: t('Loss after one step of size η along −∇L', '−∇L 方向に 1 ステップ進んだ後の損失'),
      xLabel: t('step size η', 'ステップ幅 η'),
      yLabel: t('loss', '損失'),
      xScale: 'log',
      yScale: 'log',
      theme: theme(lang),
    },
  ),
);
const slices = lossSlices();
figure('svm-slice-1d', (lang, t) =>
  linePlot(
    [
      { x: slices.t, y: slices.oneExample, label: t('one example', '1 例') },
      { x: slices.t, y: slices.hundredExamples, label: t('mean of 100 examples', '100 例の平均') },
    ],
    {
      title: t(
        'SVM loss along a random direction: L(W + a·d)',
        'ランダムな方向に沿った SVM 損失 L(W + a·d)',
      ),
      xLabel: 'a',
      yLabel: t('loss', '損失'),
      theme: theme(lang),
    },
  ),
);
figure('svm-slice-2d', (lang, t) =>
  heatmap(slices.plane, {
    title: t('SVM loss over a plane: L(W + a·d₁ + b·d₂)', '平面上の SVM 損失 L(W + a·d₁ + b·d₂)'),
    xLabel: 'a',
    yLabel: 'b',
    theme: theme(lang),
  }),
);

// Guide 3: the optimizer family.
const runs = family.map(({ name, make }) => ({ name, ...trajectory(valley, make) }));
figure('family-paths', (lang, t) =>
  contourPlot((x, y) => 0.1 * x * x + 2 * y * y, {
    xRange: [-5, 1.5],
    yRange: [-2.5, 2.5],
    levelScale: 'log',
    minimum: [0, 0],
    trajectories: runs.map((r) => ({ x: r.xs, y: r.ys, label: r.name })),
    title: t(
      `0.1x² + 2y² from (${start.join(', ')}), 60 steps`,
      `0.1x² + 2y²（初期値 (${start.join(', ')})、60 ステップ）`,
    ),
    xLabel: 'x',
    yLabel: 'y',
    theme: theme(lang),
  }),
);
figure('family-loss', (lang, t) =>
  linePlot(
    runs.map((r): Series => ({ y: r.losses, label: r.name })),
    {
      title: t('Loss per step', 'ステップごとの損失'),
      xLabel: t('step', 'ステップ'),
      yLabel: t('loss', '損失'),
      yScale: 'log',
      theme: theme(lang),
    },
  ),
);
const schedules = scheduleCurves();
figure('schedules', (lang, t) =>
  linePlot(
    Object.entries(schedules).map(([label, y]): Series => ({ y, label, step: 'post' })),
    {
      title: t('Learning rate per epoch', 'エポックごとの学習率'),
      xLabel: t('epoch', 'エポック'),
      yLabel: t('learning rate', '学習率'),
      theme: theme(lang),
    },
  ),
);

// Guide 4: optimisation challenges (d2l).
const ann = (
  lang: Lang,
  list: [string, string, [number, number], [number, number]][],
): Annotation[] =>
  list.map(([en, ja, xy, xyText]) => ({ text: lang === 'en' ? en : ja, xy, xyText }));
figure('risk', (lang, t) =>
  functionPlot([risk, empiricalRisk], {
    domain: [0.5, 1.5],
    labels: [t('risk f', 'リスク f'), t('empirical risk g', '経験リスク g')],
    annotations: ann(lang, [
      ['min of\nempirical risk', '経験リスクの\n最小値', [1.0, -1.2], [0.5, -1.1]],
      ['min of risk', 'リスクの最小値', [1.1, -1.05], [0.95, -0.5]],
    ]),
    xLabel: 'x',
    yLabel: t('risk', 'リスク'),
    theme: theme(lang),
  }),
);
figure('local-minima', (lang, t) =>
  functionPlot(risk, {
    domain: [-1, 2],
    annotations: ann(lang, [
      ['local minimum', '局所的最小値', [-0.3, -0.25], [-0.77, -1.0]],
      ['global minimum', '大域的最小値', [1.1, -0.95], [0.6, 0.8]],
    ]),
    title: t('f(x) = x·cos(πx)', 'f(x) = x·cos(πx)'),
    xLabel: 'x',
    yLabel: 'f(x)',
    theme: theme(lang),
  }),
);
figure('saddle-cubic', (lang, t) =>
  functionPlot(
    plain((x) => x ** 3),
    {
      domain: [-2, 2],
      annotations: ann(lang, [['saddle point', '鞍点', [0, -0.2], [-0.52, -5.0]]]),
      title: t('f(x) = x³', 'f(x) = x³'),
      xLabel: 'x',
      yLabel: 'f(x)',
      theme: theme(lang),
    },
  ),
);
const saddle = saddleAtOrigin();
figure('saddle-surface', (lang, t) =>
  surfacePlot((x, y) => x * x - y * y, {
    xRange: [-1, 1],
    yRange: [-1, 1],
    title: t(
      `x² − y²: Hessian eigenvalues ${saddle.eigenvalues.join(', ')} at (0, 0)`,
      `x² − y²：(0, 0) でのヘッセ行列の固有値 ${saddle.eigenvalues.join(', ')}`,
    ),
    xLabel: 'x',
    yLabel: 'y',
    theme: theme(lang),
  }),
);
figure('vanishing', (lang, t) =>
  functionPlot(Math.tanh, {
    domain: [-2, 5],
    annotations: ann(lang, [
      [
        `vanishing gradient\ntanh′(4) = ${tanhSlope(4).toFixed(4)}`,
        `勾配消失\ntanh′(4) = ${tanhSlope(4).toFixed(4)}`,
        [4, 1],
        [2, 0],
      ],
    ]),
    title: t('f(x) = tanh(x)', 'f(x) = tanh(x)'),
    xLabel: 'x',
    yLabel: 'f(x)',
    theme: theme(lang),
  }),
);

// Guide 5: optimizers on an MLP.
const curves = Object.entries(optimizers).map(([name, make]) => ({ name, acc: train(make) }));
figure('mlp-accuracy', (lang, t) =>
  linePlot(
    curves.map(
      ({ name, acc }): Series => ({ x: acc.map((_, i) => (i + 1) * 10), y: acc, label: name }),
    ),
    {
      title: t(
        'Test accuracy, 64-40-20-10 sigmoid MLP on the digits',
        'テスト正解率（数字データ、64-40-20-10 シグモイド MLP）',
      ),
      xLabel: t('iteration', '反復回数'),
      yLabel: t('accuracy', '正解率'),
      yLim: [0, 1],
      legend: 'lower right',
      theme: theme(lang),
    },
  ),
);
for (const { name, acc } of curves) console.log(`  ${name}: final test accuracy ${acc.at(-1)}`);
