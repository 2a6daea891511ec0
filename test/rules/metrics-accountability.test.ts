import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import rule from '../../rules/metrics-accountability';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const revenue = { name: 'Revenue', kind: 'outcome', target: 2_000_000, owner: 'CEO' };
const meetings = { name: 'Meetings booked', kind: 'activity', target: 12, owner: 'AE' };
const good = { kpis: [revenue, meetings], review_cadence: 'weekly', team_involved: true };
const K = 'metrics.kpis';

// Monotone: deleting any fact the rule reads never raises its score. Run over
// the bundled examples (and org literals): each key under the rule's sections
// is deleted in turn.
const EXAMPLES = new URL('../../templates/examples/', import.meta.url);
const examples = (): [string, unknown][] =>
  readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => [f, parse(readFileSync(new URL(f, EXAMPLES), 'utf8'))]);
type Key = string | number;
/** Every key path inside the given top-level sections (list items by index; plain list values are not keys). */
function keyPaths(o: unknown, sections: string[], at: Key[] = []): Key[][] {
  if (Array.isArray(o)) return o.flatMap((x, i) => keyPaths(x, sections, [...at, i]));
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => (at.length || sections.includes(k) ? [[...at, k], ...keyPaths(v, sections, [...at, k])] : []));
}
function without(o: unknown, path: Key[]): unknown {
  const copy = structuredClone(o) as Record<Key, unknown>;
  let x = copy;
  for (const k of path.slice(0, -1)) x = x[k] as Record<Key, unknown>;
  delete x[path[path.length - 1]!];
  return copy;
}

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
      metrics: { ...good, kpis: [revenue, { name: 'Meetings booked', kind: 'activity', target: 0, owner: 'none' }] },
      status: 'partial', score: 0.85, messages: ['noTarget', 'noOwner'], paths: [`${K}[1].target`, `${K}[1].owner`], steps: ['setTarget', 'setOwner'],
    },
    {
      name: 'fails with every gap at once',
      metrics: { kpis: [{ name: 'Revenue', kind: 'outcome', target: 0, owner: 'nobody' }], review_cadence: 'none', team_involved: false },
      status: 'fail', score: 0.05,
      messages: ['outcomeOnly', 'noTarget', 'noOwner', 'noReview', 'teamNotInvolved'],
      paths: [`${K}[0].kind`, `${K}[0].target`, `${K}[0].owner`, 'metrics.review_cadence', 'metrics.team_involved'],
      steps: ['addLeading', 'setTarget', 'setOwner', 'setReview', 'workshop'],
    },
  ])('$name', ({ metrics, status, score, messages, paths, steps }) => {
    const r = runRule(rule, { metrics } as never);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  // Partly known: an unknown earns nothing, the known findings stay.
  it.each([
    {
      name: 'targets and a kind left out are unknown, not "none"; the known gaps stay',
      metrics: { kpis: [{ name: 'Revenue', kind: 'outcome', owner: 'CEO' }, { name: 'Calls', owner: 'AE' }], review_cadence: 'none', team_involved: false },
      unknowns: [], status: 'fail', score: 0.15, upTo: 0.6,
      messages: ['noReview', 'teamNotInvolved'], missing: [`${K}[1].kind`, `${K}[0].target`, `${K}[1].target`],
    },
    { name: 'no KPI list, but a known review cadence and team', metrics: { review_cadence: 'none', team_involved: true }, unknowns: [], status: 'fail', score: 0, upTo: 0.8, messages: ['noReview'], missing: [K] },
    { name: 'nothing known', metrics: {}, unknowns: [], status: 'not-assessed', score: 0, upTo: 1, messages: [], missing: [K, 'metrics.review_cadence', 'metrics.team_involved'] },
    { name: 'the review cadence unknown', metrics: { ...good, review_cadence: undefined }, unknowns: [], status: 'pass', score: 0.8, upTo: 1, messages: [], missing: ['metrics.review_cadence'] },
    { name: 'team involvement unknown', metrics: { ...good, team_involved: undefined }, unknowns: [], status: 'pass', score: 0.8, upTo: 1, messages: [], missing: ['metrics.team_involved'] },
    { name: 'the kind of a KPI unknown', metrics: { ...good, kpis: [revenue, { name: 'Calls', target: 50, owner: 'AE' }] }, unknowns: [], status: 'pass', score: 0.75, upTo: 1, messages: [], missing: [`${K}[1].kind`] },
    {
      name: 'a target answered "unknown"',
      metrics: { ...good, kpis: [{ name: 'Calls', kind: 'activity', owner: 'AE' }] },
      unknowns: [`${K}[0].target`], status: 'pass', score: 0.8, upTo: 1, messages: [], missing: [`${K}[0].target`],
    },
  ])('partly known: $name', ({ metrics, unknowns, status, score, upTo, messages, missing }) => {
    const r = runRule(rule, { metrics } as never, { unknowns });
    expectOutcome(r, { status, score, messages, missing });
    expect(r.report.rules[0]!.upTo).toBe(upTo);
  });

  it.each([...examples(), ['good', { metrics: good }] as [string, unknown]])('never scores higher with a fact deleted: %s', (_name, org) => {
    const full = runRule(rule, org as never).score!;
    for (const path of keyPaths(org, ['metrics'])) {
      const r = runRule(rule, without(org, path) as never);
      expect(r.score, path.join('.')).not.toBeNull();
      expect(r.score!, path.join('.')).toBeLessThanOrEqual(full);
    }
  });

  it('names the KPI in each per-KPI checklist item, or its position when unnamed', () => {
    const r = runRule(rule, { metrics: { ...good, kpis: [revenue, { kind: 'activity', owner: 'AE', target: 0 }, { name: 'Pipeline added', kind: 'activity', target: 5, owner: 'none' }] } } as never);
    expect(r.checklist.map((c) => [c.stepId, c.action, c.evidence[0]!.path])).toEqual([
      ['setTarget', 'Set a target for the KPI "metrics.kpis[1]".', `${K}[1].target`],
      ['setOwner', 'Name an owner for the KPI "Pipeline added".', `${K}[2].owner`],
    ]);
  });
});
