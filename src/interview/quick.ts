// `interview --quick <n>`: the n facts with the most points in play, so a
// founder gets a meaningful verdict in five minutes.
import type { AuditReport } from '../engine/types';

/**
 * The facts of the report's find-out items, most points in play first (ties in
 * checklist order), without repeats, at most `n`. A fact may be generic
 * (`people[].coaching.plan`) when the list that holds it is not given yet.
 */
export function quickFacts(report: AuditReport, n: number): string[] {
  const items = report.checklist.filter((c) => c.kind === 'find-out' && c.facts?.length);
  const ranked = items.map((c, i) => ({ c, i })).sort((a, b) => b.c.gain - a.c.gain || a.i - b.i);
  const out: string[] = [];
  for (const { c } of ranked) {
    for (const f of c.facts!) {
      if (out.length >= n) return out;
      if (!out.includes(f)) out.push(f);
    }
  }
  return out;
}
