// The counts that say a roster leaves people out (engine/roster-gap.ts): a manager's direct reports, the span of
// control, the plan's ramped reps, and what holds them. On a partial roster, deleting one takes the evidence of the
// unlisted people with it and the roster reads as complete, as every roster does without such a count: still open
// (s8 roster), so the properties that delete every fact leave these out there, and say so. Deleting a listed person
// never raises (test/engine/verdict-generated.test.ts).
import { sellingManager, unlistedPeople } from '../../src/engine/roster-gap';
import type { Org } from '../../src/model/schema';

type Seg = string | number;

/** True when `path` (segments) is such a count, or holds one, and the roster of `org` is partial. */
export function isPartialRosterCount(org: Org, path: readonly Seg[]): boolean {
  if (!unlistedPeople(org)) return false;
  const [a, b, c] = path;
  if (a === 'leadership') return b === undefined || b === 'reps_per_manager';
  if (a === 'plan') return b === undefined || b === 'ramped_reps';
  if (a === 'people' && typeof b === 'number') {
    if ((c === undefined || c === 'direct_reports') && (org.people?.[b]?.direct_reports ?? 0) > 0) return true;
    // Without a reporting line, the title or selling share that shows a seller to be the span's manager (s9 verd,
    // item 3): deleted, he reads as one of his own reps, as a deleted count reads the roster as complete (open).
    return sellingManager(org.people ?? []) === b && (c === 'title' || c === 'selling_share_pct');
  }
  return false;
}
