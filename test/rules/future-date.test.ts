import { describe, expect, it } from 'vitest';
import salesLeadership from '../../rules/sales-leadership';
import goToMarketPlan from '../../rules/go-to-market-plan';
import continuousRecruiting from '../../rules/continuous-recruiting';
import roleTitleFit from '../../rules/role-title-fit';
import manageNotPayCut from '../../rules/manage-not-pay-cut';
import metricsAccountability from '../../rules/metrics-accountability';
import compBalancesClientValue from '../../rules/comp-balances-client-value';
import { AUDIT_DATE, runRule } from '../helpers/rule-harness';
import type { Org } from '../../src/model/schema';
import type { RuleDefinition } from '../../src/engine/types';

// Every rule that reads the date of something already done goes through one
// helper (pastDate in src/engine/define-rule.ts): a date after the audit date
// counts as unknown with one futureDate note; a date that is not a calendar date
// (only a bare model given to the library's `audit` can hold one) counts as
// unknown without a note, as if it were left out.
const put = <T extends object>(o: T, key: string, date: string | undefined) => (date === undefined ? o : { ...o, [key]: date });
// `unknown`: the fact the report then names as missing (role-title-fit reads the date only to tell whether the role is open).
const RULES: { rule: RuleDefinition; path: string; unknown?: string; org: (date?: string) => Org }[] = [
  {
    rule: salesLeadership,
    path: 'leadership.leader_since',
    org: (d) => ({ leadership: put({ sales_managed_by: 'sales_manager' as const, manager_experience_years: 8, outside_help: ['none' as const], leaders_last_3_years: 1 }, 'leader_since', d) }),
  },
  {
    rule: goToMarketPlan,
    path: 'plan.last_reviewed',
    org: (d) => ({ plan: put({ documented: true, covers: ['target_markets' as const], shared_with_reps: true }, 'last_reviewed', d) }),
  },
  {
    rule: continuousRecruiting,
    path: 'recruiting.open_territories[0].opened_on',
    org: (d) => ({ recruiting: { mode: 'continuous' as const, bench: 2, open_territories: [put({ name: 'North' }, 'opened_on', d)] } }),
  },
  {
    rule: roleTitleFit,
    path: 'roles[0].opened_on',
    unknown: 'roles[0].open',
    org: (d) => ({ roles: [put({ title: 'Account Executive', role_profile: false }, 'opened_on', d)] }),
  },
  {
    rule: manageNotPayCut,
    path: 'people[0].actions[0].date',
    org: (d) => ({ people: [{ name: 'AE 1', is_rep: true, attainment: [40, 40, 40, 40], actions: [put({ action: 'coaching' as const }, 'date', d)] }] }),
  },
];
const outcome = (r: ReturnType<typeof runRule>) => ({ status: r.status, score: r.score, missing: r.missing });
const futureNotes = (r: ReturnType<typeof runRule>) => r.notes.filter((n) => n.messageId === 'futureDate').map((n) => [n.evidence.map((e) => e.path), n.message]);

describe.each(RULES)('$rule.id: a date after the audit date', ({ rule, path, unknown = path, org }) => {
  it('counts a date one day after the audit date as unknown, as if left out, with one note naming it', () => {
    const r = runRule(rule, org('2026-11-28'));
    expect(outcome(r)).toEqual(outcome(runRule(rule, org(undefined))));
    expect(r.missing).toContain(unknown);
    const notes = futureNotes(r);
    expect(notes).toHaveLength(1);
    expect(notes[0]![0]).toEqual([path]);
    expect(notes[0]![1]).toContain(`2026-11-28`);
    expect(notes[0]![1]).toContain(`after the audit date (${AUDIT_DATE}): check it.`);
  });

  it('uses a date equal to the audit date, without a note', () => {
    const r = runRule(rule, org(AUDIT_DATE));
    expect(futureNotes(r)).toEqual([]);
    expect(r.missing).not.toContain(unknown);
  });

  it.each(['2026-02-30', 'soon'])('counts %s (not a calendar date) as unknown without a note', (bad) => {
    const r = runRule(rule, org(bad));
    expect(futureNotes(r)).toEqual([]);
    expect(outcome(r)).toEqual(outcome(runRule(rule, org(undefined))));
    expect(JSON.stringify(r.report)).not.toContain('NaN');
  });
});

// The rules that read a rep's start date count one after the audit date as
// unknown without a note of their own (pastDate without its note parameter).
const START: { rule: RuleDefinition; org: (date?: string) => Org }[] = [
  { rule: manageNotPayCut, org: (d) => ({ people: [put({ name: 'AE 1', is_rep: true, attainment: [40, 40, 40, 40], actions: [] }, 'start_date', d)] }) },
  {
    rule: metricsAccountability,
    org: (d) => ({
      metrics: { kpis: [{ name: 'Revenue', kind: 'outcome' as const, target: 1, owner: 'CEO' }], review_cadence: 'monthly' as const, team_involved: true },
      people: [put({ name: 'AE 1', is_rep: true, attainment: [40, 40, 40, 40] }, 'start_date', d)],
    }),
  },
  {
    rule: compBalancesClientValue,
    org: (d) => ({
      company: { sales_motion: 'transactional' as const },
      compensation: { ramp_months: 0, draw: 'none' as const, varies_by_objective: true },
      people: [put({ name: 'AE 1', is_rep: true }, 'start_date', d)],
    }),
  },
];

describe.each(START)('$rule.id: a start date after the audit date', ({ rule, org }) => {
  it('counts it as unknown, as if left out, without a note', () => {
    const future = runRule(rule, org('2026-11-28'));
    const leftOut = runRule(rule, org(undefined));
    expect(outcome(future)).toEqual(outcome(leftOut));
    expect(future.report.findings.map((f) => f.messageId)).toEqual(leftOut.report.findings.map((f) => f.messageId));
  });

  it('uses a start date on the audit date (a rep who started today is still ramping)', () => {
    const today = runRule(rule, org(AUDIT_DATE));
    expect([outcome(today), today.report.findings.map((f) => f.messageId)]).not.toEqual([
      outcome(runRule(rule, org(undefined))),
      runRule(rule, org(undefined)).report.findings.map((f) => f.messageId),
    ]);
  });
});
