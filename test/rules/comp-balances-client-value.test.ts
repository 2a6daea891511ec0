import { describe, expect, it } from 'vitest';
import rule from '../../rules/comp-balances-client-value';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import otherRule from '../../rules/profit-based-comp';
import type { Org } from '../../src/model/schema';

type Motion = NonNullable<NonNullable<Org['company']>['sales_motion']>;
const org = (sales_motion: Motion | undefined, compensation: NonNullable<Org['compensation']>): Org => ({
  company: sales_motion ? { sales_motion } : {},
  compensation,
});

describe('comp-balances-client-value', () => {
  it.each([
    {
      name: 'passes: transactional selling on profit, plan varied by objective',
      org: org('transactional', { basis: 'profit', client_outcome_component: false, varies_by_objective: true }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [],
    },
    {
      name: 'passes: solution selling with a client-outcome part and a varied plan',
      org: org('solution', { basis: 'gross_margin', client_outcome_component: true, varies_by_objective: true }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [],
    },
    {
      name: 'fails: relationship selling paid on margin alone, and notes the mixed plan',
      org: org('relationship', { basis: 'gross_margin', client_outcome_component: false, varies_by_objective: true }),
      status: 'fail', score: 0, messages: ['profitOnly'], notes: ['mixedPlan'],
      paths: ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component', 'compensation.basis'],
      steps: ['addClientComponent'],
    },
    {
      name: 'fails: solution selling on profit alone, even with variation unknown',
      org: org('solution', { basis: 'profit', client_outcome_component: false }),
      status: 'fail', score: 0, messages: ['profitOnly'], notes: ['mixedPlan'],
      paths: ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component', 'compensation.basis'],
      steps: ['addClientComponent'],
    },
    {
      name: 'is partial: transactional selling with one uniform plan',
      org: org('transactional', { basis: 'revenue', varies_by_objective: false }),
      status: 'partial', score: 0.75, messages: ['uniformPlan'], notes: [],
      paths: ['compensation.varies_by_objective'], steps: ['varyPlan'],
    },
    {
      name: 'is partial: relationship selling with a client part but a uniform plan',
      org: org('relationship', { basis: 'mixed', client_outcome_component: true, varies_by_objective: false }),
      status: 'partial', score: 0.75, messages: ['uniformPlan'], notes: [],
      paths: ['compensation.varies_by_objective'], steps: ['varyPlan'],
    },
    {
      name: 'is partial: relationship selling on revenue with no client part',
      org: org('relationship', { basis: 'revenue', client_outcome_component: false, varies_by_objective: true }),
      status: 'partial', score: 0.7, messages: ['noClientPart'], notes: [],
      paths: ['company.sales_motion', 'compensation.client_outcome_component'], steps: ['addClientComponent'],
    },
    {
      name: 'is partial (barely): revenue, no client part, uniform plan',
      org: org('solution', { basis: 'revenue', client_outcome_component: false, varies_by_objective: false }),
      status: 'partial', score: 0.525, messages: ['noClientPart', 'uniformPlan'], notes: [],
      paths: ['company.sales_motion', 'compensation.client_outcome_component', 'compensation.varies_by_objective'],
      steps: ['addClientComponent', 'varyPlan'],
    },
  ])('$name', ({ org, status, score, messages, notes, paths, steps }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, notes, paths, steps });
  });

  it.each([
    { name: 'without the sales motion', org: org(undefined, { basis: 'profit', client_outcome_component: false }), missing: ['company.sales_motion'] },
    {
      name: 'in relationship selling when the client-outcome part is unknown',
      org: org('relationship', { basis: 'profit', varies_by_objective: true }),
      missing: ['compensation.client_outcome_component'],
    },
    {
      name: 'in solution selling with no client part when the basis is unknown',
      org: org('solution', { client_outcome_component: false, varies_by_objective: true }),
      missing: ['compensation.basis'],
    },
    {
      name: 'when only the plan variation is unknown',
      org: org('transactional', { basis: 'profit' }),
      missing: ['compensation.varies_by_objective'],
    },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
    expect(r.report.findings).toEqual([]);
  });

  it('names the opposing rule in the mixed-plan note and the sales motion in the step', () => {
    const r = runRule(rule, org('relationship', { basis: 'profit', client_outcome_component: false, varies_by_objective: true }));
    expect(r.notes[0]!.data).toEqual({ otherRule: 'profit-based-comp', otherTitle: 'Commission rewards profitable business, not just revenue' });
    expect(r.notes[0]!.data.otherTitle).toBe(otherRule.title);
    expect(r.notes[0]!.message).toMatch(/^This rule and "Commission rewards profitable business, not just revenue" \(profit-based-comp\) pull/);
    expect(r.findings[0]!.data).toEqual({ motion: 'relationship', basis: 'profit' });
    expect(r.checklist[0]!.action).toContain('relationship selling');
  });
});
