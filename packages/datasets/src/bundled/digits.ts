import { Tensor } from '@gd/tensor';
import { DIGITS } from '../data/digits';
import { type Bunch, type LoadOptions, loadPacked } from './bunch';

/** {@link loadDigits}'s result: a {@link Bunch} plus the pixels as 8×8 images. */
export interface DigitsBunch extends Bunch {
  /** The same pixels as `data`, shape [1797, 8, 8] (shares `data`'s buffer). */
  images: Tensor;
}

/**
 * The UCI optical handwritten digits (bundled, loads synchronously; an offline MNIST stand-in):
 * 1 797 images of 8×8 pixels with integer values 0..16 (counts of on-pixels in 4×4 blocks of a
 * 32×32 bitmap), 10 classes. As scikit-learn's `load_digits`; divide by 16 for [0, 1].
 *
 * Citation: Alpaydin, E., Kaynak, C. (1998), Optical Recognition of Handwritten Digits, UCI
 * Machine Learning Repository. Licence: CC BY 4.0.
 *
 * @param options `dtype` of `data`, default `'float32'`.
 * @returns data [1797, 64], images [1797, 8, 8], target int32 [1797] in 0..9.
 * @example
 * ```ts
 * const { data, images, target } = loadDigits();
 * const x = data.div(16); // pixels in [0, 1]
 * images.shape;           // [1797, 8, 8]
 * ```
 */
export function loadDigits(options: LoadOptions = {}): DigitsBunch {
  const bunch = loadPacked('loadDigits', DIGITS, options);
  return { ...bunch, images: new Tensor(bunch.data.data, [DIGITS.nSamples, 8, 8]) };
}
