import { describe, expect, it } from 'vitest';
import rule from '../../rules/profit-based-comp';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import { oneFactDeleted, rawExamples } from '../helpers/monotone';
import otherRule from '../../rules/comp-balances-client-value';
import type { Org } from '../../src/model/schema';

const comp = (c: NonNullable<Org['compensation']>): Org => ({ compensation: c });

const examples = rawExamples();

describe('profit-based-comp', () => {
  it.each([
    // Issue 11, item 15: with margins the same on every deal, per-customer profitability follows revenue:
    // not judged, a note (founder.yaml had a HIGH finding beside the note that margins do not vary).
    {
      name: 'passes revenue pay with margins the same on every deal, profitability hidden: a note, not a HIGH finding',
      org: comp({ basis: 'revenue', margins_vary: false, customer_profitability_reported: false, deal_review: 'manager', profit_target_incentive: false }),
      status: 'pass',
      score: 1,
      messages: [],
      notes: ['revenueSound', 'profitabilityHiddenSameMargins'],
      paths: ['compensation.basis', 'compensation.margins_vary', 'compensation.customer_profitability_reported', 'compensation.margins_vary'],
      steps: [],
      missing: [],
    },
    {
      name: 'margins unknown, profitability hidden: still a finding (margins may vary)',
      org: comp({ basis: 'revenue', customer_profitability_reported: false, margin_floor: true, deal_review: 'deal_desk' }),
      status: 'partial',
      score: 0.75,
      messages: ['profitabilityHidden'],
      notes: ['revenueSound'],
      paths: ['compensation.customer_profitability_reported', 'compensation.basis', 'compensation.margin_floor', 'compensation.deal_review'],
      steps: ['reportProfitability'],
      missing: [],
    },
    {
      name: 'passes on gross margin with profitability reported',
      org: comp({ basis: 'gross_margin', customer_profitability_reported: true }),
      status: 'pass',
      score: 1,
      messages: [],
      notes: [],
      paths: [],
      steps: [],
      missing: [],
    },
    {
      name: 'passes on a mixed basis with profitability reported (no guard needed)',
      org: comp({ basis: 'mixed', customer_profitability_reported: true, profit_target_incentive: false }),
      status: 'pass',
      score: 1,
      messages: [],
      notes: [],
      paths: [],
      steps: [],
      missing: [],
    },
    {
      name: 'is partial on profit when reps cannot see customer profitability',
      org: comp({ basis: 'profit', customer_profitability_reported: false }),
      status: 'partial',
      score: 0.75,
      messages: ['profitabilityHidden'],
      notes: [],
      paths: ['compensation.customer_profitability_reported'],
      steps: ['reportProfitability'],
      missing: [],
    },
    {
      name: 'fails on revenue alone while margins vary, no guard, profitability hidden; notes the mixed plan',
      org: comp({ basis: 'revenue', margins_vary: true, margin_floor: false, deal_review: 'none', profit_target_incentive: false, customer_profitability_reported: false }),
      status: 'fail',
      score: 0,
      messages: ['revenueOnly', 'profitabilityHidden'],
      notes: ['mixedPlan'],
      paths: [
        'compensation.basis',
        'compensation.margins_vary',
        'compensation.margin_floor',
        'compensation.deal_review',
        'compensation.profit_target_incentive',
        'compensation.customer_profitability_reported',
        'compensation.basis',
      ],
      steps: ['reportProfitability', 'guardMargins', 'moveToMargin'],
      missing: [],
    },
    {
      name: 'still fails on revenue alone while margins vary when profitability is reported',
      org: comp({ basis: 'revenue', margins_vary: true, margin_floor: false, deal_review: 'none', profit_target_incentive: false, customer_profitability_reported: true }),
      status: 'fail',
      score: 0.25,
      messages: ['revenueOnly'],
      notes: ['mixedPlan'],
      paths: ['compensation.basis', 'compensation.margins_vary', 'compensation.margin_floor', 'compensation.deal_review', 'compensation.profit_target_incentive', 'compensation.basis'],
      steps: ['guardMargins', 'moveToMargin'],
      missing: [],
    },
    {
      name: 'is partial on revenue while margins vary, with only a profit-target reward',
      org: comp({ basis: 'revenue', margins_vary: true, margin_floor: false, deal_review: 'none', profit_target_incentive: true, customer_profitability_reported: true }),
      status: 'partial',
      score: 0.7,
      messages: ['revenuePartlyGuarded'],
      notes: [],
      paths: ['compensation.basis', 'compensation.margins_vary', 'compensation.margin_floor', 'compensation.deal_review'],
      steps: ['guardMargins', 'moveToMargin'],
      missing: [],
    },
    {
      name: 'is partial on revenue while margins vary, with a margin floor but a manager in place of a deal desk',
      org: comp({ basis: 'revenue', margins_vary: true, margin_floor: true, deal_review: 'manager', profit_target_incentive: false, customer_profitability_reported: true }),
      status: 'partial',
      score: 0.85,
      messages: ['revenuePartlyGuarded'],
      notes: [],
      paths: ['compensation.basis', 'compensation.margins_vary', 'compensation.margin_floor', 'compensation.deal_review'],
      steps: ['guardMargins', 'moveToMargin'],
      missing: [],
    },
    {
      name: 'passes on revenue while margins vary, guarded by a margin floor and a deal desk',
      org: comp({ basis: 'revenue', margins_vary: true, margin_floor: true, deal_review: 'deal_desk', profit_target_incentive: false, customer_profitability_reported: true }),
      status: 'pass',
      score: 1,
      messages: [],
      notes: ['revenueSound'],
      paths: ['compensation.basis', 'compensation.margin_floor', 'compensation.deal_review'],
      steps: [],
      missing: [],
    },
    // Partly known: the known check counts and keeps its finding, the unknown one earns nothing.
    {
      name: 'partly known: a margin basis earns its 3/4 while profitability reporting is unknown',
      org: comp({ basis: 'gross_margin' }),
      status: 'incomplete',
      score: 0.75,
      messages: [],
      notes: [],
      paths: [],
      steps: ['find-out'],
      missing: ['compensation.customer_profitability_reported'],
    },
    {
      name: 'partly known: profitability reported while the basis is unknown',
      org: comp({ customer_profitability_reported: true }),
      status: 'incomplete',
      score: 0.25,
      messages: [],
      notes: [],
      paths: [],
      steps: ['find-out'],
      missing: ['compensation.basis', 'compensation.margins_vary', 'compensation.margin_floor', 'compensation.deal_review', 'compensation.profit_target_incentive'],
    },
    {
      name: 'partly known: on revenue with the margins unknown, hidden profitability is still a finding',
      org: comp({ basis: 'revenue', customer_profitability_reported: false }),
      status: 'fail',
      score: 0,
      messages: ['profitabilityHidden'],
      notes: [],
      paths: ['compensation.customer_profitability_reported'],
      steps: ['find-out', 'reportProfitability'],
      missing: ['compensation.margins_vary', 'compensation.margin_floor', 'compensation.deal_review', 'compensation.profit_target_incentive'],
    },
  ])('$name', ({ org, status, score, messages, notes, paths, steps, missing }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, notes, paths, steps, missing });
  });

  // The issue-11 example and the saas-revenue fragment: a software company with uniform margins,
  // paid on revenue, a deal desk gating discounts. A sales leader passes it; the old rule failed it
  // and advised moving commission onto gross margin.
  const saas = { basis: 'revenue', customer_profitability_reported: true, profit_target_incentive: false, deal_review: 'deal_desk', varies_by_objective: false } as const;
  it('passes revenue pay where margins are uniform and a deal desk gates discounts, with no advice to move onto margin', () => {
    const r = runRule(rule, { company: { sales_motion: 'transactional' }, compensation: { ...saas, margins_vary: false } });
    expectOutcome(r, { status: 'pass', score: 1, messages: [], notes: ['revenueSound'], steps: [], missing: [] });
    expect(r.notes[0]!.message).toBe('Commission is paid on revenue, and margins are about the same on every deal: revenue pay is margin pay here.');
  });

  it('never fails the saas-revenue fragment as given (margins not stated): the deal desk counts, the margins are a question', () => {
    const r = runRule(rule, { company: { sales_motion: 'transactional' }, compensation: saas });
    expectOutcome(r, { status: 'incomplete', score: 0.7, messages: [], notes: [], steps: ['find-out'], missing: ['compensation.margins_vary', 'compensation.margin_floor'] });
    expect(r.report.rules[0]!.upTo).toBe(1);
  });

  it("makes a comp-plan change the CEO's with Finance, medium effort, naming what is missing", () => {
    const r = runRule(rule, comp({ basis: 'revenue', margins_vary: true, margin_floor: false, deal_review: 'deal_desk', profit_target_incentive: false, customer_profitability_reported: true }));
    expect(r.status).toBe('partial');
    expect(r.score).toBe(0.7);
    expect(r.checklist.map((c) => [c.stepId, c.owner, c.effort])).toEqual([
      ['guardMargins', 'CEO with Finance', 'medium'],
      ['moveToMargin', 'CEO with Finance', 'medium'],
    ]);
    expect(r.checklist[0]!.action).toBe('Add a margin floor to the commission plan, so that a deal under the floor earns no commission unless the desk approves it.');
    expect(r.checklist.map((c) => c.or === true)).toEqual([false, true]);
    expect(r.checklist[1]!.action).toBe('Move commission from revenue onto gross margin (or a mix of margin and client outcomes).');
    expect(r.findings[0]!.message).toBe(
      'Commission is paid on revenue while margins vary from deal to deal, guarded only by a deal desk: without both a margin floor and a deal desk, a low-margin deal still pays in full.',
    );
  });

  it('names the opposing rule in the mixed-plan note', () => {
    const r = runRule(rule, comp({ basis: 'revenue', margins_vary: true, margin_floor: false, deal_review: 'none', customer_profitability_reported: false, profit_target_incentive: false }));
    expect(r.notes[0]!.data).toEqual({ otherRule: 'comp-balances-client-value', otherTitle: 'Commission does not buy short-term thinking' });
    expect(r.notes[0]!.data.otherTitle).toBe(otherRule.title);
    expect(r.notes[0]!.message).toMatch(/^This rule and "Commission does not buy short-term thinking" \(comp-balances-client-value\) pull/);
  });

  const FULL: Org = {
    compensation: { basis: 'revenue', margins_vary: true, margin_floor: true, deal_review: 'deal_desk', profit_target_incentive: true, customer_profitability_reported: true },
  };
  it.each([...examples, ['a full org literal', FULL] as const])('never scores higher with a fact of %s deleted', (_name, org) => {
    const full = runRule(rule, org).score ?? 0;
    for (const [path, less] of oneFactDeleted(org)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(full);
    }
  });

  it('gives a comp-plan change to the CEO alone in a 12-person company', () => {
    const r = runRule(rule, {
      company: { employees: 12 },
      compensation: { basis: 'revenue', margins_vary: true, margin_floor: false, deal_review: 'none', profit_target_incentive: false, customer_profitability_reported: true },
    });
    expect(r.checklist.map((c) => [c.stepId, c.owner])).toEqual([
      ['guardMargins', 'CEO'],
      ['moveToMargin', 'CEO'],
    ]);
  });
});
