// Client text stays short however long the roster: every rule message that
// lists people or items names at most NAMES_LISTED of them, in natural order
// ("Rep 2" before "Rep 10"), then "and N more" (listNames in
// src/engine/define-rule.ts). Walks every rule over rosters built to set off
// each list, so a rule that joins its own unbounded list fails here.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { countOf, listNames, NAMES_LISTED, naturalCompare, thousands } from '../../src/engine/define-rule';
import type { Org } from '../../src/model/schema';
import { runRule } from '../helpers/rule-harness';

const N = 12;
// Out of natural order on purpose: Rep 12 first, Rep 1 last.
const numbers = Array.from({ length: N }, (_, k) => N - k);
const ae = (n: number, extra: Record<string, unknown> = {}) => ({ name: `Rep ${n}`, title: 'Account Executive', is_rep: true, ...extra });

const ROSTERS: Record<string, Org> = {
  // Ramped reps all under quota, no selling time or coaching recorded, no policy.
  underQuota: {
    metrics: { kpis: [{ name: 'Bookings', kind: 'outcome', target: 100, owner: 'CEO' }], review_cadence: 'monthly', team_involved: true },
    people: numbers.map((n) => ae(n, { start_date: '2023-01-01', attainment: [40, 40, 40, 40], actions: [] })),
  } as Org,
  // A policy that fills every rep's coaching; new hires with no ramp; no attainment.
  policyAndNewHires: {
    company: { sales_motion: 'relationship' },
    compensation: { basis: 'mixed', client_outcome_component: true, varies_by_objective: true, ramp_months: 0, draw: 'none' },
    policies: [{ applies_to: 'Account Executive', development_plan: 'individual', one_to_one: 'weekly', coaching_hours_per_month: 4 }],
    people: numbers.map((n) => ae(n, { start_date: '2026-10-01' })),
  } as Org,
  // Nobody known to sell, no titles: whether each sells is unknown.
  unknownSellers: { people: numbers.map((n) => ({ name: `Rep ${n}` })) } as Org,
};

const messagesOf = (r: ReturnType<typeof runRule>) => [...r.report.findings.map((f) => f.message), ...r.report.checklist.map((c) => c.action)];

describe('rule messages name at most five people or items, then "and N more"', () => {
  const capped = new Set<string>();
  for (const [label, org] of Object.entries(ROSTERS))
    for (const rule of rules)
      it(`${rule.id} on ${label}`, () => {
        const r = runRule(rule, org);
        for (const f of r.report.findings) {
          const names = [...new Set(f.message.match(/Rep \d+/g) ?? [])];
          expect(names.length, f.message).toBeLessThanOrEqual(NAMES_LISTED);
          // Listed names come in natural order.
          expect([...names].sort(naturalCompare), f.message).toEqual(names);
          if (/ and 7 more\b/.test(f.message)) {
            expect(names, f.message).toEqual(['Rep 1', 'Rep 2', 'Rep 3', 'Rep 4', 'Rep 5']);
            capped.add(`${rule.id}/${f.messageId}`);
          }
        }
        for (const m of messagesOf(r)) expect(m.length, m).toBeLessThan(700);
      });
  it('the rosters set off every list of people the rules make', () => {
    expect([...capped].sort()).toEqual([
      'comp-balances-client-value/noRamp',
      'individual-coaching/nobodySells',
      'individual-coaching/policyFills',
      'individual-coaching/repsUnknown',
      'manage-not-pay-cut/repsUnknown',
      'metrics-accountability/teamBelowQuota',
      'role-title-fit/peopleUnknown',
      'selling-time/repsUnknown',
    ]);
  });
});

describe('listNames, naturalCompare, thousands', () => {
  it('lists up to five in full, past that five and a count with a thousands separator', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['AE 10', 'AE 2'])).toBe('AE 2 and AE 10');
    expect(listNames(['e', 'd', 'c', 'b', 'a'])).toBe('a, b, c, d and e');
    expect(listNames(Array.from({ length: 2100 }, (_, i) => `AE ${i}`))).toBe('AE 0, AE 1, AE 2, AE 3, AE 4 and 2,095 more');
    expect(listNames(['"Qualify"', '"Demo"', '"Close"'], { ordered: true })).toBe('"Qualify", "Demo" and "Close"');
    expect(listNames(['"B"', '"A"'], { last: ', ' })).toBe('"A", "B"');
  });
  it('orders numbers by value and everything else by code unit, the same on every Node', () => {
    const names = ['AE 10', 'AE 2', 'AE 1 #10', 'AE 1 #9', 'ae 1', 'AE 02', 'AE 2', 'Zoë', 'Zoe', 'AE 99999999999999999999999', 'AE 100000000000000000000000'];
    expect([...names].sort(naturalCompare)).toEqual(['AE 1 #9', 'AE 1 #10', 'AE 02', 'AE 2', 'AE 2', 'AE 10', 'AE 99999999999999999999999', 'AE 100000000000000000000000', 'Zoe', 'Zoë', 'ae 1']);
  });
  it('groups digits in threes without the locale', () => {
    expect([0, 999, 1000, 2100, 1234567].map(thousands)).toEqual(['0', '999', '1,000', '2,100', '1,234,567']);
    expect(countOf(2100, 'rep')).toBe('2,100 reps');
    expect(countOf(1, 'rep')).toBe('1 rep');
  });
});

describe('counts in rule messages carry a thousands separator', () => {
  it('metrics-accountability on 1,200 reps under quota says "0 of 1,200" and names five', () => {
    const rule = rules.find((r) => r.id === 'metrics-accountability')!;
    const people = Array.from({ length: 1200 }, (_, k) => ae(1200 - k, { start_date: '2023-01-01', attainment: [40, 40, 40, 40] }));
    const f = runRule(rule, { ...ROSTERS.underQuota, people } as Org).findings.find((x) => x.messageId === 'teamBelowQuota')!;
    expect(f.message).toContain('None of the 1,200 reps ramped up');
    expect(f.message).toContain('(missed: Rep 1 at 40%, Rep 2 at 40%, Rep 3 at 40%, Rep 4 at 40%, Rep 5 at 40% and 1,195 more)');
  });
});
