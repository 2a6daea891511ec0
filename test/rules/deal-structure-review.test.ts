import { describe, expect, it } from 'vitest';
import rule from '../../rules/deal-structure-review';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import type { Org } from '../../src/model/schema';

describe('deal-structure-review', () => {
  it.each<{ name: string; org: Org; status: string; score: number; messages: string[]; paths: string[]; steps: string[] }>([
    { name: 'passes with a deal desk', org: { compensation: { deal_review: 'deal_desk' } }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    { name: 'passes with manager approval', org: { compensation: { deal_review: 'manager' } }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails with no review',
      org: { compensation: { deal_review: 'none', basis: 'gross_margin' } },
      status: 'fail', score: 0, messages: ['noReview'], paths: ['compensation.deal_review'], steps: ['addReview'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  it.each<{ name: string; org: Org; unknowns?: string[] }>([
    { name: 'when the review is not stated', org: { compensation: { basis: 'revenue' } } },
    { name: 'when the review was answered "unknown"', org: { compensation: {} }, unknowns: ['compensation.deal_review'] },
  ])('is not assessed $name', ({ org, unknowns }) => {
    const r = runRule(rule, org, { unknowns });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(['compensation.deal_review']);
  });

  it('asks for a named approver in the checklist', () => {
    const r = runRule(rule, { compensation: { deal_review: 'none' } });
    expect(r.checklist).toHaveLength(1);
    expect(r.checklist[0]!.action).toMatch(/named approver/);
    expect(r.checklist[0]!.evidence[0]!.path).toBe('compensation.deal_review');
  });
});
