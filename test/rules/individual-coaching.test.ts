import { describe, expect, it } from 'vitest';
import rule from '../../rules/individual-coaching';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const rep = (name: string, plan: 'individual' | 'generic' | 'none', focus: ('skills' | 'mindset' | 'time_management')[], hours?: number) => ({
  name,
  coaching: { plan, focus, one_to_one: 'weekly' as const, ...(hours !== undefined ? { hours_per_month: hours } : {}) },
});

describe('individual-coaching', () => {
  it.each([
    {
      name: 'passes when every rep has an own plan and enough coaching',
      org: { people: [rep('AE 1', 'individual', ['skills'], 4), rep('AE 2', 'individual', ['mindset'], 5)] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'fails when no rep has an own plan (none, or a copy of the team plan)',
      org: { people: [rep('AE 1', 'none', []), rep('AE 2', 'generic', ['skills'])] },
      status: 'fail',
      score: 0,
      messages: ['noPlan', 'genericPlan'],
      paths: ['people[0].coaching.plan', 'people[1].coaching.plan'],
    },
    {
      name: 'is partial with the share of reps who have a plan',
      org: { people: [rep('AE 1', 'individual', ['skills'], 4), rep('AE 2', 'none', [], 4)] },
      status: 'partial',
      score: 0.5,
      messages: ['noPlan'],
      paths: ['people[1].coaching.plan'],
    },
    {
      name: 'counts "individual" plans that are identical for every rep as no plan',
      org: { people: [rep('AE 1', 'individual', ['skills', 'mindset'], 4), rep('AE 2', 'individual', ['mindset', 'skills'], 4)] },
      status: 'fail',
      score: 0,
      messages: ['identicalPlan', 'identicalPlan'],
      paths: ['people[0].coaching.focus', 'people[1].coaching.focus'],
    },
    {
      name: 'reduces the score for coaching under 3 hours a month',
      org: { people: [rep('AE 1', 'individual', ['skills'], 1.5)] },
      status: 'partial',
      score: 0.75,
      messages: ['lowHours'],
      paths: ['people[0].coaching.hours_per_month'],
    },
    {
      name: 'accepts exactly 3 hours a month',
      org: { people: [rep('AE 1', 'individual', ['skills'], 3)] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'ignores people who do not sell',
      org: { people: [rep('AE 1', 'individual', ['skills'], 4), { ...rep('Ops', 'none', []), is_rep: false }] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'leaves reps with an unknown plan out of the score, with a note',
      org: { people: [rep('AE 1', 'none', []), { name: 'AE 2', coaching: { hours_per_month: 4 } }] },
      status: 'fail',
      score: 0,
      messages: ['noPlan'],
      paths: ['people[0].coaching.plan', 'people[1].coaching.plan'],
    },
  ])('$name', ({ org, status, score, messages, paths }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths });
  });

  it('is not assessed when no rep has a known plan', () => {
    const r = runRule(rule, { people: [{ name: 'AE 1', coaching: { hours_per_month: 4 } }] });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(['people[].coaching.plan']);
  });

  it('names each rep who lacks a plan or coaching time in the checklist', () => {
    const r = runRule(rule, {
      people: [rep('AE 1', 'none', [], 1), rep('AE 2', 'individual', ['skills'], 4), { name: 'AE 3', coaching: { plan: 'generic', one_to_one: 'none' } }],
    });
    expect(r.steps.sort()).toEqual(['moreHours', 'oneToOne', 'tailorPlan', 'writePlan']);
    const actions = r.checklist.map((c) => c.action).join('\n');
    expect(actions).toContain('AE 1');
    expect(actions).toContain('AE 3');
    expect(actions).not.toContain('AE 2');
    expect(r.notes.map((n) => n.messageId)).toEqual(['noOneToOne']);
    expect(r.checklist.find((c) => c.stepId === 'writePlan')!.evidence[0]!.path).toBe('people[0].coaching.plan');
  });

  it('returns no steps at full score, keeping notes', () => {
    const r = runRule(rule, { people: [{ name: 'AE 1', coaching: { plan: 'individual', focus: ['skills'], one_to_one: 'none', hours_per_month: 4 } }] });
    expect(r.score).toBe(1);
    expect(r.steps).toEqual([]);
    expect(r.notes.map((n) => n.messageId)).toEqual(['noOneToOne']);
  });

  it('honours a re-tuned coaching minimum and cites its source', () => {
    const org = { people: [rep('AE 1', 'individual', ['skills'], 4)] };
    expect(runRule(rule, org).score).toBe(1);
    const r = runRule(rule, org, { options: { minHoursPerMonth: 5 } });
    expect(r.score).toBe(0.9);
    expect(r.messages).toEqual(['lowHours']);
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['minHoursPerMonth', 5]]);
    expect(t[0]!.source).toMatch(/Gartner.*2019/);
  });
});

describe('individual-coaching wording', () => {
  it('says "1 hour", not "1 hours"', async () => {
    const { runRule } = await import('../helpers/rule-harness');
    const rule = (await import('../../rules/individual-coaching')).default;
    const r = runRule(rule, { people: [{ name: 'AE 1', coaching: { plan: 'individual', focus: ['skills'], hours_per_month: 1 } }] });
    expect(r.findings.map((f) => f.message)).toContain('AE 1 gets 1 hour of coaching a month (the minimum is 3 hours a month).');
    expect(r.checklist.map((c) => c.action)).toContain('Give AE 1 at least 3 hours of coaching a month (today: 1 hour).');
  });

  it('words zero coaching as none, and avoids a possessive on names ending in s', async () => {
    const { runRule } = await import('../helpers/rule-harness');
    const rule = (await import('../../rules/individual-coaching')).default;
    const r = runRule(rule, { people: [{ name: 'VP Sales', coaching: { plan: 'generic', hours_per_month: 0 } }] });
    expect(r.findings.map((f) => f.message)).toContain('VP Sales gets no coaching at all (the minimum is 3 hours a month).');
    expect(r.checklist.map((c) => c.action)).toEqual([
      'Replace the common plan VP Sales follows with one built on their own gaps and strengths.',
      'Give VP Sales at least 3 hours of coaching a month (today: none).',
    ]);
  });
});

describe('individual-coaching coverage', () => {
  it.each([
    {
      name: 'one rep with nothing filled in',
      people: [rep('AE 1', 'individual', ['skills'], 4), { name: 'AE 2' }],
      note: 'AE 2 has no development plan recorded: the score covers 1 of 2 reps.',
      paths: ['people[1].coaching.plan'],
    },
    {
      name: 'two reps without a plan, one unnamed; non-reps not counted',
      people: [rep('AE 1', 'individual', ['skills'], 4), { name: 'AE 2', coaching: { hours_per_month: 4 } }, {}, { name: 'Ops', is_rep: false }],
      note: 'AE 2 and people[2] have no development plan recorded: the score covers 1 of 3 reps.',
      paths: ['people[1].coaching.plan', 'people[2].coaching.plan'],
    },
  ])('keeps the score over known reps and notes the others: $name', async ({ people, note, paths }) => {
    const { runRule } = await import('../helpers/rule-harness');
    const rule = (await import('../../rules/individual-coaching')).default;
    const r = runRule(rule, { people });
    expect(r.status).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.notes.map((n) => [n.messageId, n.message])).toEqual([['repsUnknown', note]]);
    expect(r.notes[0]!.evidence.map((e) => e.path)).toEqual(paths);
  });

  it('says "at least 1 hour" when the minimum is one hour', async () => {
    const { runRule } = await import('../helpers/rule-harness');
    const rule = (await import('../../rules/individual-coaching')).default;
    const r = runRule(rule, { people: [rep('AE 1', 'individual', ['skills'], 0.5)] }, { options: { minHoursPerMonth: 1 } });
    expect(r.checklist.map((c) => c.action)).toEqual(['Give AE 1 at least 1 hour of coaching a month (today: 0.5 hours).']);
  });
});
