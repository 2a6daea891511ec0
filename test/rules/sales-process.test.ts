import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import rule from '../../rules/sales-process';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const stage = (name: string, exit_criteria: string[] | undefined = [`${name} done`]) => ({ name, buyer_activity: `buyer in ${name}`, exit_criteria });
const stages = [stage('Discovery'), stage('Evaluation'), stage('Proposal')];
const dynamic = { buyer_journey_mapped: true, stages, forecast_method: 'stage_weighted', stage_reviews: 'monthly' };
const S = 'process.stages';

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

const monotoneCases = (): [string, unknown][] => [...examples(), ['dynamic', { process: dynamic }], ['seller exits', { process: { ...dynamic, stages: [{ name: 'Demo', exit_criteria: ['demo given'] }] } }]];

describe('sales-process', () => {
  it.each([
    { name: 'passes at the dynamic level', process: dynamic, status: 'pass', score: 1, level: 'dynamic', messages: [], paths: [], steps: [] },
    { name: 'passes with weekly reviews and an evidence-based forecast', process: { ...dynamic, forecast_method: 'evidence_based', stage_reviews: 'weekly' }, status: 'pass', score: 1, level: 'dynamic', messages: [], paths: [], steps: [] },
    {
      name: 'fails at the random level (no stages)',
      process: { stages: [] },
      status: 'fail', score: 0, level: 'random',
      messages: ['noStages'], paths: [S], steps: ['mapJourney', 'defineStages', 'stageForecast', 'reviewConversion'],
    },
    {
      name: 'fails at the informal level (a stage without exit criteria)',
      process: { ...dynamic, stages: [stage('Discovery'), stage('Proposal', [])] },
      status: 'fail', score: 0.375, level: 'informal',
      messages: ['noExitCriteria'], paths: [`${S}[1].exit_criteria`], steps: ['addExitCriteria'],
    },
    {
      name: 'is partial at the formal level (no conversion reviews)',
      process: { ...dynamic, stage_reviews: 'none' },
      status: 'partial', score: 0.7, level: 'formal',
      messages: ['noStageReviews'], paths: ['process.stage_reviews'], steps: ['reviewConversion'],
    },
    {
      name: 'is partial with only quarterly conversion reviews',
      process: { ...dynamic, stage_reviews: 'quarterly' },
      status: 'partial', score: 0.85, level: 'dynamic',
      messages: ['quarterlyStageReviews'], paths: ['process.stage_reviews'], steps: ['reviewConversion'],
    },
    {
      name: 'caps the score when the forecast is gut feel',
      process: { ...dynamic, forecast_method: 'gut' },
      status: 'fail', score: 0.45, level: 'informal',
      messages: ['gutForecast'], paths: ['process.forecast_method'], steps: ['stageForecast'],
    },
    {
      name: 'caps the score when there is no forecast',
      process: { ...dynamic, forecast_method: 'none' },
      status: 'fail', score: 0.45, level: 'informal',
      messages: ['noForecast'], paths: ['process.forecast_method'], steps: ['stageForecast'],
    },
    {
      name: "deducts when the buyer's cycle is not mapped",
      process: { ...dynamic, buyer_journey_mapped: false, stages: [stage('Discovery'), { name: 'Close', exit_criteria: ['signed'] }] },
      status: 'partial', score: 0.85, level: 'dynamic',
      messages: ['journeyNotMapped'], paths: ['process.buyer_journey_mapped'], steps: ['mapJourney'],
    },
    {
      name: 'counts stages that each name the buyer activity as a mapped cycle',
      process: { ...dynamic, buyer_journey_mapped: false },
      status: 'pass', score: 1, level: 'dynamic', messages: [], paths: [], steps: [],
    },
    {
      name: 'scores the example org (informal, unmapped, gut forecast, no reviews)',
      process: {
        buyer_journey_mapped: false,
        stages: [{ name: 'Discovery', exit_criteria: ['budget confirmed', 'decision maker identified'] }, { name: 'Proposal', exit_criteria: [] }],
        forecast_method: 'gut',
        stage_reviews: 'none',
      },
      status: 'fail', score: 0.225, level: 'informal',
      messages: ['journeyNotMapped', 'noExitCriteria', 'gutForecast', 'noStageReviews'],
      paths: ['process.buyer_journey_mapped', `${S}[1].exit_criteria`, 'process.forecast_method', 'process.stage_reviews'],
      steps: ['mapJourney', 'addExitCriteria', 'stageForecast', 'reviewConversion'],
    },
  ])('$name', ({ process, status, score, level, messages, paths, steps }) => {
    const r = runRule(rule, { process } as never);
    expectOutcome(r, { status, score, messages });
    expect(r.paths).toEqual([...paths, S]);
    expect(r.notes.map((n) => [n.messageId, n.data.level])).toEqual([['maturity', level]]);
    expect(r.notes[0]!.message).toBe(`On the four-level maturity scale (random, informal, formal, dynamic), the sales process is ${level}.`);
    expect(r.steps).toEqual(steps);
  });

  // Partly known: an unknown fact earns nothing (taken at its worst), the known
  // findings stay, and the facts that would settle the score are listed.
  const upTo = (l: string) => `${l} (up to dynamic once the unknown facts are known)`;
  it.each([
    {
      name: 'keeps the finding on the buyer journey when a stage\'s exit criteria are unknown (issue 10)',
      process: { buyer_journey_mapped: false, stages: [{ name: 'A', exit_criteria: ['x'] }, { name: 'B' }], forecast_method: 'stage_weighted', stage_reviews: 'monthly' },
      status: 'partial', score: 0.225, upTo: 0.85, level: upTo('informal'),
      messages: ['journeyNotMapped'], missing: [`${S}[1].exit_criteria`], steps: ['find-out', 'mapJourney'],
    },
    {
      name: 'scores a known informal process, unknowns earning nothing',
      process: { stages: [stage('Discovery'), { name: 'Proposal', exit_criteria: [] }] },
      status: 'fail', score: 0.225, upTo: 0.375, level: 'informal',
      messages: ['noExitCriteria'], missing: ['process.buyer_journey_mapped'], steps: ['addExitCriteria', 'find-out'],
    },
    {
      name: 'fails a gut-feel forecast even when the stages are unknown',
      process: { forecast_method: 'gut' },
      status: 'fail', score: 0, upTo: 0.45, level: 'random (up to informal once the unknown facts are known)',
      messages: ['gutForecast'], missing: [S, 'process.buyer_journey_mapped'], steps: ['stageForecast', 'find-out'],
    },
    {
      name: 'earns the formal level while the review cadence is unknown',
      process: { ...dynamic, stage_reviews: undefined },
      status: 'pass', score: 0.7, upTo: 1, level: upTo('formal'), messages: [], missing: ['process.stage_reviews'], steps: ['find-out'],
    },
    {
      name: 'earns the informal level while the forecast method is unknown',
      process: { ...dynamic, forecast_method: undefined },
      status: 'pass', score: 0.45, upTo: 1, level: upTo('informal'), messages: [], missing: ['process.forecast_method'], steps: ['find-out'],
    },
    {
      name: "earns the informal level while a stage's exit criteria are unknown",
      process: { ...dynamic, stages: [stage('Discovery'), { name: 'Proposal', buyer_activity: 'buyer decides' }] },
      status: 'pass', score: 0.375, upTo: 1, level: upTo('informal'), messages: [], missing: [`${S}[1].exit_criteria`], steps: ['find-out'],
    },
    {
      name: 'deducts for the unmapped cycle until it is known',
      process: { ...dynamic, buyer_journey_mapped: undefined, stages: [{ name: 'Close', exit_criteria: ['signed'] }] },
      status: 'pass', score: 0.85, upTo: 1, level: 'dynamic', messages: [], missing: ['process.buyer_journey_mapped'], steps: ['find-out'],
    },
  ])('partly known: $name', ({ process, status, score, upTo: up, level, messages, missing, steps }) => {
    const r = runRule(rule, { process } as never);
    expectOutcome(r, { status, score, messages, missing, steps });
    expect(r.report.rules[0]!.upTo).toBe(up);
    expect(r.notes.map((n) => n.data.level)).toEqual([level]);
  });

  it('is not assessed when nothing about the process is known', () => {
    const r = runRule(rule, { process: {} } as never);
    expectOutcome(r, { status: 'not-assessed', score: 0, messages: [] });
    expect(r.report.rules[0]!.upTo).toBe(1);
  });

  it.each(monotoneCases())('never scores higher with a fact deleted: %s', (_name, org) => {
    const full = runRule(rule, org as never).score!;
    expect(full).not.toBeNull();
    for (const path of keyPaths(org, ['process'])) {
      const r = runRule(rule, without(org, path) as never);
      expect(r.score, path.join('.')).not.toBeNull();
      expect(r.score!, path.join('.')).toBeLessThanOrEqual(full);
    }
  });

  it('names the stage that lacks exit criteria, or its position when unnamed', () => {
    const r = runRule(rule, { process: { ...dynamic, stages: [{ buyer_activity: 'x', exit_criteria: [] }, stage('Proposal', [])] } } as never);
    expect(r.findings.map((f) => f.data.stage)).toEqual(['process.stages[0]', 'Proposal']);
    expect(r.checklist[1]!.action).toContain('"Proposal"');
  });

  it('reports a failing process as fatal (critical rule)', () => {
    const r = runRule(rule, { process: { stages: [] } });
    expect(r.findings.every((f) => f.fatal)).toBe(true);
    expect(r.report.summary.fatal).toBe(1);
  });
});
