import { describe, expect, it } from 'vitest';
import rule from '../../rules/continuous-recruiting';
import { loadOrgFile } from '../../src/load/load';
import type { Org } from '../../src/model/schema';
import { expectOutcome, runRule } from '../helpers/rule-harness';

// Audit date 2026-11-27: 2026-09-30 is 58 days before it, 2026-09-29 is 59.
const territory = (opened_on: string) => ({ name: 'North', opened_on });

describe('continuous-recruiting', () => {
  it.each([
    {
      name: 'passes when recruiting continuously with a bench',
      recruiting: { mode: 'continuous' as const, bench: 2, open_territories: [territory('2026-11-01')] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'fails on a territory open over 58 days with an empty bench',
      recruiting: { mode: 'on_vacancy' as const, bench: 0, open_territories: [territory('2026-08-01')] },
      status: 'fail',
      score: 0,
      messages: ['staleTerritory', 'onVacancy'],
      paths: ['recruiting.open_territories[0].opened_on', 'recruiting.bench', 'recruiting.mode'],
    },
    {
      name: 'is partial when recruiting only on vacancy',
      recruiting: { mode: 'on_vacancy' as const, bench: 1 },
      status: 'partial',
      score: 0.5,
      messages: ['onVacancy'],
      paths: ['recruiting.mode'],
    },
    {
      name: 'is partial when recruiting continuously with nobody on the bench',
      recruiting: { mode: 'continuous' as const, bench: 0, open_territories: [] },
      status: 'partial',
      score: 0.7,
      messages: ['emptyBench'],
      paths: ['recruiting.bench'],
    },
    {
      name: 'does not fail a territory open exactly 58 days',
      recruiting: { mode: 'continuous' as const, bench: 0, open_territories: [territory('2026-09-30')] },
      status: 'partial',
      score: 0.7,
      messages: ['emptyBench'],
      paths: ['recruiting.bench'],
    },
    {
      name: 'fails a territory open 59 days',
      recruiting: { mode: 'continuous' as const, bench: 0, open_territories: [territory('2026-09-29')] },
      status: 'fail',
      score: 0,
      messages: ['staleTerritory'],
      paths: ['recruiting.open_territories[0].opened_on', 'recruiting.bench'],
    },
    {
      name: 'fails on a stale territory with an empty bench even when the mode is unknown',
      recruiting: { bench: 0, open_territories: [territory('2026-01-15')] },
      status: 'fail',
      score: 0,
      messages: ['staleTerritory'],
      paths: ['recruiting.open_territories[0].opened_on', 'recruiting.bench'],
    },
    {
      name: 'only notes a stale territory when candidates are on the bench',
      recruiting: { mode: 'continuous' as const, bench: 3, open_territories: [territory('2026-08-01')] },
      status: 'pass',
      score: 1,
      messages: [],
      paths: ['recruiting.open_territories[0].opened_on', 'recruiting.bench'],
    },
    {
      name: 'earns nothing on a stale territory while the bench is unknown (on vacancy caps it at half)',
      recruiting: { mode: 'on_vacancy' as const, open_territories: [territory('2026-08-01'), { name: 'South' }] },
      status: 'fail',
      score: 0,
      messages: ['onVacancy'],
      paths: ['recruiting.mode', 'recruiting.open_territories[0].opened_on', 'recruiting.bench', 'recruiting.open_territories[1].opened_on'],
    },
  ])('$name', ({ recruiting, status, score, messages, paths }) => {
    const r = runRule(rule, { recruiting });
    expectOutcome(r, { status, score, messages, paths });
  });

  it.each([
    { name: 'when recruiting is continuous but the bench is unknown', recruiting: { mode: 'continuous' as const }, missing: ['recruiting.bench', 'recruiting.open_territories'] },
    { name: 'without a recruiting section', recruiting: undefined, missing: ['recruiting.mode', 'recruiting.bench', 'recruiting.open_territories'] },
  ])('is not assessed, earning nothing, $name', ({ recruiting, missing }) => {
    const r = runRule(rule, recruiting ? { recruiting } : {});
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(missing);
  });

  it('is partly known without the recruiting mode: a bench earns half, the rest is in play', () => {
    const r = runRule(rule, { recruiting: { channels: ['referrals'], bench: 2 } });
    expectOutcome(r, { status: 'pass', score: 0.5, messages: [], missing: ['recruiting.mode'] });
    expect(r.report.rules[0]!.upTo).toBe(1);
  });

  it('keeps the known findings when the mode is unknown', () => {
    const r = runRule(rule, { recruiting: { bench: 0, open_territories: [] } });
    expectOutcome(r, { status: 'partial', score: 0.5, messages: ['emptyBench'], steps: ['standingPipeline', 'find-out'], missing: ['recruiting.mode'] });
    expect(r.report.rules[0]!.upTo).toBe(0.7);
  });

  it('names the stale territory and the missing channels in the checklist', () => {
    const r = runRule(rule, { recruiting: { mode: 'on_vacancy', bench: 0, channels: ['referrals'], open_territories: [territory('2026-08-01')] } });
    expect(r.steps).toEqual(['fillTerritory', 'standingPipeline', 'channels', 'courtList']);
    expect(r.checklist[0]!.action).toContain('North');
    expect(r.checklist[0]!.action).toContain('118 days');
    expect(r.checklist[2]!.action).toContain('business partners');
    expect(r.checklist[2]!.action).not.toContain('referrals');
    expect(runRule(rule, { recruiting: { mode: 'continuous', bench: 2 } }).steps).toEqual([]);
  });

  it('honours a re-tuned limit and cites its source', () => {
    const recruiting = { mode: 'continuous' as const, bench: 0, open_territories: [territory('2026-10-18')] };
    expect(runRule(rule, { recruiting }).score).toBe(0.7);
    const r = runRule(rule, { recruiting }, { options: { maxOpenDays: 30 } });
    expect(r.status).toBe('fail');
    expect(r.messages).toEqual(['staleTerritory']);
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['maxOpenDays', 30]]);
    expect(t[0]!.source).toMatch(/HRO Today.*WilsonHCG.*2017/);
  });

  it('counts days from the audit date', () => {
    const recruiting = { mode: 'continuous' as const, bench: 0, open_territories: [territory('2026-08-01')] };
    expect(runRule(rule, { recruiting }, { date: '2026-09-15' }).score).toBe(0.7);
    expect(runRule(rule, { recruiting }).score).toBe(0);
  });

  it.each([
    { name: 'a day after the audit date', opened: '2026-11-28', status: 'pass', score: 1, mode: 'continuous' as const },
    { name: 'years after, with recruiting on vacancy', opened: '2030-01-01', status: 'partial', score: 0.5, mode: 'on_vacancy' as const },
  ])('treats an opening date after the audit date as unknown, with a note: $name', ({ opened, status, score, mode }) => {
    const r = runRule(rule, { recruiting: { mode, bench: 2, open_territories: [territory(opened)] } });
    expect(r.status).toBe(status);
    expect(r.score).toBe(score);
    expect(r.steps).not.toContain('fillTerritory');
    expect(r.notes.map((n) => [n.messageId, n.message, n.evidence.map((e) => e.path)])).toEqual([
      ['futureDate', `The opening date of the territory "North" (${opened}) is after the audit date (2026-11-27): check it.`, ['recruiting.open_territories[0].opened_on']],
    ]);
  });

  it('keeps the future-date note when the rule cannot be assessed', () => {
    const r = runRule(rule, { recruiting: { open_territories: [territory('2027-03-01')] } });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.notes.map((n) => n.messageId)).toEqual(['futureDate']);
  });

  it('words one day and one candidate in the singular', () => {
    const r = runRule(rule, { recruiting: { mode: 'on_vacancy', bench: 1, open_territories: [territory('2026-11-26')] } }, { options: { maxOpenDays: 0 } });
    expect(r.notes.map((n) => n.message)).toEqual(['The territory "North" has been open for 1 day (more than 0) although 1 candidate is on the bench.']);
    expect(r.checklist[0]!.action).toMatch(/^Fill the territory "North" \(open 1 day\):/);
  });

  it('names an unnamed territory by its path', () => {
    const r = runRule(rule, { recruiting: { mode: 'on_vacancy', bench: 0, open_territories: [{}] } });
    expect(r.notes.map((n) => n.message)).toEqual(['When the territory recruiting.open_territories[0] opened is not known.']);
  });
});

const MONOTONE_ORGS: Org[] = [
  { recruiting: { mode: 'on_vacancy', bench: 0, open_territories: [territory('2026-08-01'), { name: 'South', opened_on: '2026-11-01' }], channels: ['referrals'] } },
  { recruiting: { mode: 'continuous', bench: 3, open_territories: [territory('2026-01-01')], channels: ['referrals', 'partners', 'professional_networks', 'competitor_talent'] } },
  { recruiting: { mode: 'continuous', bench: 0, open_territories: [], channels: [] } },
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
