// A sales director whose 3 direct reports are all listed (one rep at quota, two far under it with nothing
// managed), for the rules that judge reps one by one: a rep left off the list counts as unknown (engine/roster-gap.ts).
import { expect } from 'vitest';
import type { RuleDefinition } from '../../src/engine/types';
import type { Org } from '../../src/model/schema';
import { runRule } from './rule-harness';

const director = { name: 'Sales Director', title: 'Sales Director', is_rep: false, direct_reports: 3, hiring_authority: true };
const good = {
  name: 'AE 1',
  title: 'Account Executive',
  is_rep: true,
  direct_reports: 0,
  hiring_authority: false,
  start_date: '2022-01-10',
  attainment: [95, 100, 98, 97],
  selling_time_pct: 60,
  coaching: { plan: 'individual' as const, focus: ['skills' as const], one_to_one: 'weekly' as const, hours_per_month: 4 },
  actions: [],
};
const weak = (name: string) => ({ ...good, name, attainment: [40, 45, 38, 41], selling_time_pct: 30, coaching: { plan: 'none' as const, one_to_one: 'none' as const, hours_per_month: 0 } });
const rest: Org = {
  policies: [],
  metrics: { kpis: [{ name: 'Revenue', kind: 'outcome', target: 10, owner: 'VP' }], review_cadence: 'weekly', team_involved: true },
};

/** The director and all three reps. */
export const FULL_ROSTER: Org = { ...rest, people: [director, good, weak('AE 2'), weak('AE 3')] };
/** The same org with both weak reps left off the roster: the director still has 3 direct reports. */
export const PARTIAL_ROSTER: Org = { ...rest, people: [director, good] };
/** The note's first words, as every such rule says them. */
export const PARTIAL_WORDS = 'Sales Director has 3 direct reports; 1 is listed: for the 2 not listed, ';

/** Deleting any one of the three reps from the full roster never raises the rule's score (the left-out rep counts as unknown). */
export function expectDeletingARepNeverRaises(rule: RuleDefinition): void {
  const full = runRule(rule, FULL_ROSTER).score!;
  for (const i of [1, 2, 3]) {
    const cut = structuredClone(FULL_ROSTER);
    cut.people!.splice(i, 1);
    expect(runRule(rule, cut).score!, `without ${FULL_ROSTER.people![i]!.name}`).toBeLessThanOrEqual(full);
  }
}
