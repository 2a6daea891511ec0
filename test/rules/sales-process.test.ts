import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-process';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const stage = (name: string, exit_criteria: string[] | undefined = [`${name} done`]) => ({ name, buyer_activity: `buyer in ${name}`, exit_criteria });
const stages = [stage('Discovery'), stage('Evaluation'), stage('Proposal')];
const dynamic = { buyer_journey_mapped: true, stages, forecast_method: 'stage_weighted', stage_reviews: 'monthly' };
const S = 'process.stages';

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
    {
      name: 'scores on what is known when the unknowns cannot change the status',
      process: { stages: [stage('Discovery'), { name: 'Proposal', exit_criteria: [] }] },
      status: 'fail', score: 0.375, level: 'informal',
      messages: ['noExitCriteria'], paths: [`${S}[1].exit_criteria`], steps: ['addExitCriteria'],
    },
  ])('$name', ({ process, status, score, level, messages, paths, steps }) => {
    const r = runRule(rule, { process } as never);
    expectOutcome(r, { status, score, messages });
    expect(r.paths).toEqual([...paths, S]);
    expect(r.notes.map((n) => [n.messageId, n.data.level])).toEqual([['maturity', level]]);
    expect(r.notes[0]!.message).toBe(`On the four-level maturity scale (random, informal, formal, dynamic), the sales process is ${level}.`);
    expect(r.steps).toEqual(steps);
  });

  it.each([
    { name: 'without stages', process: { forecast_method: 'gut' }, missing: [S] },
    { name: 'when the review cadence decides between formal and dynamic', process: { ...dynamic, stage_reviews: undefined }, missing: ['process.stage_reviews'] },
    { name: 'when the forecast method decides between informal and formal', process: { ...dynamic, forecast_method: undefined }, missing: ['process.forecast_method'] },
    { name: "when a stage's exit criteria are unknown", process: { ...dynamic, stages: [stage('Discovery'), { name: 'Proposal', buyer_activity: 'buyer decides' }] }, missing: [`${S}[1].exit_criteria`] },
    { name: 'when whether the cycle is mapped decides pass or partial', process: { ...dynamic, buyer_journey_mapped: undefined, stages: [{ name: 'Close', exit_criteria: ['signed'] }] }, missing: ['process.buyer_journey_mapped'] },
  ])('is not assessed $name', ({ process, missing }) => {
    const r = runRule(rule, { process } as never);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
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
