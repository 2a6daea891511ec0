import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-vs-marketing';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import { oneFactDeleted, rawExamples } from '../helpers/monotone';
import type { Org } from '../../src/model/schema';

const mk = (marketing: NonNullable<Org['marketing']>): Org => ({ marketing });
const ALL: NonNullable<Org['marketing']>['owns'] = ['positioning', 'messaging', 'collateral', 'lead_generation'];
const LEADS = { qualified_lead_defined: true, lead_follow_up_agreed: true } as const;

const examples = rawExamples();

describe('sales-vs-marketing', () => {
  it.each([
    {
      name: 'passes: dedicated marketing owns the story, reps use it, leads are defined and followed up, issues have a route',
      org: mk({ function: 'dedicated', owns: ALL, ...LEADS, reps_create_messaging: false, issue_route: true }),
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
      steps: [],
      missing: [],
    },
    {
      name: 'passes short of full without an issue route',
      org: mk({ function: 'dedicated', owns: ALL, ...LEADS, reps_create_messaging: false, issue_route: false }),
      status: 'pass',
      score: 0.9,
      messages: ['noIssueRoute'],
      paths: ['marketing.issue_route'],
      steps: ['issueRoute'],
      missing: [],
    },
    {
      name: 'is partial without a qualified-lead definition or a follow-up agreement',
      org: mk({ function: 'dedicated', owns: ALL, qualified_lead_defined: false, lead_follow_up_agreed: false, reps_create_messaging: false, issue_route: true }),
      status: 'partial',
      score: 0.7,
      messages: ['noLeadDefinition', 'noFollowUp'],
      paths: ['marketing.qualified_lead_defined', 'marketing.lead_follow_up_agreed'],
      steps: ['defineLead', 'agreeFollowUp'],
      missing: [],
    },
    {
      name: 'is partial when marketing owns only lead generation and nobody else owns the story',
      org: mk({ function: 'dedicated', owns: ['lead_generation'], message_owner: 'none', ...LEADS, reps_create_messaging: false, issue_route: true }),
      status: 'partial',
      score: 0.7,
      messages: ['notOwned'],
      paths: ['marketing.owns'],
      steps: ['ownItems'],
      missing: [],
    },
    {
      name: 'is partial with half the story owned by marketing',
      org: mk({ function: 'dedicated', owns: ['positioning', 'lead_generation'], message_owner: 'none', ...LEADS, reps_create_messaging: false, issue_route: true }),
      status: 'partial',
      score: 0.85,
      messages: ['notOwned'],
      paths: ['marketing.owns'],
      steps: ['ownItems'],
      missing: [],
    },
    {
      name: 'is partial: everything owned, but the reps still write their own',
      org: mk({ function: 'dedicated', owns: ALL, ...LEADS, reps_create_messaging: true, issue_route: true }),
      status: 'partial',
      score: 0.7,
      messages: ['repsWrite'],
      paths: ['marketing.reps_create_messaging'],
      steps: ['oneMessage'],
      missing: [],
    },
    {
      name: 'is partial: nobody owns the story in a company run by a sales manager',
      org: { leadership: { sales_managed_by: 'sales_manager' }, ...mk({ function: 'none', message_owner: 'nobody', ...LEADS, reps_create_messaging: false, issue_route: true }) },
      status: 'partial',
      score: 0.7,
      messages: ['noMessageOwner'],
      paths: ['marketing.message_owner', 'marketing.function'],
      steps: ['nameOwner'],
      missing: [],
    },
    {
      name: 'fails: nobody owns the story and the reps write their own, in a founder-led company',
      org: {
        leadership: { sales_managed_by: 'ceo' },
        ...mk({ function: 'none', owns: [], message_owner: 'none', qualified_lead_defined: false, lead_follow_up_agreed: false, reps_create_messaging: true, issue_route: false }),
      },
      status: 'fail',
      score: 0,
      messages: ['noOwnerRepsWrite', 'noLeadDefinition', 'noFollowUp', 'noIssueRoute'],
      paths: ['marketing.message_owner', 'marketing.function', 'marketing.reps_create_messaging', 'marketing.qualified_lead_defined', 'marketing.lead_follow_up_agreed', 'marketing.issue_route'],
      steps: ['founderOwnsMessage', 'oneMessage', 'defineLead', 'agreeFollowUp', 'issueRoute'],
      missing: [],
    },
    // Partly known: known checks count and keep their findings; unknown ones earn nothing.
    {
      name: "partly known: marketing owns only lead generation, the story's owner unknown (the finding stays)",
      org: mk({ function: 'dedicated', owns: ['lead_generation'], ...LEADS, reps_create_messaging: false, issue_route: true }),
      status: 'incomplete',
      score: 0.7,
      messages: ['notOwned'],
      paths: ['marketing.owns'],
      steps: ['find-out', 'ownItems'],
      missing: ['marketing.message_owner'],
    },
    {
      name: 'partly known: a founder-led company with no marketing, reps using one pitch, the rest unknown',
      org: { leadership: { sales_managed_by: 'ceo' }, ...mk({ function: 'none', reps_create_messaging: false }) },
      status: 'incomplete',
      score: 0.3,
      messages: [],
      paths: [],
      steps: ['find-out', 'find-out', 'find-out', 'find-out'],
      missing: ['marketing.message_owner', 'marketing.qualified_lead_defined', 'marketing.lead_follow_up_agreed', 'marketing.issue_route'],
    },
    {
      name: 'partly known: marketing exists, reps still write, nothing else known',
      org: mk({ function: 'shared', reps_create_messaging: true }),
      status: 'fail',
      score: 0,
      messages: ['repsWrite'],
      paths: ['marketing.reps_create_messaging'],
      steps: ['oneMessage', 'find-out', 'find-out', 'find-out', 'find-out'],
      missing: ['marketing.message_owner', 'marketing.owns', 'marketing.qualified_lead_defined', 'marketing.lead_follow_up_agreed', 'marketing.issue_route'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps, missing }) => {
    const r = runRule(rule, org as Org);
    expectOutcome(r, { status, score, messages, paths, steps, missing });
  });

  it.each([
    {
      name: 'without a marketing section',
      org: {},
      missing: [
        'marketing.message_owner',
        'marketing.function',
        'marketing.owns',
        'marketing.reps_create_messaging',
        'marketing.qualified_lead_defined',
        'marketing.lead_follow_up_agreed',
        'marketing.issue_route',
      ],
    },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(missing);
  });

  // Issue 11: who owns positioning and messaging (the CEO in a founder-led company), not whether there is a marketing department.
  it('passes a founder-led company without marketing whose CEO owns the story, with leads defined and followed up', () => {
    const r = runRule(rule, { leadership: { sales_managed_by: 'ceo' }, marketing: { function: 'none', owns: [], message_owner: 'CEO', ...LEADS, reps_create_messaging: false, issue_route: true } });
    expectOutcome(r, { status: 'pass', score: 1, messages: [], notes: [], steps: [], missing: [] });
  });

  it.each([
    ['ceo', 'CEO'],
    ['founder', 'Founder'],
  ] as const)('gives the story to the founder running sales (sales managed by the %s: %s), low effort; lead agreements too', (managedBy, who) => {
    const r = runRule(rule, {
      leadership: { sales_managed_by: managedBy },
      marketing: { function: 'none', message_owner: 'no one', qualified_lead_defined: false, lead_follow_up_agreed: false, reps_create_messaging: true, issue_route: true },
    });
    expect(r.status).toBe('fail');
    expect(r.checklist.map((c) => [c.stepId, c.owner, c.effort])).toEqual([
      ['founderOwnsMessage', who, 'low'],
      ['oneMessage', 'CEO', 'medium'],
      ['defineLead', who, 'low'],
      ['agreeFollowUp', who, 'low'],
    ]);
  });

  it('names the items marketing does not own in the finding and the step', () => {
    const r = runRule(rule, mk({ function: 'dedicated', owns: ['messaging'], message_owner: 'none', ...LEADS, reps_create_messaging: false, issue_route: true }));
    expect(r.score).toBe(0.85);
    expect(r.findings[0]!.message).toBe('Marketing (a dedicated marketing person or team) does not own positioning, and no one else is named as their owner.');
    expect(r.checklist[0]!.action).toBe('Make marketing responsible for positioning.');
  });

  const FULL: Org = {
    leadership: { sales_managed_by: 'ceo' },
    marketing: { function: 'shared', owns: ['positioning', 'lead_generation'], message_owner: 'CEO', ...LEADS, reps_create_messaging: false, issue_route: true },
  };
  it.each([...examples, ['a full org literal', FULL] as const])('never scores higher with a fact of %s deleted', (_name, full) => {
    const base = runRule(rule, full).score ?? 0;
    for (const [path, less] of oneFactDeleted(full)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(base);
    }
  });
});
