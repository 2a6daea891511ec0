import { describe, expect, it } from 'vitest';
import rule from '../../rules/metrics-accountability';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const revenue = { name: 'Revenue', kind: 'outcome', target: 2_000_000, owner: 'CEO' };
const meetings = { name: 'Meetings booked', kind: 'activity', target: 12, owner: 'AE' };
const good = { kpis: [revenue, meetings], review_cadence: 'weekly', team_involved: true };
const K = 'metrics.kpis';

describe('metrics-accountability', () => {
  it.each([
    { name: 'passes with owned, targeted, reviewed, agreed KPIs', metrics: good, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails without KPIs',
      metrics: { kpis: [], review_cadence: 'monthly', team_involved: false },
      status: 'fail', score: 0, messages: ['noKpis'], paths: [K], steps: ['defineKpis', 'workshop'],
    },
    {
      name: 'fails without KPIs, listing every first step when nothing else is known',
      metrics: { kpis: [] },
      status: 'fail', score: 0, messages: ['noKpis'], paths: [K], steps: ['defineKpis', 'setReview', 'workshop'],
    },
    {
      name: 'is partial with results-only KPIs',
      metrics: { ...good, kpis: [revenue, { ...revenue, name: 'Deals won' }] },
      status: 'partial', score: 0.75, messages: ['outcomeOnly'], paths: [`${K}[0].kind`, `${K}[1].kind`], steps: ['addLeading'],
    },
    {
      name: 'is partial when the team was left out (the example org)',
      metrics: { ...good, review_cadence: 'monthly', team_involved: false },
      status: 'partial', score: 0.8, messages: ['teamNotInvolved'], paths: ['metrics.team_involved'], steps: ['workshop'],
    },
    {
      name: 'is partial with no review cadence',
      metrics: { ...good, review_cadence: 'none' },
      status: 'partial', score: 0.8, messages: ['noReview'], paths: ['metrics.review_cadence'], steps: ['setReview'],
    },
    {
      name: 'deducts less for a quarterly review',
      metrics: { ...good, review_cadence: 'quarterly' },
      status: 'pass', score: 0.9, messages: ['quarterlyReview'], paths: ['metrics.review_cadence'], steps: ['setReview'],
    },
    {
      name: 'deducts by the share of KPIs without a target or owner',
      metrics: { ...good, kpis: [revenue, { name: 'Meetings booked', kind: 'activity' }] },
      status: 'partial', score: 0.85, messages: ['noTarget', 'noOwner'], paths: [`${K}[1].target`, `${K}[1].owner`], steps: ['setTarget', 'setOwner'],
    },
    {
      name: 'fails with every gap at once',
      metrics: { kpis: [{ name: 'Revenue', kind: 'outcome' }], review_cadence: 'none', team_involved: false },
      status: 'fail', score: 0.05,
      messages: ['outcomeOnly', 'noTarget', 'noOwner', 'noReview', 'teamNotInvolved'],
      paths: [`${K}[0].kind`, `${K}[0].target`, `${K}[0].owner`, 'metrics.review_cadence', 'metrics.team_involved'],
      steps: ['addLeading', 'setTarget', 'setOwner', 'setReview', 'workshop'],
    },
    {
      name: 'scores on what is known when the unknowns cannot change the status',
      metrics: { kpis: [{ name: 'Revenue', kind: 'outcome', owner: 'CEO' }, { name: 'Calls', owner: 'AE' }], review_cadence: 'none', team_involved: false },
      status: 'fail', score: 0.4,
      messages: ['noTarget', 'noTarget', 'noReview', 'teamNotInvolved'],
      paths: [`${K}[0].target`, `${K}[1].target`, 'metrics.review_cadence', 'metrics.team_involved'],
      steps: ['setTarget', 'setTarget', 'setReview', 'workshop'],
    },
  ])('$name', ({ metrics, status, score, messages, paths, steps }) => {
    const r = runRule(rule, { metrics } as never);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  it.each([
    { name: 'without a KPI list', metrics: { review_cadence: 'weekly', team_involved: true }, unknowns: [], missing: [K] },
    { name: 'when the review cadence decides pass or partial', metrics: { ...good, review_cadence: undefined }, unknowns: [], missing: ['metrics.review_cadence'] },
    { name: 'when team involvement decides pass or partial', metrics: { ...good, team_involved: undefined }, unknowns: [], missing: ['metrics.team_involved'] },
    { name: 'when the kind of KPI decides whether there is a leading indicator', metrics: { ...good, kpis: [revenue, { name: 'Calls', target: 50, owner: 'AE' }] }, unknowns: [], missing: [`${K}[1].kind`] },
    {
      name: 'when a target was answered "unknown"',
      metrics: { ...good, kpis: [{ name: 'Calls', kind: 'activity', owner: 'AE' }] },
      unknowns: [`${K}[0].target`],
      missing: [`${K}[0].target`],
    },
  ])('is not assessed $name', ({ metrics, unknowns, missing }) => {
    const r = runRule(rule, { metrics } as never, { unknowns });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
  });

  it('names the KPI in each per-KPI checklist item, or its position when unnamed', () => {
    const r = runRule(rule, { metrics: { ...good, kpis: [revenue, { kind: 'activity', owner: 'AE' }, { name: 'Pipeline added', kind: 'activity', target: 5 }] } } as never);
    expect(r.checklist.map((c) => [c.stepId, c.action, c.evidence[0]!.path])).toEqual([
      ['setTarget', 'Set a target for the KPI "metrics.kpis[1]".', `${K}[1].target`],
      ['setOwner', 'Name an owner for the KPI "Pipeline added".', `${K}[2].owner`],
    ]);
  });
});
