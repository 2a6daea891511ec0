import { describe, expect, it } from 'vitest';
import rule from '../../rules/manage-not-pay-cut';
import { expectOutcome, runRule } from '../helpers/rule-harness';

type Act = 'pay_cut' | 'improvement_plan' | 'coaching' | 'release';
const rep = (name: string, attainment: number[], actions?: Act[]) => ({
  name,
  attainment,
  ...(actions ? { actions: actions.map((action, k) => ({ date: `2026-0${k + 1}-01`, action })) } : {}),
});

describe('manage-not-pay-cut', () => {
  it.each([
    {
      name: 'passes (score 1) when nobody underperforms',
      org: { people: [rep('AE 1', [90, 100, 110], []), rep('AE 2', [70, 80, 60], [])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'fails for a pay cut with no improvement plan, on a rep under 50% for 3+ quarters',
      org: { people: [rep('AE 1', [45, 40, 38, 42], ['pay_cut'])] },
      status: 'fail',
      score: 0,
      messages: ['payCut', 'lowAttainment'],
      paths: ['people[0].actions[0]', 'people[0].attainment', 'people[0].actions'],
    },
    {
      name: 'fails for a pay cut alone, whatever the attainment',
      org: { people: [rep('AE 1', [], ['pay_cut'])] },
      status: 'fail',
      score: 0,
      messages: ['payCut'],
      paths: ['people[0].actions[0]'],
    },
    {
      name: 'is partial with the share of underperformers actively managed',
      org: { people: [rep('AE 1', [40, 40, 40], ['improvement_plan']), rep('AE 2', [30, 30, 30], []), rep('AE 3', [100, 100], [])] },
      status: 'partial',
      score: 0.5,
      messages: ['lowAttainment'],
      paths: ['people[1].attainment', 'people[1].actions'],
    },
    {
      name: 'accepts a pay cut that comes with an improvement plan',
      org: { people: [rep('AE 1', [40, 40, 40], ['pay_cut', 'improvement_plan'])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'accepts a release as a decision',
      org: { people: [rep('AE 1', [20, 20, 20], ['release'])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'does not count extra coaching alone as an improvement plan',
      org: { people: [rep('AE 1', [20, 20, 20], ['coaching'])] },
      status: 'fail',
      score: 0,
      messages: ['lowAttainment'],
      paths: ['people[0].attainment', 'people[0].actions'],
    },
    {
      name: 'does not count exactly 50% as below 50%',
      org: { people: [rep('AE 1', [50, 50, 50], [])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'needs three poor quarters in a row, not two',
      org: { people: [rep('AE 1', [80, 40, 40], [])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'looks at the latest quarters: a rep who recovered is not an underperformer',
      org: { people: [rep('AE 1', [40, 40, 40, 80], [])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'ignores people who do not sell',
      org: { people: [{ ...rep('Ops', [10, 10, 10], []), is_rep: false }, rep('AE 1', [90, 90, 90], [])] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'leaves an underperformer whose actions are unknown out of the score, with a note',
      org: { people: [rep('AE 1', [40, 40, 40]), rep('AE 2', [30, 30, 30], [])] },
      status: 'fail',
      score: 0,
      messages: ['lowAttainment'],
      paths: ['people[1].attainment', 'people[1].actions', 'people[0].attainment'],
    },
  ])('$name', ({ org, status, score, messages, paths }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths });
  });

  it.each([
    { name: 'without attainment or pay cuts', org: { people: [{ name: 'AE 1', actions: [{ action: 'coaching' as const }] }] }, missing: ['people[].attainment', 'people[].actions'] },
    { name: "when every underperformer's actions are unknown", org: { people: [rep('AE 1', [40, 40, 40]), rep('AE 2', [90])] }, missing: ['people[0].actions'] },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
  });

  it('names each unmanaged rep in the checklist and asks to stop pay cuts', () => {
    const r = runRule(rule, { people: [rep('AE 1', [40, 40, 40], ['pay_cut']), rep('AE 2', [30, 30, 30], []), rep('AE 3', [90], [])] });
    expect(r.steps).toEqual(['decide', 'decide', 'stopPayCuts']);
    expect(r.checklist[0]!.action).toContain('AE 1');
    expect(r.checklist[1]!.action).toContain('AE 2');
    expect(r.checklist[1]!.evidence[0]!.path).toBe('people[1].attainment');
  });

  it('honours re-tuned thresholds and cites their source', () => {
    const org = { people: [rep('AE 1', [90, 55, 55], [])] };
    expect(runRule(rule, org).score).toBe(1);
    const r = runRule(rule, org, { options: { underperformancePct: 60, consecutiveQuarters: 2 } });
    expect(r.status).toBe('fail');
    expect(r.messages).toEqual(['lowAttainment']);
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['underperformancePct', 60], ['consecutiveQuarters', 2]]);
    expect(t[0]!.source).toMatch(/RULES\.md/);
  });

  it.each([
    {
      name: 'a rep with nothing filled in (the review case)',
      people: [{ name: 'AE 1', selling_time_pct: 70, attainment: [60, 75, 80] }, { name: 'AE 2' }],
      note: 'AE 2 has no quota attainment recorded: the score covers 1 of 2 reps.',
      paths: ['people[1].attainment'],
    },
    {
      name: 'two reps, one unnamed; non-reps not counted',
      people: [rep('AE 1', [90, 90, 90], []), { name: 'AE 2', actions: [] }, {}, { name: 'Ops', is_rep: false }],
      note: 'AE 2 and people[2] have no quota attainment recorded: the score covers 1 of 3 reps.',
      paths: ['people[1].attainment', 'people[2].attainment'],
    },
  ])('keeps the score over known reps and notes the others: $name', ({ people, note, paths }) => {
    const r = runRule(rule, { people });
    expect(r.status).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.notes.map((n) => [n.messageId, n.message])).toEqual([['repsUnknown', note]]);
    expect(r.notes[0]!.evidence.map((e) => e.path)).toEqual(paths);
  });

  it('treats an action dated after the audit date as undated, with a note to check it', () => {
    const r = runRule(rule, { people: [{ name: 'AE 1', attainment: [40, 40, 40], actions: [{ date: '2027-01-10', action: 'pay_cut' }] }] });
    expect(r.status).toBe('fail');
    expect(r.score).toBe(0);
    expect(r.findings[0]!.message).toBe('AE 1 had a pay cut (date not recorded) with no improvement plan or decision on record.');
    expect(r.notes.map((n) => [n.messageId, n.message, n.evidence[0]!.path])).toEqual([
      ['futureDate', 'The pay cut recorded for AE 1 is dated 2027-01-10, after the audit date (2026-11-27): check it.', 'people[0].actions[0].date'],
    ]);
  });

  it('accepts an action dated on the audit date itself', () => {
    const r = runRule(rule, { people: [{ name: 'AE 1', attainment: [40], actions: [{ date: '2026-11-27', action: 'pay_cut' }] }] });
    expect(r.findings[0]!.message).toBe('AE 1 had a pay cut on 2026-11-27 with no improvement plan or decision on record.');
    expect(r.notes).toEqual([]);
  });

  it('keeps the future-date note when the rule cannot be assessed', () => {
    const r = runRule(rule, { people: [{ name: 'AE 1', actions: [{ date: '2030-01-01', action: 'coaching' }] }] });
    expect(r.status).toBe('not-assessed');
    expect(r.notes.map((n) => n.messageId)).toEqual(['futureDate']);
  });

  it('says "the last quarter" for a single poor quarter', () => {
    const r = runRule(rule, { people: [rep('AE 1', [90, 30], [])] }, { options: { consecutiveQuarters: 1 } });
    expect(r.findings[0]!.message).toBe('AE 1 has been under 50% of quota for the last quarter (30%) with no improvement plan or decision on record.');
  });
});
