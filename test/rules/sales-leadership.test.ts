import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import rule from '../../rules/sales-leadership';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const L = 'leadership';

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
  ])('$name', ({ org, status, score, messages, paths, steps }) => {
    const r = runRule(rule, org as never);
    expectOutcome(r, { status, score, messages, paths, steps });
    expect(r.notes).toEqual([]);
  });

  // Partly known: the unknown fact earns nothing, the known findings stay.
  it.each([
    {
      name: 'a CEO with help but unknown experience earns the inexperienced score',
      org: { leadership: { sales_managed_by: 'ceo', outside_help: ['fractional_leader'] } },
      status: 'partial', score: 0.6, upTo: 0.8, messages: ['ownerNotDedicated'], missing: [`${L}.manager_experience_years`], steps: ['nameManager', 'learningPlan', 'find-out'],
    },
    {
      name: 'a CEO without experience whose outside help is unknown fails on what is known',
      org: { leadership: { sales_managed_by: 'ceo', manager_experience_years: 0 } },
      status: 'fail', score: 0, upTo: 0.6, messages: ['ownerNotDedicated', 'noExperience'], missing: [`${L}.outside_help`], steps: ['find-out', 'nameManager', 'learningPlan'],
    },
    {
      name: 'a dedicated manager whose experience is unknown earns the new-manager score',
      org: { leadership: { sales_managed_by: 'sales_manager', outside_help: ['training'] } },
      status: 'pass', score: 0.8, upTo: 1, messages: [], missing: [`${L}.manager_experience_years`], steps: ['find-out'],
    },
    {
      name: 'a dedicated manager with neither fact known',
      org: { leadership: { sales_managed_by: 'sales_manager' } },
      status: 'pass', score: 0.5, upTo: 1, messages: [], missing: [`${L}.manager_experience_years`, `${L}.outside_help`], steps: ['find-out'],
    },
  ])('partly known: $name', ({ org, status, score, upTo, messages, missing, steps }) => {
    const r = runRule(rule, org as never);
    expectOutcome(r, { status, score, messages, missing, steps });
    expect(r.report.rules[0]!.upTo).toBe(upTo);
  });

  it('is not assessed without who manages sales, earning nothing', () => {
    const r = runRule(rule, { leadership: { manager_experience_years: 3 } });
    expectOutcome(r, { status: 'not-assessed', score: 0, missing: [`${L}.sales_managed_by`] });
  });

  it.each([...examples(), ['a CEO with help', { leadership: { sales_managed_by: 'ceo', manager_experience_years: 3, outside_help: ['coach'], leader_since: '2026-01-01' } }] as [string, unknown]])(
    'never scores higher with a fact deleted: %s',
    (_name, org) => {
      const full = runRule(rule, org as never).score!;
      for (const path of keyPaths(org, ['leadership'])) {
        const r = runRule(rule, without(org, path) as never);
        expect(r.score, path.join('.')).not.toBeNull();
        expect(r.score!, path.join('.')).toBeLessThanOrEqual(full);
      }
    },
  );

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

  it('keeps the future-date note when the rule is partly known', () => {
    const r = runRule(rule, { leadership: { sales_managed_by: 'sales_manager', leader_since: '2027-01-01' } });
    expectOutcome(r, { status: 'pass', score: 0.5 });
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
