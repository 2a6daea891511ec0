import { describe, expect, it } from 'vitest';
import rule from '../../rules/go-to-market-plan';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import { keyPaths, rawExamples, without } from '../helpers/monotone';

const ALL = ['target_markets', 'ideal_customer_profile', 'value_proposition', 'positioning', 'goals'] as const;
const core = { documented: true, covers: [...ALL], shared_with_reps: true, last_reviewed: '2026-06-01' };
// A standing yearly review, goals in numbers, and four ramped reps at 250k carrying a 1M target.
const practice = { review_cadence: 'yearly' as const, goals_quantified: true, sales_target: 1_000_000, quota_per_rep: 250_000, ramped_reps: 4 };
const good = { ...core, ...practice };

// Monotone: deleting any fact the rule reads never raises its score. Run over
// the bundled examples (and org literals): each key under the rule's sections
// is deleted in turn.

describe('go-to-market-plan', () => {
  it.each([
    { name: 'passes with a complete, shared, recently reviewed plan', plan: good, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails without a written plan',
      plan: { documented: false, covers: [...ALL], shared_with_reps: true },
      status: 'fail',
      score: 0,
      messages: ['noPlan'],
      paths: ['plan.documented'],
      steps: ['writePlan', 'addElement', 'addElement', 'addElement', 'addElement', 'addElement', 'share', 'review'],
    },
    {
      name: 'is partial with one element missing',
      plan: { ...good, covers: ['target_markets', 'ideal_customer_profile', 'value_proposition', 'positioning'] },
      status: 'partial',
      score: 0.79,
      messages: ['missingElement'],
      paths: ['plan.covers'],
      steps: ['addElement'],
    },
    {
      name: 'is partial with three elements of five',
      plan: { ...good, covers: ['target_markets', 'value_proposition', 'goals'] },
      status: 'partial',
      score: 0.78,
      messages: ['missingElement', 'missingElement'],
      paths: ['plan.covers', 'plan.covers'],
      steps: ['addElement', 'addElement'],
    },
    {
      name: 'is partial with two elements of five (the rest of the practice sound)',
      plan: { ...good, covers: ['target_markets', 'goals'] },
      status: 'partial',
      score: 0.67,
      messages: ['missingElement', 'missingElement', 'missingElement'],
      paths: ['plan.covers', 'plan.covers', 'plan.covers'],
      steps: ['addElement', 'addElement', 'addElement'],
    },
    {
      name: 'fails with a written plan that covers none of the elements',
      plan: { ...good, covers: [] },
      status: 'fail',
      score: 0.35,
      messages: Array(5).fill('missingElement'),
      paths: Array(5).fill('plan.covers'),
      steps: Array(5).fill('addElement'),
    },
    {
      name: 'is reduced when the reps have not seen the plan',
      plan: { ...good, shared_with_reps: false },
      status: 'partial',
      score: 0.78,
      messages: ['notShared'],
      paths: ['plan.shared_with_reps'],
      steps: ['share'],
    },
    {
      name: 'is reduced when the last review is exactly 12 months old',
      plan: { ...good, last_reviewed: '2025-11-27' },
      status: 'partial',
      score: 0.89,
      messages: ['staleReview'],
      paths: ['plan.last_reviewed'],
      steps: ['review'],
    },
    { name: 'passes with a review 11 months old', plan: { ...good, last_reviewed: '2025-11-28' }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'is partial for a complete plan that is neither shared nor reviewed lately',
      plan: { ...good, shared_with_reps: false, last_reviewed: '2024-01-15' },
      status: 'partial',
      score: 0.714,
      messages: ['notShared', 'staleReview'],
      paths: ['plan.shared_with_reps', 'plan.last_reviewed'],
      steps: ['share', 'review'],
    },
  ])('$name', ({ plan, status, score, messages, paths, steps }) => {
    const r = runRule(rule, { plan } as never);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  describe('as a seasoned sales leader judges it (issue 11)', () => {
    it.each([
      {
        name: 'no standing review',
        plan: { ...good, review_cadence: 'none' as const },
        score: 0.9,
        messages: ['noReviewCadence'],
        text: 'The plan has no standing review cadence: it is reviewed when someone remembers.',
      },
      { name: 'a review only every six months is enough at a 6-month bar', plan: { ...good, review_cadence: 'half_yearly' as const }, score: 1, messages: [], text: undefined },
    ])('asks for a review cadence as well as a date: $name', ({ plan, score, messages, text }) => {
      const r = runRule(rule, { plan });
      expectOutcome(r, { status: 'pass', score, messages, steps: messages.length ? ['setCadence'] : [] });
      if (text) expect(r.findings[0]!.message).toBe(text);
    });

    it('reports a review cadence slower than the bar', () => {
      const r = runRule(rule, { plan: { ...good, review_cadence: 'yearly' as const } }, { options: { reviewMonths: 6 } });
      expect(r.findings.map((f) => f.message)).toEqual(['The plan is reviewed yearly, less often than every 6 months.']);
      expect(r.checklist.map((c) => c.action)).toEqual(['Make the plan review a standing meeting, at least every 6 months, with the reps, and put the next dates in the calendar.']);
    });

    it('asks for goals in numbers with dates', () => {
      const r = runRule(rule, { plan: { ...good, goals_quantified: false } });
      expectOutcome(r, { status: 'pass', score: 0.9, messages: ['goalsNotQuantified'], steps: ['quantifyGoals'] });
    });

    it.each([
      // 3 x 250k = 750k of a 1M target: a quarter short, a near miss one level under critical.
      { reps: 3, score: 0.938, status: 'pass', severity: 'high', text: 'The target (1,000,000) is more than the ramped reps can carry: 3 reps at 250,000 each make 750,000, 75% of the target.' },
      {
        reps: 2,
        score: 0.875,
        status: 'partial',
        severity: 'critical',
        text: 'The target (1,000,000) is more than the ramped reps can carry: 2 reps at 250,000 each make 500,000, 50% of the target.',
      },
    ])('checks the number is backed by capacity: $reps ramped reps', ({ reps, score, status, severity, text }) => {
      const r = runRule(rule, { plan: { ...good, ramped_reps: reps } });
      expectOutcome(r, { status, score, messages: ['overCapacity'], steps: ['capacityGap'] });
      expect(r.findings[0]!.message).toBe(text);
      expect(r.findings[0]!.severity).toBe(severity);
      expect(r.checklist.map((c) => [c.owner, c.effort])).toEqual([['CEO', 'medium']]);
    });
  });

  // Partly known: an unknown fact earns nothing (the plan is taken as unshared
  // or overdue until known), and the known findings stay.
  it.each([
    {
      name: 'an incomplete plan, sharing and review unknown, fails on what is known',
      plan: { documented: true, covers: ['goals', 'positioning'], ...practice },
      status: 'partial',
      score: 0.556,
      upTo: 0.67,
      messages: ['missingElement', 'missingElement', 'missingElement'],
      missing: ['plan.shared_with_reps', 'plan.last_reviewed'],
    },
    {
      name: 'what the plan covers unknown',
      plan: { documented: true, shared_with_reps: true, last_reviewed: '2026-06-01', ...practice },
      status: 'incomplete',
      score: 0.35,
      upTo: 1,
      messages: [],
      missing: ['plan.covers'],
    },
    {
      name: 'sharing unknown',
      plan: { documented: true, covers: [...ALL], last_reviewed: '2026-06-01', ...practice },
      status: 'incomplete',
      score: 0.78,
      upTo: 1,
      messages: [],
      missing: ['plan.shared_with_reps'],
    },
    {
      name: 'sharing and review unknown',
      plan: { documented: true, covers: [...ALL], ...practice },
      status: 'incomplete',
      score: 0.714,
      upTo: 1,
      messages: [],
      missing: ['plan.shared_with_reps', 'plan.last_reviewed'],
    },
    {
      name: 'an unshared plan whose review is unknown keeps its finding',
      plan: { documented: true, covers: [...ALL], shared_with_reps: false, ...practice },
      status: 'partial',
      score: 0.714,
      upTo: 0.78,
      messages: ['notShared'],
      missing: ['plan.last_reviewed'],
    },
    {
      name: 'the practice unknown: cadence, quantified goals and capacity earn nothing',
      plan: core,
      status: 'incomplete',
      score: 0.55,
      upTo: 1,
      messages: [],
      missing: ['plan.review_cadence', 'plan.goals_quantified', 'plan.sales_target', 'plan.quota_per_rep', 'plan.ramped_reps'],
    },
  ])('partly known: $name', ({ plan, status, score, upTo, messages, missing }) => {
    const r = runRule(rule, { plan } as never);
    expectOutcome(r, { status, score, messages, missing });
    expect(r.report.rules[0]!.upTo).toBe(upTo);
  });

  it('is not assessed without knowing whether a plan is written, earning nothing', () => {
    const r = runRule(rule, { plan: { covers: [...ALL] } } as never);
    expectOutcome(r, { status: 'not-assessed', score: 0, missing: ['plan.documented'] });
  });

  it.each([
    ...rawExamples(),
    ['a good plan', { plan: good }] as [string, unknown],
    ['an over-target plan', { plan: { ...good, ramped_reps: 2, goals_quantified: false, review_cadence: 'none' } }] as [string, unknown],
  ])('never scores higher with a fact deleted: %s', (_name, org) => {
    const full = runRule(rule, org as never).score!;
    for (const path of keyPaths(org, ['plan'])) {
      const r = runRule(rule, without(org, path) as never);
      expect(r.score, path.join('.')).not.toBeNull();
      expect(r.score!, path.join('.')).toBeLessThanOrEqual(full);
    }
  });

  it('names each missing element in its message and checklist item', () => {
    const r = runRule(rule, { plan: { ...good, covers: ['target_markets', 'ideal_customer_profile', 'value_proposition'] } });
    expect(r.findings.map((f) => f.data.element)).toEqual(['positioning against alternatives', 'goals (what success looks like this year)']);
    expect(r.checklist.map((c) => c.action)).toEqual(['Add the positioning against alternatives to the sales plan.', 'Add the goals (what success looks like this year) to the sales plan.']);
  });

  it('honours a re-tuned review interval and cites its source', () => {
    const plan = { ...good, review_cadence: 'quarterly' as const, last_reviewed: '2026-04-01' };
    expect(runRule(rule, { plan }).score).toBe(1);
    const r = runRule(rule, { plan }, { options: { reviewMonths: 6 } });
    expect(r.status).toBe('partial');
    expect(r.messages).toEqual(['staleReview']);
    expect(r.findings[0]!.data.months).toBe(7);
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['reviewMonths', 6]]);
    expect(t[0]!.source).toMatch(/^house default, informed by Jackson \(Jackson Solutions, 2012\), mistake 2/);
    expect(t[0]!.source).not.toMatch(/RULES\.md/);
    expect(r.checklist.map((c) => c.action)).toEqual(['Put a review of the plan on the calendar at least every 6 months.']);
  });

  it.each([
    // The review date counts as unknown: the plan earns the overdue score until it is known.
    { name: 'a good plan', plan: { ...good, last_reviewed: '2027-02-01' }, status: 'incomplete', score: 0.89, missing: ['plan.last_reviewed'] },
    {
      name: 'an unshared, incomplete plan',
      plan: { ...good, covers: ALL.slice(1), shared_with_reps: false, last_reviewed: '2026-11-28' },
      status: 'partial',
      score: 0.661,
      missing: ['plan.last_reviewed'],
    },
  ])('treats a review dated after the audit date as unknown, with a note: $name', ({ plan, status, score, missing }) => {
    const r = runRule(rule, { plan });
    expectOutcome(r, { status, score, missing });
    expect(r.messages).not.toContain('staleReview');
    expect(r.notes.map((n) => [n.messageId, n.message, n.evidence[0]!.path])).toEqual([
      ['futureDate', `The date of the last plan review (${plan.last_reviewed}) is after the audit date (2026-11-27): check it.`, 'plan.last_reviewed'],
    ]);
  });

  it('accepts a review dated on the audit date', () => {
    const r = runRule(rule, { plan: { ...good, last_reviewed: '2026-11-27' } });
    expect(r.score).toBe(1);
    expect(r.notes).toEqual([]);
  });

  it('words one month in the singular', () => {
    const r = runRule(rule, { plan: { ...good, review_cadence: 'monthly' as const, last_reviewed: '2026-10-27' } }, { options: { reviewMonths: 1 } });
    expect(r.findings[0]!.message).toBe('The plan was last reviewed 1 month ago (a review is due every month).');
    expect(r.checklist.map((c) => c.action)).toEqual(['Put a review of the plan on the calendar at least every month.']);
  });
});
