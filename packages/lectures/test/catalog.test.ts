import { GdError } from '@gd/errors';
import { describe, expect, it } from 'vitest';
import { LectureError, lectureInfo, lectures } from '../src/catalog';

describe('lectures', () => {
  it('lists the five lectures in teaching order with their titles', () => {
    expect(lectures.map((l) => [l.name, l.title])).toEqual([
      ['cs231n', 'cs231n: Optimization'],
      ['gradient-descent', 'Gradient descent lecture'],
      ['optimizers', 'Optimizers for deep learning (seminar)'],
      ['d2l', 'd2l: Optimization and deep learning'],
      ['mlp-exercise', 'Optimizer exercise: MLP on MNIST'],
    ]);
  });

  it('gives each lecture its Japanese title and a summary, and never a "seed" number', () => {
    for (const l of lectures) {
      expect(l.titleJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(l.summary.length).toBeGreaterThan(40);
      expect(`${l.title} ${l.summary}`).not.toMatch(/seed 00/i);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(lectures)).toBe(true);
  });
});

describe('lectureInfo', () => {
  it('finds a lecture by name', () => {
    expect(lectureInfo('d2l').title).toBe('d2l: Optimization and deep learning');
  });

  it('throws a LectureError naming the lectures for an unknown name', () => {
    expect(() => lectureInfo('cs229')).toThrow(LectureError);
    expect(() => lectureInfo('cs229')).toThrow(
      "lecture: unknown lecture 'cs229'; use one of cs231n, gradient-descent, optimizers, d2l, mlp-exercise",
    );
    try {
      lectureInfo('');
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect(e).toBeInstanceOf(GdError);
      expect((e as LectureError).code).toBe('ERR_GD_LECTURE');
      expect((e as LectureError).name).toBe('LectureError');
      expect((e as LectureError).names).toHaveLength(5);
    }
  });
});
