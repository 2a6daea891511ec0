// All the arithmetic of the report in one pure module. The headline is points
// earned out of points applicable (the Lighthouse and OpenSSF Scorecard
// weighted mean, with an unknown earning nothing instead of leaving the
// denominator): every rule and check that applies is in the denominator, a
// known check earns its score, an unknown one earns nothing, and one that does
// not apply leaves. So making a fact unknown can never raise the headline.
import { CATEGORIES, type Category, type CategoryScore, type CheckOut, type CheckResult, type Grade, type Status } from './types';

/** A rule as the arithmetic sees it. */
export interface Scored {
  id: string;
  category: Category;
  weight: number;
  status: Status;
  /** Earned, in [0, 1]; null when the rule is out of the denominator (off, waived, not applicable). */
  score: number | null;
  /** Reachable once every unknown is known, in [0, 1]; null as score. */
  upTo: number | null;
  /** Known share of the rule's applicable weight, in [0, 1]. */
  known: number;
  /** A critical rule (a failure caps the grade). */
  critical?: boolean;
  /** A failing critical rule. */
  fatal?: boolean;
}

export const PASS_AT = 0.9;
export const PARTIAL_AT = 0.5;

export function statusOf(score: number): 'pass' | 'partial' | 'fail' {
  return score >= PASS_AT ? 'pass' : score >= PARTIAL_AT ? 'partial' : 'fail';
}

/**
 * A rule's verdict from its tally: pass, partial or fail on the mean of what is
 * known (`knownMean`, [0, 1]), but a pass only when the points earned (`score`,
 * [0, 1], unknowns earning nothing) reach the bar as well; a known pass held
 * under it by unknowns is `incomplete`. A consultant signs off a pass on
 * evidence, not on a tenth of it.
 */
export function verdictOf(knownMean: number, score: number): 'pass' | 'partial' | 'fail' | 'incomplete' {
  const s = statusOf(knownMean);
  return s === 'pass' && score < PASS_AT - 1e-9 ? 'incomplete' : s;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
// A check's weight to 6 places: to 3, 128 reps' shares (0.0078125 each, shown 0.008) summed to 1.024, and a reader
// could not recompute the rule's score from the report.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A score in 0..100 as the report shows it: rounded, except that anything short
 * of full marks shows at most 99. "100/100" says nothing is left to fix; two
 * open findings on rules at 97% and 98% must not read as that.
 */
export const shownScore = (x: number): number => (x < 100 - 1e-9 ? Math.min(99, Math.round(x)) : 100);

/** A rule's checks added up: earned, reachable, known share, and each check as the report shows it. */
export interface RuleTally {
  /** Earned out of applicable, [0, 1]; null when no check applies. */
  score: number | null;
  /** Reachable, [0, 1]; null when no check applies. */
  upTo: number | null;
  /** Known share of the applicable weight, [0, 1] (0 when none applies). */
  known: number;
  /** The mean over what is known, [0, 1]; null when nothing is known. Decides pass/partial/fail. */
  knownMean: number | null;
  checks: CheckResult[];
  missing: string[];
  /** Each check's share of the rule as the arithmetic uses it, unrounded, in [0, 1] (0 when it does not apply); in step with `checks`. */
  shares: number[];
}

/**
 * Adds up a rule's checks. A check's score is a point (known) or a range
 * [worst, best] (partly known: it earns the worst). Throws on a score outside
 * [0, 1], a reversed range or a non-positive weight (a rule bug: the engine
 * reports it as the rule's error).
 */
export function tally(checks: readonly CheckOut[]): RuleTally {
  let den = 0;
  for (const c of checks) {
    const w = c.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w)) throw new Error(`check "${c.id}" has weight ${w}`);
    if (c.notApplicable === undefined) den += w;
  }
  let earned = 0;
  let reach = 0;
  let known = 0;
  let knownEarned = 0;
  const missing: string[] = [];
  // Beside `missing`, for the look-up: a per-person check can lack thousands of facts.
  const missingSet = new Set<string>();
  const shares: number[] = [];
  const out: CheckResult[] = checks.map((c) => {
    const w = c.weight ?? 1;
    shares.push(c.notApplicable === undefined ? w / den : 0);
    if (c.notApplicable !== undefined) return { id: c.id, weight: 0, status: 'not-applicable', score: null, upTo: null, missing: [], reason: c.notApplicable };
    // Two numbers, not a pair made per check (once per person per rule on a large roster).
    const lo = typeof c.score === 'number' ? c.score : c.score ? c.score[0] : 0;
    const hi = typeof c.score === 'number' ? c.score : c.score ? c.score[1] : 1;
    if (!(lo >= 0 && hi <= 1 && lo <= hi)) throw new Error(`check "${c.id}" has score ${JSON.stringify(c.score)}`);
    const share = w / den;
    earned += share * lo;
    reach += share * hi;
    const k = share * (1 - (hi - lo));
    known += k;
    // The known part of a partly known check is counted at its worst: an unknown earns nothing.
    knownEarned += share * lo;
    const facts = hi > lo ? (c.unknown ?? []) : [];
    for (const f of facts)
      if (!missingSet.has(f)) {
        missingSet.add(f);
        missing.push(f);
      }
    return {
      id: c.id,
      weight: round6(share),
      status: hi === lo ? 'known' : lo === 0 && hi === 1 ? 'not-assessed' : 'partly-known',
      score: round3(lo),
      upTo: round3(hi),
      missing: facts,
    };
  });
  if (den === 0) return { score: null, upTo: null, known: 0, knownMean: null, checks: out, missing, shares };
  // Sums of shares carry float error that depends on how many checks there are (ten people's 0.05 shares add up to
  // 0.9374999... where nine people's 1/9 give 0.9375): snapped to 1e-9, a roster's size never moves the score shown
  // (deleting a person raised role-title-fit 0.937 -> 0.938).
  const snap = (x: number) => Math.round(x * 1e9) / 1e9;
  return { score: snap(earned), upTo: snap(reach), known, knownMean: known > 1e-9 ? Math.min(1, knownEarned / known) : null, checks: out, missing, shares };
}

/** In the denominator: applies, not waived, not off. A rule in error counts as unknown. */
const inScope = (r: Scored) => r.status !== 'waived' && r.status !== 'off' && r.status !== 'not-applicable';
const earnedOf = (r: Scored) => (r.status === 'error' ? 0 : (r.score ?? 0));
const upToOf = (r: Scored) => (r.status === 'error' ? 1 : (r.upTo ?? 1));
const knownOf = (r: Scored) => (r.status === 'error' ? 0 : r.known);

/** Headline figures over some rules, in 0..100 (unrounded); null when none applies. */
export function headline(rules: readonly Scored[]): { score: number; upTo: number; coverage: number } | null {
  let den = 0;
  let earned = 0;
  let reach = 0;
  let known = 0;
  for (const r of rules) {
    if (!inScope(r)) continue;
    den += r.weight;
    earned += r.weight * earnedOf(r);
    reach += r.weight * upToOf(r);
    known += r.weight * knownOf(r);
  }
  if (den === 0) return null;
  return { score: (100 * earned) / den, upTo: (100 * reach) / den, coverage: (100 * known) / den };
}

/** The total weight in the denominator. */
export const applicableWeight = (rules: readonly Scored[]) => rules.filter(inScope).reduce((a, r) => a + r.weight, 0);

export const GRADE_BANDS: readonly [Grade, number][] = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
  ['F', 0],
];
/** While a critical rule fails (or cannot be ruled out to fail) the grade is at most this. */
export const FATAL_CAP: Grade = 'C';
/**
 * Coverage (%) under which no letter grade is given: a letter speaks for the
 * whole organisation only when most of it is known. House default; settable
 * as `coverageFloor` in .sales-audit.yaml.
 */
export const DEFAULT_COVERAGE_FLOOR = 70;

export function gradeOf(score: number, capped: boolean): { grade: Grade; capped: boolean } {
  const raw = GRADE_BANDS.find(([, min]) => score >= min)![0];
  if (capped && raw < FATAL_CAP) return { grade: FATAL_CAP, capped: true };
  return { grade: raw, capped: false };
}

/**
 * Points (0..100, one decimal) the headline rises once every known shortfall
 * of this rule is fixed: its weight share times (1 - upTo). Unknown checks are
 * not counted here: they are find-out points.
 */
export function fixGain(rules: readonly Scored[], id: string): number {
  const r = rules.find((x) => x.id === id);
  const den = applicableWeight(rules);
  if (!r || !inScope(r) || r.status === 'error' || den === 0) return 0;
  return Math.round(((100 * r.weight) / den) * (1 - upToOf(r)) * 10) / 10;
}

/** Points in play (0..100, one decimal) on one check of a rule: the most its unknown facts can add to the headline. */
export function inPlay(rules: readonly Scored[], id: string, check: CheckResult): number {
  const r = rules.find((x) => x.id === id);
  const den = applicableWeight(rules);
  if (!r || !inScope(r) || den === 0 || check.score === null || check.upTo === null) return 0;
  return Math.round(((100 * r.weight) / den) * check.weight * (check.upTo - check.score) * 10) / 10;
}

export function categoryScores(rules: readonly Scored[]): CategoryScore[] {
  return (Object.keys(CATEGORIES) as Category[]).map((id) => {
    const inCat = rules.filter((r) => r.category === id);
    const h = headline(inCat);
    return {
      id,
      title: CATEGORIES[id],
      score: h === null ? null : shownScore(h.score),
      upTo: h === null ? null : shownScore(h.upTo),
      coverage: h === null ? 0 : Math.round(h.coverage),
      rules: inCat.map((r) => r.id),
    };
  });
}

/** Grade order for comparisons: no letter is below F. */
export const gradeRank = (g: Grade | null) => (g === null ? 0 : 5 - GRADE_BANDS.findIndex(([x]) => x === g));

/**
 * The summary's figures. The grade is a letter only at or above the coverage
 * floor, and is held at C while a critical rule earns under half its points
 * (a failure, or unknowns that cannot rule one out). Each of these can only
 * get worse as facts become unknown, so hiding a fact never improves a grade.
 */
export function summarise(rules: readonly Scored[], floor = DEFAULT_COVERAGE_FLOOR) {
  const h = headline(rules);
  if (h === null)
    return {
      score: null,
      upTo: null,
      coverage: 0,
      coverageFloor: floor,
      grade: null,
      gradeStatus: 'unscored' as const,
      gradeNote: 'No rule applies, so there is nothing to grade.',
      gradeCapped: false,
    };
  const score = shownScore(h.score);
  const upTo = shownScore(h.upTo);
  const coverage = Math.floor(h.coverage);
  const critical = rules.filter((r) => r.critical && inScope(r) && earnedOf(r) < PARTIAL_AT);
  const failing = critical.filter((r) => r.fatal);
  if (coverage < floor)
    return {
      score,
      upTo,
      coverage,
      coverageFloor: floor,
      grade: null,
      gradeStatus: 'incomplete' as const,
      gradeNote: `Incomplete: ${coverage}% of the organisation is known, under the ${floor}% needed for a grade.`,
      gradeCapped: false,
    };
  const g = gradeOf(score, critical.length > 0);
  const gradeNote = !g.capped
    ? null
    : failing.length
      ? `Held at C: a critical rule fails (${failing.map((r) => r.id).join(', ')}).`
      : `Held at C: too little is known of a critical rule to rule out a failure (${critical.map((r) => r.id).join(', ')}).`;
  return { score, upTo, coverage, coverageFloor: floor, grade: g.grade, gradeStatus: 'graded' as const, gradeNote, gradeCapped: g.capped };
}
