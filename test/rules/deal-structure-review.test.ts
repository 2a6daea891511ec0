import { describe, expect, it } from 'vitest';
import rule from '../../rules/deal-structure-review';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import { oneFactDeleted, rawExamples } from '../helpers/monotone';
import type { Org } from '../../src/model/schema';

const examples = rawExamples();

describe('deal-structure-review', () => {
  const deal = (c: NonNullable<Org['compensation']>): Org => ({ compensation: c });
  it.each<{ name: string; org: Org; status: string; score: number; messages: string[]; paths: string[]; steps: string[]; missing: string[] }>([
    {
      name: 'passes with a deal desk that earns nothing on deals, approving discounts above 10%',
      org: deal({ deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 10 }),
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
      steps: [],
      missing: [],
    },
    {
      name: 'passes with an unpaid manager approving discounts above 15% (the threshold itself)',
      org: deal({ deal_review: 'manager', approver_paid_on_deal: false, discount_approval_above_pct: 15 }),
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
      steps: [],
      missing: [],
    },
    {
      name: 'fails with no review (no approver, no gate)',
      org: deal({ deal_review: 'none', basis: 'gross_margin' }),
      status: 'fail',
      score: 0,
      messages: ['noReview'],
      paths: ['compensation.deal_review'],
      steps: ['addReview'],
      missing: [],
    },
    {
      name: 'is partial when the approving manager earns an override on the deals approved',
      org: deal({ deal_review: 'manager', approver_paid_on_deal: true, discount_approval_above_pct: 10 }),
      status: 'partial',
      score: 0.6,
      messages: ['approverPaid'],
      paths: ['compensation.approver_paid_on_deal', 'compensation.deal_review'],
      steps: ['independentApprover'],
      missing: [],
    },
    {
      name: 'is partial when discounts up to 30% need no approval',
      org: deal({ deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 30 }),
      status: 'partial',
      score: 0.8,
      messages: ['gateTooHigh'],
      paths: ['compensation.discount_approval_above_pct'],
      steps: ['lowerGate'],
      missing: [],
    },
    {
      name: 'fails when a paid manager approves only discounts above 40%',
      org: deal({ deal_review: 'manager', approver_paid_on_deal: true, discount_approval_above_pct: 40 }),
      status: 'fail',
      score: 0.4,
      messages: ['approverPaid', 'gateTooHigh'],
      paths: ['compensation.approver_paid_on_deal', 'compensation.deal_review', 'compensation.discount_approval_above_pct'],
      steps: ['independentApprover', 'lowerGate'],
      missing: [],
    },
    // Partly known: the known checks count and keep their findings; the unknowns earn nothing.
    {
      name: 'partly known: a deal desk exists, its independence and its gate unknown',
      org: deal({ deal_review: 'deal_desk' }),
      status: 'incomplete',
      score: 0.4,
      messages: [],
      paths: [],
      steps: ['find-out', 'find-out'],
      missing: ['compensation.approver_paid_on_deal', 'compensation.discount_approval_above_pct'],
    },
    {
      name: 'partly known: a paid approver keeps its finding while the gate is unknown',
      org: deal({ deal_review: 'manager', approver_paid_on_deal: true }),
      status: 'partial',
      score: 0.4,
      messages: ['approverPaid'],
      paths: ['compensation.approver_paid_on_deal', 'compensation.deal_review'],
      steps: ['independentApprover', 'find-out'],
      missing: ['compensation.discount_approval_above_pct'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps, missing }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths, steps, missing });
  });

  it.each<{ name: string; org: Org; unknowns?: string[] }>([
    { name: 'when the review is not stated', org: { compensation: { basis: 'revenue' } } },
    { name: 'when the review was answered "unknown"', org: { compensation: {} }, unknowns: ['compensation.deal_review'] },
  ])('is not assessed $name', ({ org, unknowns }) => {
    const r = runRule(rule, org, { unknowns });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.report.rules[0]!.upTo).toBe(1);
    expect(r.missing).toEqual(['compensation.deal_review', 'compensation.approver_paid_on_deal', 'compensation.discount_approval_above_pct']);
  });

  it('asks for a named, independent approver in the checklist', () => {
    const r = runRule(rule, deal({ deal_review: 'none' }));
    expect(r.checklist).toHaveLength(1);
    expect(r.checklist[0]!.action).toMatch(/named approver who earns nothing on the deal/);
    expect(r.checklist[0]!.evidence[0]!.path).toBe('compensation.deal_review');
  });

  // Issue 11: the approver is independent of the deal's commission above a discount threshold.
  it("asks for an approver independent of the commission above 15%: the CEO's with Finance, low effort", () => {
    const r = runRule(rule, deal({ deal_review: 'manager', approver_paid_on_deal: true, discount_approval_above_pct: 25 }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'Discounted deals are approved by the approving manager, who earns commission or an override on them: the approver has something to gain from the deal.',
      'Discounts up to 25% off list need no approval; above 15% a deal should be approved by someone independent of its commission.',
    ]);
    expect(r.checklist.map((c) => [c.stepId, c.owner, c.effort])).toEqual([
      ['independentApprover', 'CEO with Finance', 'low'],
      ['lowerGate', 'CEO with Finance', 'low'],
    ]);
    expect(r.checklist[0]!.action).toBe('Have deals discounted more than 15% approved by someone who earns nothing on them (a deal desk, Finance or the CEO).');
    expect(r.findings[1]!.thresholds).toEqual([{ name: 'independentAbovePct', value: 15, source: expect.stringMatching(/^house default, informed by .*2012/) }]);
  });

  it('reports a gate just above the threshold one severity lower than a gate far above it', () => {
    const near = runRule(rule, deal({ deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 20 }), { settings: { severity: 'high' } });
    const far = runRule(rule, deal({ deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 60 }), { settings: { severity: 'high' } });
    expect(near.findings.map((f) => f.severity)).toEqual(['medium']);
    expect(far.findings.map((f) => f.severity)).toEqual(['high']);
  });

  it('takes the discount threshold from the options', () => {
    const r = runRule(rule, deal({ deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 30 }), { options: { independentAbovePct: 30 } });
    expect(r.status).toBe('pass');
    expect(r.score).toBe(1);
  });

  const FULL: Org = { compensation: { deal_review: 'manager', approver_paid_on_deal: false, discount_approval_above_pct: 10, accelerators: true, capped: true } };
  it.each([...examples, ['a full org literal', FULL] as const])('never scores higher with a fact of %s deleted', (_name, full) => {
    const base = runRule(rule, full).score ?? 0;
    for (const [path, less] of oneFactDeleted(full)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(base);
    }
  });

  it.each([
    {
      name: 'accelerators beside a paid approver',
      c: { deal_review: 'manager', approver_paid_on_deal: true, discount_approval_above_pct: 10, accelerators: true },
      notes: ['acceleratorRisk'],
      score: 0.6,
    },
    { name: 'accelerators with no review', c: { deal_review: 'none', accelerators: true }, notes: ['acceleratorRisk'], score: 0 },
    { name: 'accelerators behind an independent gate', c: { deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 10, accelerators: true }, notes: [], score: 1 },
    { name: 'a commission cap', c: { deal_review: 'deal_desk', approver_paid_on_deal: false, discount_approval_above_pct: 10, capped: true }, notes: ['capRisk'], score: 1 },
  ] as { name: string; c: NonNullable<Org['compensation']>; notes: string[]; score: number }[])('notes pay features that bend deal structures, without scoring them: $name', ({ c, notes, score }) => {
    const r = runRule(rule, deal(c));
    expect(r.notes.map((n) => n.messageId)).toEqual(notes);
    expect(r.score).toBe(score);
  });
});
