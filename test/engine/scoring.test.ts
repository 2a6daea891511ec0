import { describe, expect, it } from 'vitest';
import { categoryScores, coverage, gradeOf, projectedGain, statusOf, summarise, weightedScore, type Scored } from '../../src/engine/scoring';

const r = (id: string, weight: number, score: number | null, extra: Partial<Scored> = {}): Scored => ({
  id,
  category: 'people',
  weight,
  score,
  status: score === null ? 'not-assessed' : statusOf(score),
  ...extra,
});

describe('scoring', () => {
  it('is the weighted mean of assessed rules, times 100', () => {
    // (10*1 + 7.5*0.5 + 5*0) / 22.5 = 13.75 / 22.5
    expect(weightedScore([r('a', 10, 1), r('b', 7.5, 0.5), r('c', 5, 0)])).toBeCloseTo(61.111, 3);
  });

  it('leaves not-assessed rules out of the score and lowers coverage instead', () => {
    const rules = [r('a', 10, 1), r('b', 10, null)];
    expect(weightedScore(rules)).toBe(100);
    expect(coverage(rules)).toBe(50);
  });

  it('takes waived and disabled rules out of both score and coverage', () => {
    const rules = [r('a', 10, 1), r('b', 10, 0, { status: 'waived' }), r('c', 5, 0, { status: 'off', score: null })];
    expect(weightedScore(rules)).toBe(100);
    expect(coverage(rules)).toBe(100);
  });

  it('gives an unknown score, not 0 or NaN, when nothing is assessed', () => {
    const s = summarise([r('a', 10, null), r('b', 5, null)]);
    expect(s).toEqual({ score: null, grade: null, gradeCapped: false, coverage: 0, provisional: false });
  });

  it.each([
    [95, 'A'],
    [90, 'A'],
    [89, 'B'],
    [80, 'B'],
    [70, 'C'],
    [69, 'D'],
    [60, 'D'],
    [59, 'F'],
    [0, 'F'],
  ])('grades %i as %s', (score, grade) => {
    expect(gradeOf(score, false)).toEqual({ grade, capped: false });
  });

  it('caps the grade at C while a fatal finding stands, and only then', () => {
    expect(gradeOf(95, true)).toEqual({ grade: 'C', capped: true });
    expect(gradeOf(85, true)).toEqual({ grade: 'C', capped: true });
    expect(gradeOf(72, true)).toEqual({ grade: 'C', capped: false });
    expect(gradeOf(40, true)).toEqual({ grade: 'F', capped: false });
    const s = summarise([r('gtm', 10, 0.4, { fatal: true }), ...Array.from({ length: 10 }, (_, i) => r(`x${i}`, 7.5, 1))]);
    // (10*0.4 + 10*7.5*1) / 85 = 79 / 85 = 92.9 -> 93, an A held at C
    expect(s).toEqual({ score: 93, grade: 'C', gradeCapped: true, coverage: 100, provisional: false });
  });

  it('marks the grade provisional when under half the weight was assessed', () => {
    expect(summarise([r('a', 10, 1), r('b', 10, null)]).provisional).toBe(false);
    expect(summarise([r('a', 10, 1), r('b', 10.5, null)])).toMatchObject({ score: 100, grade: 'A', coverage: 49, provisional: true });
  });

  it('projects the gain of fixing one rule, all else equal', () => {
    const rules = [r('a', 10, 0), r('b', 7.5, 0.5), r('c', 5, 1)];
    // before: (0 + 3.75 + 5) / 22.5 = 38.889; a at 1: (10 + 3.75 + 5) / 22.5 = 83.333
    expect(projectedGain(rules, 'a')).toBe(44.4);
    // b at 1: (0 + 7.5 + 5) / 22.5 = 55.556 -> +16.7
    expect(projectedGain(rules, 'b')).toBe(16.7);
    expect(projectedGain(rules, 'c')).toBe(0);
    expect(projectedGain([...rules, r('d', 5, null)], 'd')).toBe(0);
  });

  it('scores each category by the same formula', () => {
    const cats = categoryScores([
      r('a', 10, 1, { category: 'strategy' }),
      r('b', 10, 0, { category: 'strategy' }),
      r('c', 5, null, { category: 'process' }),
    ]);
    expect(cats.find((c) => c.id === 'strategy')).toMatchObject({ score: 50, coverage: 100, rules: ['a', 'b'] });
    expect(cats.find((c) => c.id === 'process')).toMatchObject({ score: null, coverage: 0 });
    expect(cats.find((c) => c.id === 'people')).toMatchObject({ score: null, coverage: 0, rules: [] });
  });

  it('maps scores to statuses at 0.9 and 0.5', () => {
    expect([1, 0.9, 0.89, 0.5, 0.49, 0].map(statusOf)).toEqual(['pass', 'pass', 'partial', 'partial', 'fail', 'fail']);
  });
});

describe('rule options in the engine', () => {
  it('run with the declared defaults, overridden one by one, and refuse values the declaration rules out', async () => {
    const { resolveOptions } = await import('../../src/engine/define-rule');
    const { default: sellingTime } = await import('../../rules/selling-time');
    expect(resolveOptions(sellingTime, undefined)).toEqual({ ok: true, options: { failBelow: 35, passAbove: 45 } });
    expect(resolveOptions(sellingTime, { passAbove: 50 })).toEqual({ ok: true, options: { failBelow: 35, passAbove: 50 } });
    expect(resolveOptions(sellingTime, { failBelow: 120 })).toEqual({ ok: false, error: 'invalid options: failBelow: expected a number from 0 to 100' });
    expect(resolveOptions(sellingTime, { failBelow: 'lots' })).toEqual({ ok: false, error: 'invalid options: failBelow: expected a number' });
    expect(resolveOptions(sellingTime, { failBellow: 20 })).toEqual({ ok: false, error: 'invalid options: failBellow: not an option of selling-time' });
    expect(resolveOptions(sellingTime, { failBelow: 50, passAbove: 40 })).toEqual({ ok: false, error: 'invalid options: failBelow: expected failBelow to be at most passAbove' });
    const { default: recruiting } = await import('../../rules/continuous-recruiting');
    expect(resolveOptions(recruiting, { maxOpenDays: 30.5 })).toEqual({ ok: false, error: 'invalid options: maxOpenDays: expected a whole number' });
  });
});
