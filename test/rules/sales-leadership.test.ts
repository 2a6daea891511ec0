import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-leadership';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const L = 'leadership';

describe('sales-leadership', () => {
  it.each([
    {
      name: 'passes with an experienced dedicated manager',
      org: { leadership: { sales_managed_by: 'sales_manager', manager_experience_years: 8, outside_help: ['none'], leader_since: '2020-01-01' } },
      status: 'pass', score: 1, messages: [], paths: [], steps: [],
    },
    {
      name: 'fails when the CEO runs sales with no experience and no outside help',
      org: { leadership: { sales_managed_by: 'ceo', manager_experience_years: 0, outside_help: ['none'] } },
      status: 'fail', score: 0,
      messages: ['ownerNotDedicated', 'noExperience', 'noOutsideHelp'],
      paths: [`${L}.sales_managed_by`, `${L}.manager_experience_years`, `${L}.outside_help`],
      steps: ['nameManager', 'outsideHelp', 'learningPlan'],
    },
    {
      name: 'fails when nobody manages sales',
      org: { leadership: { sales_managed_by: 'nobody' } },
      status: 'fail', score: 0, messages: ['nobody'], paths: [`${L}.sales_managed_by`], steps: ['nameManager', 'outsideHelp'],
    },
    {
      name: 'is partial when the CEO runs sales with outside help',
      org: { leadership: { sales_managed_by: 'ceo', manager_experience_years: 0, outside_help: ['advisor', 'reading'] } },
      status: 'partial', score: 0.6,
      messages: ['ownerNotDedicated', 'noExperience'],
      paths: [`${L}.sales_managed_by`, `${L}.manager_experience_years`],
      steps: ['nameManager', 'learningPlan'],
    },
    {
      name: 'is partial for an experienced founder with outside help',
      org: { leadership: { sales_managed_by: 'founder', manager_experience_years: 4, outside_help: ['coach'] } },
      status: 'partial', score: 0.8, messages: ['ownerNotDedicated'], paths: [`${L}.sales_managed_by`], steps: ['nameManager', 'learningPlan'],
    },
    {
      name: 'is partial for an experienced CEO with no outside help',
      org: { leadership: { sales_managed_by: 'ceo', manager_experience_years: 3, outside_help: ['none'] } },
      status: 'partial', score: 0.5,
      messages: ['ownerNotDedicated', 'noOutsideHelp'],
      paths: [`${L}.sales_managed_by`, `${L}.outside_help`],
      steps: ['nameManager', 'outsideHelp', 'learningPlan'],
    },
    {
      name: 'is partial for a dedicated manager new to the job with no help',
      org: { leadership: { sales_managed_by: 'sales_manager', manager_experience_years: 0, outside_help: [] } },
      status: 'partial', score: 0.5,
      messages: ['noExperience', 'noOutsideHelp'],
      paths: [`${L}.manager_experience_years`, `${L}.outside_help`],
      steps: ['outsideHelp', 'learningPlan'],
    },
    {
      name: 'scores a CEO with help but unknown experience without deducting for the unknown',
      org: { leadership: { sales_managed_by: 'ceo', outside_help: ['fractional_leader'] } },
      status: 'partial', score: 0.8, messages: ['ownerNotDedicated'], paths: [`${L}.sales_managed_by`], steps: ['nameManager', 'learningPlan'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps }) => {
    const r = runRule(rule, org as never);
    expectOutcome(r, { status, score, messages, paths, steps });
    expect(r.notes).toEqual([]);
  });

  it.each([
    { name: 'without who manages sales', org: { leadership: { manager_experience_years: 3 } }, missing: [`${L}.sales_managed_by`] },
    {
      name: 'when unknown outside help decides between fail and partial',
      org: { leadership: { sales_managed_by: 'ceo', manager_experience_years: 0 } },
      missing: [`${L}.outside_help`],
    },
    {
      name: 'when unknown experience decides between pass and partial',
      org: { leadership: { sales_managed_by: 'sales_manager', outside_help: ['training'] } },
      missing: [`${L}.manager_experience_years`],
    },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org as never);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
  });

  it.each([
    { since: '2025-11-28', months: 11, note: true },
    { since: '2025-05-28', months: 17, note: true },
    { since: '2025-04-28', months: 18, note: true },
    { since: '2025-04-27', months: 19, note: false },
  ])('notes a tenure under 19 months without failing (since $since)', ({ since, months, note }) => {
    const r = runRule(rule, { leadership: { sales_managed_by: 'sales_manager', manager_experience_years: 6, leader_since: since } });
    expect(r.status).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.messages).toEqual([]);
    expect(r.steps).toEqual([]);
    expect(r.notes.map((n) => n.messageId)).toEqual(note ? ['shortTenure'] : []);
    expect(r.paths).toEqual(note ? [`${L}.leader_since`] : []);
    if (note) expect(r.notes[0]!.data.months).toBe(months);
  });

  it.each([
    { name: 'a dedicated experienced manager still passes (the review case)', leadership: { sales_managed_by: 'sales_manager' as const, manager_experience_years: 6, leader_since: '2030-01-01' }, status: 'pass', score: 1 },
    { name: 'a CEO with no help still fails', leadership: { sales_managed_by: 'ceo' as const, manager_experience_years: 0, outside_help: ['none' as const], leader_since: '2026-11-28' }, status: 'fail', score: 0 },
  ])('notes a start date after the audit date, and gives no tenure note: $name', ({ leadership, status, score }) => {
    const r = runRule(rule, { leadership });
    expect(r.status).toBe(status);
    expect(r.score).toBe(score);
    expect(r.notes.map((n) => [n.messageId, n.message, n.evidence.map((e) => e.path)])).toEqual([
      ['futureDate', `The date the sales leader took the role (${leadership.leader_since}) is after the audit date (2026-11-27): check it.`, [`${L}.leader_since`]],
    ]);
  });

  it('keeps the future-date note when the rule cannot be assessed', () => {
    const r = runRule(rule, { leadership: { sales_managed_by: 'sales_manager', leader_since: '2027-01-01' } });
    expect(r.status).toBe('not-assessed');
    expect(r.notes.map((n) => n.messageId)).toEqual(['futureDate']);
  });

  it.each([
    { since: '2026-11-01', text: 'less than a month' },
    { since: '2026-10-27', text: '1 month' },
    { since: '2026-09-27', text: '2 months' },
  ])('words a short tenure as "$text" (since $since)', ({ since, text }) => {
    const r = runRule(rule, { leadership: { sales_managed_by: 'sales_manager', manager_experience_years: 6, leader_since: since } });
    expect(r.notes[0]!.message).toBe(`The current sales leader has been in the role for ${text} (under 19): a risk to continuity.`);
  });

  it('honours a re-tuned tenure threshold and cites its source', () => {
    const org = { leadership: { sales_managed_by: 'sales_manager' as const, manager_experience_years: 6, leader_since: '2025-04-27' } };
    expect(runRule(rule, org).notes).toEqual([]);
    const r = runRule(rule, org, { options: { shortTenureMonths: 24 } });
    expect(r.notes.map((n) => n.messageId)).toEqual(['shortTenure']);
    const t = r.notes[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['shortTenureMonths', 24]]);
    expect(t[0]!.source).toMatch(/Sales Benchmark Index.*2012/);
  });

  it('notes a short tenure alongside failures when a CEO recently took over', () => {
    const r = runRule(rule, { leadership: { sales_managed_by: 'ceo', manager_experience_years: 0, outside_help: ['none'], leader_since: '2026-06-01' } });
    expect(r.status).toBe('fail');
    expect(r.notes.map((n) => [n.messageId, n.data.months])).toEqual([['shortTenure', 5]]);
  });
});
