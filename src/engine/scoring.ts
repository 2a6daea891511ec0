// All the arithmetic of the report in one pure module (the Lighthouse and
// Scorecard formula): weighted mean over assessed, unwaived rules; coverage
// beside it; the grade with its cap; the projected gain of fixing each rule.
import { CATEGORIES, type Category, type CategoryScore, type Grade, type Status } from './types';

export interface Scored {
  id: string;
  category: Category;
  weight: number;
  status: Status;
  /** In [0, 1] or null. */
  score: number | null;
  fatal?: boolean;
}

/** Rules that count towards the score: assessed, not waived, not off. */
const counts = (r: Scored) => r.score !== null && (r.status === 'pass' || r.status === 'partial' || r.status === 'fail');
/** Rules whose weight is part of the total for coverage (waived and off rules are out of scope). */
const inScope = (r: Scored) => r.status !== 'waived' && r.status !== 'off';

export const PASS_AT = 0.9;
export const PARTIAL_AT = 0.5;

export function statusOf(score: number): 'pass' | 'partial' | 'fail' {
  return score >= PASS_AT ? 'pass' : score >= PARTIAL_AT ? 'partial' : 'fail';
}

export function weightedScore(rules: readonly Scored[]): number | null {
  let num = 0;
  let den = 0;
  for (const r of rules) {
    if (!counts(r)) continue;
    num += r.weight * r.score!;
    den += r.weight;
  }
  return den === 0 ? null : (100 * num) / den;
}

export function coverage(rules: readonly Scored[]): number {
  let assessed = 0;
  let total = 0;
  for (const r of rules) {
    if (!inScope(r)) continue;
    total += r.weight;
    if (counts(r)) assessed += r.weight;
  }
  return total === 0 ? 0 : Math.round((100 * assessed) / total);
}

export const GRADE_BANDS: readonly [Grade, number][] = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
  ['F', 0],
];
/** While a fatal finding stands the grade is at most this. */
export const FATAL_CAP: Grade = 'C';

export function gradeOf(score: number, fatal: boolean): { grade: Grade; capped: boolean } {
  const raw = GRADE_BANDS.find(([, min]) => score >= min)![0];
  if (fatal && raw < FATAL_CAP) return { grade: FATAL_CAP, capped: true };
  return { grade: raw, capped: false };
}

/**
 * Points the overall (unrounded) score would rise if this rule reached 1,
 * all else equal, rounded to one decimal.
 */
export function projectedGain(rules: readonly Scored[], id: string): number {
  const before = weightedScore(rules);
  const target = rules.find((r) => r.id === id);
  if (before === null || !target || !counts(target)) return 0;
  const after = weightedScore(rules.map((r) => (r.id === id ? { ...r, score: 1, status: 'pass' as const } : r)))!;
  return Math.round((after - before) * 10) / 10;
}

export function categoryScores(rules: readonly Scored[]): CategoryScore[] {
  return (Object.keys(CATEGORIES) as Category[]).map((id) => {
    const inCat = rules.filter((r) => r.category === id);
    const s = weightedScore(inCat);
    return { id, title: CATEGORIES[id], score: s === null ? null : Math.round(s), coverage: coverage(inCat), rules: inCat.map((r) => r.id) };
  });
}

/** Under this coverage (%) the grade is marked provisional. */
export const PROVISIONAL_BELOW = 50;

export function summarise(rules: readonly Scored[]) {
  const raw = weightedScore(rules);
  const score = raw === null ? null : Math.round(raw);
  const fatal = rules.some((r) => r.fatal);
  const g = score === null ? null : gradeOf(score, fatal);
  const cov = coverage(rules);
  return { score, grade: g?.grade ?? null, gradeCapped: g?.capped ?? false, coverage: cov, provisional: score !== null && cov < PROVISIONAL_BELOW };
}
