import { ShapeError, type Tensor } from '@gd/tensor';
import { TensorDataset } from './dataset';

/**
 * A labelled image dataset (what {@link parseMnist}, `mnist()`, `cifar10()` return): a
 * {@link TensorDataset} over `[images, labels]` that also names its classes, like a torchvision
 * dataset's `data`, `targets` and `classes`.
 *
 * @example
 * ```ts
 * const ds = new ImageDataset(images, labels, ['cat', 'dog']);
 * ds.classNames[ds.labels.data[0]];
 * ```
 */
export class ImageDataset extends TensorDataset<[Tensor, Tensor]> {
  /** Pixels as float32 in [0, 1]: [N, H, W], [N, C, H, W], or [N, features] when flattened. */
  readonly images: Tensor;
  /** Class indices, int32 [N]. */
  readonly labels: Tensor;
  /** Name of each class (index = label). */
  readonly classNames: string[];

  /** Pairs `images` [N, …] with int32 `labels` [N]; throws ShapeError when they do not fit. */
  constructor(images: Tensor, labels: Tensor, classNames: string[]) {
    super(images, labels);
    if (labels.ndim !== 1 || labels.dtype !== 'int32') {
      throw new ShapeError(
        `ImageDataset: labels must be an int32 vector [N], got ${labels.dtype} [${labels.shape.join(', ')}]`,
      );
    }
    this.images = images;
    this.labels = labels;
    this.classNames = classNames;
  }
}
