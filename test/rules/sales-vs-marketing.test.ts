import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-vs-marketing';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import type { Org } from '../../src/model/schema';

const mk = (marketing: NonNullable<Org['marketing']>): Org => ({ marketing });
const ALL: NonNullable<Org['marketing']>['owns'] = ['positioning', 'messaging', 'collateral', 'lead_generation'];

describe('sales-vs-marketing', () => {
  it.each([
    {
      name: 'passes: dedicated marketing owns the message, reps use it, issues have a route',
      org: mk({ function: 'dedicated', owns: ALL, reps_create_messaging: false, issue_route: true }),
      status: 'pass', score: 1, messages: [], paths: [], steps: [],
    },
    {
      name: 'passes with owns and route unknown (unknown costs nothing)',
      org: mk({ function: 'shared', reps_create_messaging: false }),
      status: 'pass', score: 1, messages: [], paths: [], steps: [],
    },
    {
      name: 'passes short of full without an issue route',
      org: mk({ function: 'dedicated', owns: ALL, reps_create_messaging: false, issue_route: false }),
      status: 'pass', score: 0.9, messages: ['noIssueRoute'], paths: ['marketing.issue_route'], steps: ['issueRoute'],
    },
    {
      name: 'is partial when marketing owns only lead generation and has no issue route',
      org: mk({ function: 'dedicated', owns: ['lead_generation'], reps_create_messaging: false, issue_route: false }),
      status: 'partial', score: 0.75, messages: ['notOwned', 'noIssueRoute'], paths: ['marketing.owns', 'marketing.issue_route'],
      steps: ['ownItems', 'issueRoute'],
    },
    {
      name: 'fails: no marketing owner and reps write their own messaging',
      org: mk({ function: 'none', owns: [], reps_create_messaging: true, issue_route: false }),
      status: 'fail', score: 0, messages: ['noOwnerRepsWrite', 'noIssueRoute'],
      paths: ['marketing.function', 'marketing.reps_create_messaging', 'marketing.issue_route'],
      steps: ['nameOwner', 'oneMessage', 'issueRoute'],
    },
    {
      name: 'still fails with an issue route but no marketing owner (owns ignored without a function)',
      org: mk({ function: 'none', owns: ['messaging'], reps_create_messaging: true, issue_route: true }),
      status: 'fail', score: 0.2, messages: ['noOwnerRepsWrite'], paths: ['marketing.function', 'marketing.reps_create_messaging'],
      steps: ['nameOwner', 'oneMessage'],
    },
    {
      name: 'is partial at the floor: marketing exists, reps still write, nothing else known',
      org: mk({ function: 'shared', reps_create_messaging: true }),
      status: 'partial', score: 0.5, messages: ['repsStillWrite'], paths: ['marketing.reps_create_messaging', 'marketing.function'],
      steps: ['oneMessage'],
    },
    {
      name: 'is partial with credit for what marketing owns and the issue route',
      org: mk({ function: 'dedicated', owns: ['positioning', 'messaging'], reps_create_messaging: true, issue_route: true }),
      status: 'partial', score: 0.767, messages: ['repsStillWrite', 'notOwned'],
      paths: ['marketing.reps_create_messaging', 'marketing.function', 'marketing.owns'],
      steps: ['ownItems', 'oneMessage'],
    },
    {
      name: 'is partial at the top of the band: everything owned, route in place, reps still write',
      org: mk({ function: 'dedicated', owns: ALL, reps_create_messaging: true, issue_route: true }),
      status: 'partial', score: 0.85, messages: ['repsStillWrite'], paths: ['marketing.reps_create_messaging', 'marketing.function'],
      steps: ['oneMessage'],
    },
    {
      name: 'is partial: no marketing owner though reps do not write their own messaging',
      org: mk({ function: 'none', reps_create_messaging: false, issue_route: true }),
      status: 'partial', score: 0.8, messages: ['noMarketingOwner'], paths: ['marketing.function'], steps: ['nameOwner'],
    },
    {
      name: 'is partial: no marketing owner, no issue route',
      org: mk({ function: 'none', reps_create_messaging: false, issue_route: false }),
      status: 'partial', score: 0.6, messages: ['noMarketingOwner', 'noIssueRoute'], paths: ['marketing.function', 'marketing.issue_route'],
      steps: ['nameOwner', 'issueRoute'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  it.each([
    { name: 'without the marketing function', org: mk({ reps_create_messaging: true }), missing: ['marketing.function'] },
    { name: 'without knowing who writes the messaging', org: mk({ function: 'dedicated', owns: ALL }), missing: ['marketing.reps_create_messaging'] },
    { name: 'without a marketing section', org: {}, missing: ['marketing.function', 'marketing.reps_create_messaging'] },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
  });

  it('names the items marketing does not own in the finding and the step', () => {
    const r = runRule(rule, mk({ function: 'dedicated', owns: ['messaging'], reps_create_messaging: false, issue_route: true }));
    expect(r.score).toBe(0.9);
    expect(r.findings[0]!.data).toEqual({ items: 'positioning and sales collateral' });
    expect(r.checklist[0]!.action).toBe('Make marketing responsible for positioning and sales collateral.');
  });
});
