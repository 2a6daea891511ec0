import { describe, expect, it } from 'vitest';
import rule from '../../rules/go-to-market-plan';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const ALL = ['target_markets', 'ideal_customer_profile', 'value_proposition', 'positioning', 'goals'] as const;
const good = { documented: true, covers: [...ALL], shared_with_reps: true, last_reviewed: '2026-06-01' };

describe('go-to-market-plan', () => {
  it.each([
    { name: 'passes with a complete, shared, recently reviewed plan', plan: good, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails without a written plan',
      plan: { documented: false, covers: [...ALL], shared_with_reps: true },
      status: 'fail', score: 0,
      messages: ['noPlan'],
      paths: ['plan.documented'],
      steps: ['writePlan', 'addElement', 'addElement', 'addElement', 'addElement', 'addElement', 'share', 'review'],
    },
    {
      name: 'is partial with one element missing',
      plan: { ...good, covers: ['target_markets', 'ideal_customer_profile', 'value_proposition', 'positioning'] },
      status: 'partial', score: 0.8, messages: ['missingElement'], paths: ['plan.covers'], steps: ['addElement'],
    },
    {
      name: 'is partial with three elements of five',
      plan: { ...good, covers: ['target_markets', 'value_proposition', 'goals'] },
      status: 'partial', score: 0.6, messages: ['missingElement', 'missingElement'], paths: ['plan.covers', 'plan.covers'], steps: ['addElement', 'addElement'],
    },
    {
      name: 'fails with two elements of five',
      plan: { ...good, covers: ['target_markets', 'goals'] },
      status: 'fail', score: 0.4, messages: ['missingElement', 'missingElement', 'missingElement'], paths: ['plan.covers', 'plan.covers', 'plan.covers'], steps: ['addElement', 'addElement', 'addElement'],
    },
    {
      name: 'fails with a written plan that covers none of the elements',
      plan: { ...good, covers: [] },
      status: 'fail', score: 0, messages: Array(5).fill('missingElement'), paths: Array(5).fill('plan.covers'), steps: Array(5).fill('addElement'),
    },
    {
      name: 'is reduced when the reps have not seen the plan',
      plan: { ...good, shared_with_reps: false },
      status: 'partial', score: 0.6, messages: ['notShared'], paths: ['plan.shared_with_reps'], steps: ['share'],
    },
    {
      name: 'is reduced when the last review is exactly 12 months old',
      plan: { ...good, last_reviewed: '2025-11-27' },
      status: 'partial', score: 0.8, messages: ['staleReview'], paths: ['plan.last_reviewed'], steps: ['review'],
    },
    { name: 'passes with a review 11 months old', plan: { ...good, last_reviewed: '2025-11-28' }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails a complete plan that is neither shared nor reviewed',
      plan: { ...good, shared_with_reps: false, last_reviewed: '2024-01-15' },
      status: 'fail', score: 0.48, messages: ['notShared', 'staleReview'], paths: ['plan.shared_with_reps', 'plan.last_reviewed'], steps: ['share', 'review'],
    },
    {
      name: 'scores on what is known when the unknowns cannot change the status',
      plan: { documented: true, covers: ['goals', 'positioning'] },
      status: 'fail', score: 0.4, messages: ['missingElement', 'missingElement', 'missingElement'], paths: ['plan.covers', 'plan.covers', 'plan.covers'], steps: ['addElement', 'addElement', 'addElement'],
    },
  ])('$name', ({ plan, status, score, messages, paths, steps }) => {
    const r = runRule(rule, { plan } as never);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  it.each([
    { name: 'without knowing whether a plan is written', plan: { covers: [...ALL] }, missing: ['plan.documented'] },
    { name: 'when what the plan covers is unknown', plan: { documented: true, shared_with_reps: true, last_reviewed: '2026-06-01' }, missing: ['plan.covers'] },
    { name: 'when sharing decides between pass and partial', plan: { documented: true, covers: [...ALL], last_reviewed: '2026-06-01' }, missing: ['plan.shared_with_reps'] },
    { name: 'when sharing and review are both unknown', plan: { documented: true, covers: [...ALL] }, missing: ['plan.shared_with_reps', 'plan.last_reviewed'] },
  ])('is not assessed $name', ({ plan, missing }) => {
    const r = runRule(rule, { plan } as never);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
  });

  it('names each missing element in its message and checklist item', () => {
    const r = runRule(rule, { plan: { ...good, covers: ['target_markets', 'ideal_customer_profile', 'value_proposition'] } });
    expect(r.findings.map((f) => f.data.element)).toEqual(['positioning against alternatives', 'goals (what success looks like this year)']);
    expect(r.checklist.map((c) => c.action)).toEqual(['Add the positioning against alternatives to the sales plan.', 'Add the goals (what success looks like this year) to the sales plan.']);
  });

  it('honours a re-tuned review interval and cites its source', () => {
    const plan = { ...good, last_reviewed: '2026-04-01' };
    expect(runRule(rule, { plan }).score).toBe(1);
    const r = runRule(rule, { plan }, { options: { reviewMonths: 6 } });
    expect(r.status).toBe('partial');
    expect(r.messages).toEqual(['staleReview']);
    expect(r.findings[0]!.data.months).toBe(7);
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['reviewMonths', 6]]);
    expect(t[0]!.source).toMatch(/RULES\.md/);
    expect(r.checklist.map((c) => c.action)).toEqual(['Put a review of the plan on the calendar at least every 6 months.']);
  });

  it.each([
    // Unknown review date decides pass vs partial: not assessed, but the note stays.
    { name: 'review date decides the status', plan: { ...good, last_reviewed: '2027-02-01' }, status: 'not-assessed', score: null, missing: ['plan.last_reviewed'] },
    // Unshared and incomplete, the plan fails either way: scored, with no deduction for the review.
    { name: 'review date cannot change the status', plan: { ...good, covers: ALL.slice(1), shared_with_reps: false, last_reviewed: '2026-11-28' }, status: 'fail', score: 0.48, missing: [] },
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
    const r = runRule(rule, { plan: { ...good, last_reviewed: '2026-10-27' } }, { options: { reviewMonths: 1 } });
    expect(r.findings[0]!.message).toBe('The plan was last reviewed 1 month ago (a review is due every month).');
    expect(r.checklist.map((c) => c.action)).toEqual(['Put a review of the plan on the calendar at least every month.']);
  });
});
