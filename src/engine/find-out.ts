// The words of a find-out checklist item: what to ask about the facts a check waits on. Pure: no I/O.
//
// One wording per kind of fact, whichever rule asks: a fact the company answered "don't know" to and
// should measure (the quota attainment, the win rate: model/measurable.ts) is "Start measuring …"; a
// fact the org file leaves out is "Find out …"; a record of quarters kept in part (1 quarter of quota
// attainment on file) asks for the quarters not recorded, never for the whole record as if none were.

/** Facts kept as a list of quarters, oldest first: a partial record's find-out asks for the earlier quarters. */
const QUARTERLY = /^people\[\d+\]\.attainment$/;

/** What a find-out action needs to know about each fact. */
export interface FindOutFacts {
  /** The fact in words ("the quota attainment of AE 3"). */
  describe: (path: string) => string;
  /** What is not measured, in words, when the fact is one the company should measure and answered "don't know"; else undefined. */
  measured: (path: string) => string | undefined;
  /** The fact's value in the org file (undefined when left out). */
  valueOf: (path: string) => unknown;
  /** Joins words as a list ("a, b and c"; a long list counted). */
  list: (words: readonly string[]) => string;
}

/**
 * The action of a find-out item on `facts` (at least one), whether the
 * company must start measuring one of them (who runs sales owns that) and
 * whether one is to be found out (the auditor's): "Start measuring the win
 * rate.", "Find out the quota attainment of AE 3 for the quarters before the
 * one quarter recorded.", or, when the item mixes them, one sentence per kind
 * ("Start measuring …. Find out ….") for an owner that names both.
 */
export function findOutAction(facts: readonly string[], f: FindOutFacts): { action: string; measure: boolean; ask: boolean } {
  const measure = facts.filter((p) => f.measured(p) !== undefined);
  const ask = facts.filter((p) => f.measured(p) === undefined);
  const start = measure.length ? `Start measuring ${f.list(measure.map((p) => f.measured(p)!))}.` : '';
  const find = ask.length ? `Find out ${f.list(ask.map((p) => askWords(p, f)))}.` : '';
  return { action: [start, find].filter(Boolean).join(' '), measure: measure.length > 0, ask: ask.length > 0 };
}

/** A fact in words for "Find out …": a partial record of quarters asks for the earlier ones. */
function askWords(path: string, f: FindOutFacts): string {
  const v = f.valueOf(path);
  if (QUARTERLY.test(path) && Array.isArray(v) && v.length > 0) return `${f.describe(path)} for the quarters before the ${v.length === 1 ? 'one quarter' : `${v.length} quarters`} recorded`;
  return f.describe(path);
}
