import { describe, expect, it } from 'vitest';
import rule from '../../rules/profit-based-comp';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import otherRule from '../../rules/comp-balances-client-value';
import type { Org } from '../../src/model/schema';

const comp = (c: NonNullable<Org['compensation']>): Org => ({ compensation: c });

describe('profit-based-comp', () => {
  it.each([
    {
      name: 'passes on gross margin with profitability reported',
      org: comp({ basis: 'gross_margin', customer_profitability_reported: true }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [],
    },
    {
      name: 'passes on a mixed basis with profitability reported (incentive not needed)',
      org: comp({ basis: 'mixed', customer_profitability_reported: true, profit_target_incentive: false }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [],
    },
    {
      name: 'is partial on profit when reps cannot see customer profitability',
      org: comp({ basis: 'profit', customer_profitability_reported: false }),
      status: 'partial', score: 0.75, messages: ['profitabilityHidden'], notes: [],
      paths: ['compensation.customer_profitability_reported'], steps: ['reportProfitability'],
    },
    {
      name: 'fails on revenue only with profitability unknown to sales, and notes the mixed plan',
      org: comp({ basis: 'revenue', customer_profitability_reported: false, profit_target_incentive: false }),
      status: 'fail', score: 0, messages: ['revenueOnly', 'profitabilityHidden'], notes: ['mixedPlan'],
      paths: ['compensation.basis', 'compensation.profit_target_incentive', 'compensation.customer_profitability_reported', 'compensation.basis'],
      steps: ['reportProfitability', 'addProfitKicker', 'moveToMargin'],
    },
    {
      name: 'still fails on revenue only when profitability is reported',
      org: comp({ basis: 'revenue', customer_profitability_reported: true, profit_target_incentive: false }),
      status: 'fail', score: 0.3, messages: ['revenueOnly'], notes: ['mixedPlan'],
      paths: ['compensation.basis', 'compensation.profit_target_incentive', 'compensation.basis'],
      steps: ['addProfitKicker', 'moveToMargin'],
    },
    {
      name: 'is partial on revenue with a profit-target incentive, profitability hidden',
      org: comp({ basis: 'revenue', customer_profitability_reported: false, profit_target_incentive: true }),
      status: 'partial', score: 0.5, messages: ['revenueWithKicker', 'profitabilityHidden'], notes: [],
      paths: ['compensation.basis', 'compensation.profit_target_incentive', 'compensation.customer_profitability_reported'],
      steps: ['reportProfitability', 'moveToMargin'],
    },
    {
      name: 'is partial on revenue with a profit-target incentive and profitability reported',
      org: comp({ basis: 'revenue', customer_profitability_reported: true, profit_target_incentive: true }),
      status: 'partial', score: 0.7, messages: ['revenueWithKicker'], notes: [],
      paths: ['compensation.basis', 'compensation.profit_target_incentive'], steps: ['moveToMargin'],
    },
  ])('$name', ({ org, status, score, messages, notes, paths, steps }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, notes, paths, steps });
  });

  it.each([
    { name: 'without a commission basis', org: comp({ customer_profitability_reported: true }), missing: ['compensation.basis'] },
    { name: 'without profitability reporting', org: comp({ basis: 'gross_margin' }), missing: ['compensation.customer_profitability_reported'] },
    {
      name: 'on revenue when the profit incentive is unknown (fail or partial turns on it)',
      org: comp({ basis: 'revenue', customer_profitability_reported: false }),
      missing: ['compensation.profit_target_incentive'],
    },
    { name: 'without a compensation section', org: {}, missing: ['compensation.basis', 'compensation.customer_profitability_reported'] },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
    expect(r.report.findings).toEqual([]);
  });

  it('names the opposing rule in the mixed-plan note', () => {
    const r = runRule(rule, comp({ basis: 'revenue', customer_profitability_reported: false, profit_target_incentive: false }));
    expect(r.notes[0]!.data).toEqual({ otherRule: 'comp-balances-client-value', otherTitle: 'Commission does not buy short-term thinking' });
    expect(r.notes[0]!.data.otherTitle).toBe(otherRule.title);
    expect(r.notes[0]!.message).toMatch(/^This rule and "Commission does not buy short-term thinking" \(comp-balances-client-value\) pull/);
  });
});
