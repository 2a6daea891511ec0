import { describe, expect, it } from 'vitest';
import rule from '../../rules/selling-time';
import { expectOutcome, runRule } from '../helpers/rule-harness';

describe('selling-time', () => {
  it.each([
    { name: 'passes above 45%', org: { admin: { selling_time_pct: 50 } }, status: 'pass', score: 1, messages: [], paths: [] },
    { name: 'fails below 35% (team-wide)', org: { admin: { selling_time_pct: 20 } }, status: 'fail', score: 0.229, messages: ['teamLow'], paths: ['admin.selling_time_pct'] },
    { name: 'is partial between 35% and 45%', org: { admin: { selling_time_pct: 40 } }, status: 'partial', score: 0.7, messages: ['teamMiddle'], paths: ['admin.selling_time_pct'] },
    {
      name: 'scores per rep when the roster has selling time',
      org: { admin: { selling_time_pct: 80 }, people: [{ name: 'AE 1', selling_time_pct: 30 }, { name: 'AE 2', selling_time_pct: 60 }] },
      status: 'partial',
      score: 0.671,
      messages: ['repLow'],
      paths: ['people[0].selling_time_pct'],
    },
  ])('$name', ({ org, status, score, messages, paths }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths });
  });

  it.each([
    {
      name: 'one rep without a figure: scored over the known rep, with a note naming the other',
      people: [{ name: 'AE 1', selling_time_pct: 70, attainment: [60, 75, 80] }, { name: 'AE 2' }],
      status: 'pass',
      score: 1,
      note: 'AE 2 has no selling time recorded: the score covers 1 of 2 reps.',
      paths: ['people[1].selling_time_pct'],
    },
    {
      name: 'two reps without a figure, one unnamed; non-reps are not counted',
      people: [{ name: 'AE 1', selling_time_pct: 40 }, { name: 'AE 2' }, {}, { name: 'Ops', is_rep: false }],
      status: 'partial',
      score: 0.7,
      note: 'AE 2 and people[2] have no selling time recorded: the score covers 1 of 3 reps.',
      paths: ['people[0].selling_time_pct', 'people[1].selling_time_pct', 'people[2].selling_time_pct'],
    },
  ])('$name', ({ people, status, score, note, paths }) => {
    const r = runRule(rule, { people });
    expect(r.status).toBe(status);
    expect(r.score).toBe(score);
    expect(r.notes.map((n) => [n.messageId, n.message])).toEqual([['repsUnknown', note]]);
    expect(r.paths).toEqual(paths);
  });

  it('is not assessed when no rep has a figure and there is no team-wide one', () => {
    const r = runRule(rule, { people: [{ name: 'AE 1' }, { name: 'AE 2' }] });
    expect(r.status).toBe('not-assessed');
    expect(r.notes).toEqual([]);
  });

  it('uses the team-wide figure without a note when no rep has one', () => {
    const r = runRule(rule, { admin: { selling_time_pct: 50 }, people: [{ name: 'AE 1' }] });
    expect(r.status).toBe('pass');
    expect(r.notes).toEqual([]);
  });

  it('says "1 hour", not "1 hours", and names an unrecorded number of hours', () => {
    const r = runRule(rule, {
      admin: { selling_time_pct: 30, non_sales_tasks: [{ task: 'invoicing', hours_per_week: 1, offloadable: true }, { task: 'expenses', offloadable: true }] },
    });
    expect(r.findings.filter((f) => f.messageId === 'offloadable').map((f) => f.message)).toEqual([
      'invoicing takes 1 hour per week that a support role could take over.',
      'expenses takes an unrecorded number of hours per week that a support role could take over.',
    ]);
    expect(r.checklist[0]!.action).toBe('Move "invoicing" off the reps: 1 hour per rep per week reclaimed.');
  });

  it('is not assessed without selling time', () => {
    const r = runRule(rule, { admin: { support_staff: 1 } });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(['people[].selling_time_pct', 'admin.selling_time_pct']);
  });

  it('lists offloadable tasks biggest first as checklist steps', () => {
    const r = runRule(rule, {
      admin: {
        selling_time_pct: 30,
        non_sales_tasks: [
          { task: 'invoicing', hours_per_week: 2, offloadable: true },
          { task: 'forecast calls', hours_per_week: 3, offloadable: false },
          { task: 'order entry', hours_per_week: 5, offloadable: true },
        ],
      },
    });
    expect(r.checklist.map((c) => c.action)).toEqual([
      'Move "order entry" off the reps: 5 hours per rep per week reclaimed.',
      'Move "invoicing" off the reps: 2 hours per rep per week reclaimed.',
    ]);
    expect(r.checklist[0]!.evidence[0]!.path).toBe('admin.non_sales_tasks[2]');
  });

  it('honours re-tuned thresholds and cites their source', () => {
    const r = runRule(rule, { admin: { selling_time_pct: 40 } }, { options: { failBelow: 50, passAbove: 60 } });
    expect(r.status).toBe('fail');
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['failBelow', 50], ['passAbove', 60]]);
    expect(t[0]!.source).toMatch(/CSO Insights.*2011/);
  });
});

describe('selling-time options', () => {
  it('refuses thresholds that contradict each other', () => {
    const r = runRule(rule, { admin: { selling_time_pct: 40 } }, { options: { failBelow: 50, passAbove: 40 } });
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/failBelow: expected failBelow to be at most passAbove/);
  });

  it('reports only the range error for an out-of-range threshold', () => {
    const r = runRule(rule, { admin: { selling_time_pct: 40 } }, { options: { failBelow: 120 } });
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/failBelow: /);
    expect(r.error).not.toMatch(/at most passAbove/);
  });
});
