import { describe, expect, it } from 'vitest';
import rule from '../../rules/individual-coaching';
import { loadOrgFile } from '../../src/load/load';
import type { Org } from '../../src/model/schema';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const rep = (name: string, plan: 'individual' | 'generic' | 'none', focus: ('skills' | 'mindset' | 'time_management')[], hours?: number) => ({
  name,
  is_rep: true,
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

  it.each([
    { name: 'when no rep has a known plan', org: { people: [{ name: 'AE 1', coaching: { hours_per_month: 4 } }] }, missing: ['people[0].coaching.plan', 'people[0].is_rep'] },
    { name: 'without a roster', org: { company: { employees: 12 } }, missing: ['people[].coaching.plan'] },
  ])('is not assessed, earning nothing, $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(missing);
  });

  it.each([
    { name: 'an empty roster', people: [] },
    { name: 'a roster with no seller', people: [{ name: 'Ops', is_rep: false }] },
  ])('does not apply to $name', ({ people }) => {
    const r = runRule(rule, { people });
    expect(r.status).toBe('not-applicable');
    expect(r.score).toBeNull();
  });

  it('keeps the known findings of a partly known roster, and the score is the points earned', () => {
    const r = runRule(rule, {
      people: [rep('AE 1', 'none', []), rep('AE 2', 'individual', ['skills']), { name: 'AE 3', is_rep: true, coaching: { focus: ['mindset'], one_to_one: 'weekly' } }],
    });
    // AE 1: 0; AE 2: own plan, hours unknown (0.5 earned, up to 1); AE 3: plan unknown (nothing earned).
    expectOutcome(r, { status: 'fail', score: 0.167, messages: ['noPlan'], notes: ['repsUnknown'], missing: ['people[1].coaching.hours_per_month', 'people[2].coaching.plan', 'people[2].coaching.hours_per_month'] });
    expect(r.report.rules[0]!.upTo).toBe(0.667);
    expect(r.report.rules[0]!.checks.map((c) => [c.id, c.status, c.score])).toEqual([
      ['rep:AE 1', 'known', 0], ['rep:AE 2', 'partly-known', 0.5], ['rep:AE 3', 'not-assessed', 0],
    ]);
  });

  it('does not count a plan as individual while an unknown focus could make every plan the same', () => {
    const r = runRule(rule, { people: [rep('AE 1', 'individual', ['skills'], 4), { name: 'AE 2', is_rep: true, coaching: { plan: 'individual', hours_per_month: 4 } }] });
    expectOutcome(r, { status: 'not-assessed', score: 0, messages: [], missing: ['people[1].coaching.focus'] });
    expect(runRule(rule, { people: [rep('AE 1', 'individual', ['skills'], 4), rep('AE 2', 'individual', ['mindset'], 4)] }).score).toBe(1);
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
    const r = runRule(rule, { people: [{ name: 'AE 1', is_rep: true, coaching: { plan: 'individual', focus: ['skills'], one_to_one: 'none', hours_per_month: 4 } }] });
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
      people: [rep('AE 1', 'individual', ['skills'], 4), { name: 'AE 2', is_rep: true, coaching: { focus: ['mindset' as const] } }],
      status: 'pass',
      score: 0.5,
      note: 'AE 2 has no development plan recorded: the score counts this rep as earning nothing until it is known.',
      paths: ['people[1].coaching.plan'],
    },
    {
      name: 'two reps without a plan, one unnamed; non-reps not counted',
      people: [rep('AE 1', 'individual', ['skills'], 4), { name: 'AE 2', coaching: { hours_per_month: 4 } }, {}, { name: 'Ops', is_rep: false }],
      // AE 2 or people[2] could hold an individual plan with AE 1's focus, which would make every plan the same: AE 1 is open too.
      status: 'not-assessed',
      score: 0,
      note: 'AE 2 and people[2] have no development plan recorded: the score counts these reps as earning nothing until it is known.',
      paths: ['people[1].coaching.plan', 'people[2].coaching.plan'],
    },
  ])('judges the known reps and counts the others as earning nothing, with a note: $name', async ({ people, status, score, note, paths }) => {
    const { runRule } = await import('../helpers/rule-harness');
    const rule = (await import('../../rules/individual-coaching')).default;
    const r = runRule(rule, { people });
    expect(r.status).toBe(status);
    expect(r.score).toBe(score);
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

const MONOTONE_ORGS: Org[] = [
  {
    people: [
      { name: 'AE 1', is_rep: true, coaching: { plan: 'individual', focus: ['skills'], one_to_one: 'weekly', hours_per_month: 4 } },
      { name: 'AE 2', is_rep: true, coaching: { plan: 'individual', focus: ['skills'], one_to_one: 'monthly', hours_per_month: 2 } },
      { name: 'AE 3', is_rep: true, coaching: { plan: 'generic', focus: ['mindset'], one_to_one: 'none', hours_per_month: 0 } },
      { name: 'Ops', is_rep: false, coaching: { plan: 'individual', focus: ['pipeline'] } },
    ],
  },
  {
    people: [
      { name: 'AE 1', is_rep: true, coaching: { plan: 'individual', focus: ['skills'], hours_per_month: 4 } },
      { name: 'AE 2', is_rep: true, coaching: { plan: 'individual', focus: ['mindset'], hours_per_month: 5 } },
      { name: 'AE 3', is_rep: false, coaching: { plan: 'individual', focus: ['mindset'], hours_per_month: 5 } },
      { name: 'AE 4', coaching: { plan: 'none', focus: [] } },
    ],
  },
];

// Making a fact unknown (deleting its key) never raises the rule's score (points earned).
type Seg = string | number;
function keyPaths(v: unknown, path: Seg[] = []): Seg[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, [...path, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...path, k], ...keyPaths(x, [...path, k])]);
  return [];
}
function without(org: Org, p: Seg[]): Org {
  const copy = structuredClone(org) as Record<Seg, unknown>;
  let cur = copy;
  for (const s of p.slice(0, -1)) cur = cur[s] as Record<Seg, unknown>;
  delete cur[p[p.length - 1]!];
  return copy as Org;
}
async function example(name: string): Promise<Org> {
  const r = await loadOrgFile(new URL(`../../templates/examples/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(`${name}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value.org;
}
function expectMonotone(org: Org): void {
  const full = runRule(rule, org).score;
  for (const p of keyPaths(org)) {
    const less = runRule(rule, without(org, p)).score;
    const what = `deleting ${p.join('.')} (full ${full}, then ${less})`;
    // A rule that does not apply may come to apply once a fact is unknown, earning nothing.
    if (full === null) expect(less === null || less === 0, what).toBe(true);
    else expect(less !== null && less <= full + 1e-9, what).toBe(true);
  }
}

describe(`${rule.id}: an unknown never raises the score`, () => {
  it.each(['healthy-org', 'mid-size-gaps', 'struggling-startup', 'roster-team'])('deleting any fact of the %s example', async (name) => {
    expectMonotone(await example(name));
  });
  it.each(MONOTONE_ORGS.map((org, i) => [i, org] as const))('deleting any fact of org literal %i', (_i, org) => {
    expectMonotone(org);
  });
});
