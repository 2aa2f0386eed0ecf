import { GdRangeError } from '@gd/errors';

/** One lecture that gd reproduces: its command name, its titles and what its experiments show. */
export interface LectureInfo {
  /** Command name, as in `gd lecture <name>`. */
  name: LectureName;
  /** English title. */
  title: string;
  /** The title the lecture gives itself (Japanese). */
  titleJa: string;
  /** One sentence on what gd reproduces. */
  summary: string;
}

/** Names of the lectures, in the order they are taught. */
export type LectureName = 'cs231n' | 'gradient-descent' | 'optimizers' | 'd2l' | 'mlp-exercise';

/**
 * The five lectures whose experiments this package reproduces, in teaching order.
 *
 * @example
 * ```ts
 * for (const l of lectures) console.log(`${l.name.padEnd(18)} ${l.title}`);
 * ```
 */
export const lectures: readonly LectureInfo[] = Object.freeze([
  {
    name: 'cs231n',
    title: 'cs231n: Optimization',
    titleJa: '最適化:確率勾配降下法',
    summary:
      'Loss slices of the multiclass SVM, random search vs random local search vs gradient following, numerical vs analytic gradients, the step-size sweep and minibatch gradient descent, on the bundled digits in place of CIFAR-10.',
  },
  {
    name: 'gradient-descent',
    title: 'Gradient descent lecture',
    titleJa: '機械学習講習会 第二回「勾配降下法」',
    summary:
      'Gradient descent on x² and x² + e^-x (the printed x₁₀₀₀ … x₁₀₀₀₀ table), the non-convex x²/10 + 10 sin(x²/4) and its local minima, the ad-spend regression and the animated descent.',
  },
  {
    name: 'optimizers',
    title: 'Optimizers for deep learning (seminar)',
    titleJa: '深層学習のための最適化',
    summary:
      'GD, SGD, Momentum, NAG, AdaGrad, RMSprop and Adam racing on one surface, the LambdaLR and StepLR schedules, and the linear program solved with a log-barrier method.',
  },
  {
    name: 'd2l',
    title: 'd2l: Optimization and deep learning',
    titleJa: '最適化とディープラーニング',
    summary:
      'Risk vs empirical risk, local minima, saddle points with their Hessian eigenvalues, and vanishing gradients.',
  },
  {
    name: 'mlp-exercise',
    title: 'Optimizer exercise: MLP on MNIST',
    titleJa: '学習率最適化手法',
    summary:
      'A 784-40-20-10 sigmoid MLP trained with SGD, Momentum, AdaGrad, RMSProp and Adam under the exercise’s update rules, with train/test accuracy every 10 iterations.',
  },
] as const satisfies readonly LectureInfo[]);

/**
 * Thrown for an unknown lecture name; the message lists the names there are.
 *
 * @example
 * ```ts
 * try { lectureInfo('cs229'); } catch (e) { if (e instanceof LectureError) console.log(e.names); }
 * ```
 */
export class LectureError extends GdRangeError {
  /** Always `'LectureError'`. */
  override name = 'LectureError';
  /** Always `'ERR_GD_LECTURE'`. */
  override readonly code: string = 'ERR_GD_LECTURE';
  /** The lecture names that exist. */
  readonly names: readonly string[];

  constructor(message: string, names: readonly string[] = lectures.map((l) => l.name)) {
    super(message);
    this.names = names;
  }
}

/**
 * Looks a lecture up by name.
 *
 * @throws LectureError for a name that is not one of {@link lectures}.
 * @example
 * ```ts
 * lectureInfo('d2l').title; // 'd2l: Optimization and deep learning'
 * ```
 */
export function lectureInfo(name: string): LectureInfo {
  const found = lectures.find((l) => l.name === name);
  if (found === undefined) {
    const names = lectures.map((l) => l.name);
    throw new LectureError(
      `lecture: unknown lecture '${String(name)}'; use one of ${names.join(', ')}`,
      names,
    );
  }
  return found;
}
