// Jackson, mistake 3: no sales process tied to the buyer's cycle, hence no
// realistic forecast and no view of where reps need help.
import { defineRule, listNames, options, type PathPick, settleAssessment, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

// Maturity levels in the manner of the CSO Insights sales process levels
// (random, informal, formal, dynamic), and what each is worth.
const INFORMAL = 0.3; // stages exist, not all with exit criteria...
const INFORMAL_SPAN = 0.15; // ...plus this much times the share of stages that have them
const FORMAL = 0.7; // exit criteria on every stage and a forecast built on stage evidence
const FORMAL_REVIEWED = 0.85; // formal and reviewed, but conversion only quarterly or stages closed on seller activities
const DYNAMIC = 1; // formal, reviewed weekly or monthly, every stage closed on a buyer milestone, the cycle mapped
const NOT_MAPPED = 0.15; // off any level above random when the buyer's cycle is not mapped
const GUT_CAP = INFORMAL + INFORMAL_SPAN; // a gut-feel (or no) forecast never rises above informal
/** A miss wider than this (0..1) keeps its severity: the engine's near-miss bound (NEAR_MISS in src/engine/run.ts). */
const WIDE_MISS = 0.25;

/** The weight of each check in the rule. */
const W_MATURITY = 0.7;
const W_FORECAST = 0.1;
const W_PIPELINE = 0.1;
const W_WIN_RATE = 0.1;

type Tri = boolean | undefined;
type Reviews = 'regular' | 'quarterly' | 'none';
type Level = 'random' | 'informal' | 'formal' | 'dynamic';
type Exit = 'buyer' | 'seller';

/**
 * The process's level. `exits` has one entry per stage: whether it has exit
 * criteria, and whether they are buyer milestones. "Dynamic" needs all of:
 * a stage forecast, regular reviews, buyer milestones on every stage and a
 * mapped cycle, and no wide miss on forecast accuracy, pipeline coverage or
 * win rate (`clean`); anything short of that is at most formal, so the level
 * is never "dynamic" beside a critical finding.
 */
function assess(exits: { has: boolean; kind: Exit }[], stageForecast: boolean, reviews: Reviews, mapped: boolean, clean: boolean): { level: Level; score: number } {
  if (!exits.length) return { level: 'random', score: 0 };
  const share = exits.filter((x) => x.has).length / exits.length;
  let level: Level;
  let score: number;
  if (share < 1 || !stageForecast) {
    level = 'informal';
    score = INFORMAL + INFORMAL_SPAN * share;
  } else if (reviews === 'none') {
    level = 'formal';
    score = FORMAL;
  } else if (reviews === 'quarterly' || exits.some((x) => x.kind === 'seller') || !mapped || !clean) {
    level = 'formal';
    score = FORMAL_REVIEWED;
  } else {
    level = 'dynamic';
    score = DYNAMIC;
  }
  if (!mapped) score -= NOT_MAPPED;
  if (!stageForecast) score = Math.min(score, GUT_CAP);
  return { level, score: Math.max(0, score) };
}

// Reading an exit criterion from its wording: something the buyer did or
// decided (agreed, confirmed, signed...) is a buyer milestone; something the
// seller did (sent, given, made, held...) is a seller activity; a criterion
// that names the buyer's side and no seller verb is a buyer milestone.
// Matched against the wording with its ASCII letters lowered, not with the i
// flag: the same matches (without the u flag, i folds ASCII letters only), and
// a case-insensitive list of alternatives costs V8 several times as much to
// compile, which a single audit pays in full.
const BUYER_VERB =
  /\b(agree[sd]?|agreed|accept(s|ed)?|approve[sd]?|confirm(s|ed)?|commit(s|ted)?|sign(s|ed)?|signed off|chose|chosen|select(s|ed)?|request(s|ed)?|ask(s|ed)?|decide[sd]?|validate[sd]?|verif(y|ied|ies)|allocate[sd]?|approved)\b/;
const SELLER_VERB =
  /\b(sent|send|given|made|held|delivered|scheduled|booked|completed|done|logged|submitted|presented|demoed|called|emailed|prepared|created|written|drafted|shown|run|qualified|researched|identified by (the )?(rep|seller))\b/;
const BUYER_NOUN = /\b(buyer|customer|client|prospect|sponsor|champion|decision[- ]maker|stakeholder|procurement|budget|economic buyer|committee|board|purchase order|order|po)\b/;
const ASCII_UPPER = /[A-Z]+/g;

/** One criterion read from its wording; undefined when the wording does not tell. */
export function readCriterion(text: string): Exit | undefined {
  const lower = text.replace(ASCII_UPPER, (m) => m.toLowerCase());
  if (BUYER_VERB.test(lower)) return 'buyer';
  if (SELLER_VERB.test(lower)) return 'seller';
  if (BUYER_NOUN.test(lower)) return 'buyer';
  return undefined;
}

/** A stage's exit criteria: buyer milestones when any one is; seller activities when all are; else unknown. */
function readStage(criteria: readonly string[]): Exit | undefined {
  const kinds = criteria.map(readCriterion);
  if (kinds.includes('buyer')) return 'buyer';
  if (kinds.length && kinds.every((k) => k === 'seller')) return 'seller';
  return undefined;
}

const check = (id: string, weight: number, s: { worst: { score: number }; best: { score: number }; unknown: string[] }): CheckOut => ({
  id,
  weight,
  score: [s.worst.score, s.best.score],
  unknown: s.unknown,
});

const SOURCE_ACCURACY =
  'house default, informed by Xactly, "State of Sales Forecasting" benchmark report (2024): about one sales organisation in five forecasts within 5% of what closes, and four in five missed at least one quarterly forecast in the year';
const SOURCE_COVERAGE =
  'house default (a sales-audit default; no study sets it), informed by the common rule of thumb of three times pipeline to target, which is the coverage a win rate of about one in three needs (coverage needed is roughly 1 / win rate): set it to 100 / your win rate';
const SOURCE_COVERAGE_TX =
  'house default (a sales-audit default; no study sets it): transactional selling closes more of a shorter pipeline, so about half the win rate\u2019s inverse more is enough; two times matches a win rate of one in two';
const SOURCE_WIN_RATE =
  'house default, informed by CSO Insights (Miller Heiman Group), 2018-2019 Sales Performance Study: forecast opportunities closed at 47.3% on average; a win rate on qualified opportunities under a fifth is far below that and points to qualification';

export default defineRule({
  id: 'sales-process',
  title: "A defined sales process tied to the buyer's cycle",
  source: 'Jackson, mistake 3',
  category: 'process',
  severity: 'critical',
  reads: [
    'process.stages',
    'process.stages[].name',
    'process.stages[].buyer_activity',
    'process.stages[].exit_criteria',
    'process.stages[].exit_kind',
    'process.buyer_journey_mapped',
    'process.forecast_method',
    'process.stage_reviews',
    'process.forecast_accuracy_pct',
    'process.pipeline_coverage',
    'process.win_rate_pct',
    'company.sales_motion',
  ],
  options: options({
    forecastAccuracyPct: threshold({
      default: 90,
      min: 50,
      max: 100,
      whole: true,
      description: 'How close (%) the quarterly forecast must come to what closed (90: within 10%); 30 points under it earns nothing.',
      source: SOURCE_ACCURACY,
    }),
    pipelineCoverage: threshold({
      default: 3,
      min: 1,
      max: 10,
      description: 'Times over the qualified open pipeline should cover the target still to close, in relationship or solution selling (and when the motion is not known).',
      source: SOURCE_COVERAGE,
    }),
    pipelineCoverageTransactional: threshold({
      default: 2,
      min: 1,
      max: 10,
      description: 'The same, for a company that mostly sells transactionally (one-and-done sales with short cycles).',
      source: SOURCE_COVERAGE_TX,
    }),
    winRatePct: threshold({
      default: 20,
      min: 1,
      max: 90,
      whole: true,
      description: 'Share (%) of decided qualified opportunities won, under which the win rate is a finding.',
      source: SOURCE_WIN_RATE,
    }),
  }),
  docs: {
    description:
      "Places the sales process on four maturity levels in the manner of CSO Insights (random, informal, formal, dynamic): stages at all, exit criteria on every stage, a forecast built on stage evidence, regular review of conversion from stage to stage, and exit criteria that are milestones the buyer has reached rather than things the seller did. Checks that the stages follow the buyer's own buying cycle, how close the forecast comes to what closes, how well the pipeline covers the target, and the win rate.",
    rationale:
      "Stages that mirror how the customer buys, each closed by a milestone the buyer has reached, make it possible to see which activities work, to nudge the buyer along and to spot where a rep needs help; they are also what a believable forecast is built on. A stage closed by \"proposal sent\" measures the seller's effort, not the buyer's progress, so the forecast built on it is hope. Maturity (70% of the rule): random (no stages) 0; informal 0.3 to 0.45 by the share of stages with exit criteria; formal 0.7, or 0.85 when conversion is reviewed but only quarterly, or the stages close on seller activities, or the cycle is not mapped; dynamic 1 only with buyer milestones on every stage, weekly or monthly reviews, a mapped cycle and no wide miss (over a quarter of the way to nothing) on forecast accuracy, pipeline coverage or win rate, so never beside a critical finding; 0.15 off when the buyer's cycle is not mapped; a gut-feel or missing forecast caps it at 0.45. An exit criterion's kind is read from its wording unless the stage states it (exit_kind), with a note. Forecast accuracy, pipeline coverage and win rate are 10% each, scored against their thresholds. The pipeline bar is calibrated by the sales motion: transactional selling, with short cycles and higher win rates, needs about two times the open target; relationship and solution selling three times; while the motion is not known, the higher bar applies.",
  },
  messages: {
    maturity: 'On the four-level maturity scale (random, informal, formal, dynamic), the sales process is {level}.',
    noStages: 'The sales process has no defined stages.',
    noExitCriteria: 'The "{stage}" stage has no exit criteria (milestones the buyer must reach to leave it).',
    sellerExits: 'The "{stage}" stage closes on seller activities ({criteria}), not on a milestone the buyer has reached.',
    inferredExits: 'Read from their wording (whether they are the buyer\u2019s milestones or the seller\u2019s activities is not stated): the exit criteria of {stages} are seller activities.',
    gutForecast: 'The forecast rests on gut feel rather than on evidence from each stage.',
    noForecast: 'There is no sales forecast.',
    noStageReviews: 'Conversion from stage to stage is never reviewed, so nobody sees where deals stall.',
    quarterlyStageReviews: 'Conversion from stage to stage is reviewed only quarterly.',
    journeyNotMapped: "The customer's buying cycle has not been mapped, so the stages may not follow how buyers actually buy.",
    forecastOff: 'The forecast made at the start of each quarter was {accuracy}% accurate against what closed (the bar is {forecastAccuracyPct}%).',
    thinPipeline: 'The qualified pipeline covers {coverage} times the target still to close (the bar is {pipelineCoverage} times{forMotion}).',
    lowWinRate: 'The win rate on qualified opportunities is {winRate}% (under {winRatePct}%): deals enter the pipeline that should not, or are lost where they should not be.',
  },
  steps: {
    mapJourney: { action: 'Map how your customers buy, step by step, and align the sales stages to it.', owner: 'Sales manager', effort: 'medium' },
    defineStages: { action: 'Define the stages of the sales process, each closed by exit criteria the buyer must meet.', owner: 'Sales manager', effort: 'high' },
    addExitCriteria: { action: 'Write exit criteria for the "{stage}" stage: what the buyer must have done or confirmed to move on.', owner: 'Sales manager', effort: 'low' },
    buyerMilestones: {
      action: 'Rewrite the exit criteria of the "{stage}" stage as milestones the buyer reaches (for example "sponsor agrees to a trial", "budget confirmed"), not things the rep did.',
      owner: 'Sales manager',
      effort: 'low',
    },
    stageForecast: { action: 'Build the forecast from stage evidence (stage-weighted, or on the milestones each deal has reached) instead of gut feel.', owner: 'Sales manager', effort: 'medium' },
    reviewConversion: { action: 'Review stage-to-stage conversion every month to find where deals stall and which reps need support.', owner: 'Sales manager', effort: 'low' },
    forecastReview: {
      action: 'Compare each quarter\u2019s forecast with what closed, deal by deal, and tighten the stage evidence a deal needs to be forecast.',
      owner: 'Sales manager',
      effort: 'medium',
    },
    buildPipeline: { action: 'Build pipeline to {pipelineCoverage} times the open target: set a weekly pipeline-creation goal per rep and track it.', owner: 'Sales manager', effort: 'medium' },
    qualify: { action: 'Tighten qualification at the first stage exit and review every lost deal for the stage and reason it was lost.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, options, finding, step }) {
    const p = org.process ?? {};
    const stages = p.stages;
    const stageName = (i: number) => stages?.[i]?.name ?? `process.stages[${i}]`;

    // Tri-state facts: undefined is unknown (a key left out); [] and "none" are known absences.
    const has: Tri[] = (stages ?? []).map((s) => (s.exit_criteria === undefined ? undefined : s.exit_criteria.length > 0));
    // A stage's exit kind: stated, or read from the wording of its criteria.
    const inferred: number[] = [];
    const kinds: (Exit | undefined)[] = (stages ?? []).map((s, i) => {
      if (s.exit_kind !== undefined) return s.exit_kind === 'buyer_milestone' ? 'buyer' : 'seller';
      if (!s.exit_criteria?.length) return undefined;
      const k = readStage(s.exit_criteria);
      if (k === 'seller') inferred.push(i);
      return k;
    });
    const method = p.forecast_method;
    const stageForecast: Tri = method === undefined ? undefined : method === 'stage_weighted' || method === 'evidence_based';
    const reviews: Reviews | undefined =
      p.stage_reviews === undefined ? undefined : p.stage_reviews === 'weekly' || p.stage_reviews === 'monthly' ? 'regular' : p.stage_reviews === 'quarterly' ? 'quarterly' : 'none';
    const allActivities = !!stages?.length && stages.every((s) => s.buyer_activity !== undefined);
    const mapped: Tri = p.buyer_journey_mapped === true || allActivities ? true : p.buyer_journey_mapped;

    // Forecast accuracy, pipeline coverage and win rate, each scored against its
    // bar: accuracy linear over the 30 points under it, the others in proportion.
    const bar = options.forecastAccuracyPct;
    const accuracyScore = (acc: number) => Math.min(1, Math.max(0, (acc - (bar - 30)) / 30));
    // The pipeline bar follows the sales motion; unknown, the higher bar applies.
    const motion = org.company?.sales_motion;
    const barOf = (m: string) => (m === 'transactional' ? options.pipelineCoverageTransactional : options.pipelineCoverage);
    const [hard, easy] = barOf('transactional') > barOf('solution') ? ['transactional', 'solution'] : ['solution', 'transactional'];
    const coverageScore = (cov: number, bar: number) => Math.min(1, cov / bar);
    const winScore = (win: number) => Math.min(1, win / options.winRatePct);
    // Without a forecast there is no accuracy: while the method is unknown, it may be none.
    const accuracyOf = (pick: PathPick) =>
      pick('process.forecast_method', method as string | undefined, 'none', 'evidence_based') === 'none' ? 0 : accuracyScore(pick('process.forecast_accuracy_pct', p.forecast_accuracy_pct, 0, 100));
    const coverageOf = (pick: PathPick) =>
      coverageScore(pick('process.pipeline_coverage', p.pipeline_coverage, 0, Infinity), barOf(pick('company.sales_motion', motion as string | undefined, hard, easy)));
    const winOf = (pick: PathPick) => winScore(pick('process.win_rate_pct', p.win_rate_pct, 0, 100));

    // The maturity: an unknown fact earns nothing (taken at its worst), and
    // could reach its best once known.
    const maturity = settleAssessment((pick) =>
      assess(
        stages === undefined
          ? pick('process.stages', undefined, [], [{ has: true, kind: 'buyer' as Exit }])
          : has.map((x, i) => ({ has: pick(`process.stages[${i}].exit_criteria`, x, false, true), kind: pick(`process.stages[${i}].exit_kind`, kinds[i], 'seller' as Exit, 'buyer' as Exit) })),
        pick('process.forecast_method', stageForecast, false, true),
        pick('process.stage_reviews', reviews, 'none' as Reviews, 'regular' as Reviews),
        pick('process.buyer_journey_mapped', mapped, false, true),
        [accuracyOf(pick), coverageOf(pick), winOf(pick)].every((x) => 1 - x <= WIDE_MISS),
      ),
    );
    const { worst, best } = maturity;
    const level = worst.level === best.level ? worst.level : `${worst.level} (up to ${best.level} once the unknown facts are known)`;

    const forecast = settleAssessment((pick) => ({ score: accuracyOf(pick) }));
    const coverage = settleAssessment((pick) => ({ score: coverageOf(pick) }));
    const winRate = settleAssessment((pick) => ({ score: winOf(pick) }));
    const checks = [
      check('process:maturity', W_MATURITY, maturity),
      check('process:forecast-accuracy', W_FORECAST, forecast),
      check('process:pipeline-coverage', W_PIPELINE, coverage),
      check('process:win-rate', W_WIN_RATE, winRate),
    ];

    const findings: ReturnType<typeof finding>[] = [finding('maturity', ['process.stages'], { level }, { note: true })];
    const steps: ReturnType<typeof step>[] = [];
    const none = stages !== undefined && !stages.length;
    if (none) {
      findings.push(finding('noStages', ['process.stages']));
      if (mapped !== true) steps.push(step('mapJourney', {}, ['process.buyer_journey_mapped']));
      steps.push(step('defineStages', {}, ['process.stages']));
    } else if (stages !== undefined) {
      if (mapped === false) {
        findings.push(finding('journeyNotMapped', ['process.buyer_journey_mapped']));
        steps.push(step('mapJourney', {}, ['process.buyer_journey_mapped']));
      }
      for (const [i, x] of has.entries()) {
        if (x !== false) continue;
        findings.push(finding('noExitCriteria', [`process.stages[${i}].exit_criteria`], { stage: stageName(i) }));
        steps.push(step('addExitCriteria', { stage: stageName(i) }, [`process.stages[${i}].exit_criteria`]));
      }
      for (const [i, k] of kinds.entries()) {
        if (k !== 'seller') continue;
        const criteria =
          listNames(
            (stages[i]!.exit_criteria ?? []).map((c) => `"${c}"`),
            { ordered: true },
          ) || 'as stated';
        const paths = [`process.stages[${i}].exit_criteria`, ...(stages[i]!.exit_kind !== undefined ? [`process.stages[${i}].exit_kind`] : [])];
        findings.push(finding('sellerExits', paths, { stage: stageName(i), criteria }));
        steps.push(step('buyerMilestones', { stage: stageName(i) }, [`process.stages[${i}].exit_criteria`]));
      }
      if (inferred.length)
        findings.push(
          finding(
            'inferredExits',
            inferred.map((i) => `process.stages[${i}].exit_criteria`),
            {
              stages: listNames(
                inferred.map((i) => `"${stageName(i)}"`),
                { ordered: true },
              ),
            },
            { note: true },
          ),
        );
    }
    if (method === 'gut' || method === 'none') findings.push(finding(method === 'gut' ? 'gutForecast' : 'noForecast', ['process.forecast_method']));
    if (stageForecast === false || (none && stageForecast !== true)) steps.push(step('stageForecast', {}, ['process.forecast_method']));
    if (stages?.length && reviews === 'none') findings.push(finding('noStageReviews', ['process.stage_reviews']));
    if (stages?.length && reviews === 'quarterly') findings.push(finding('quarterlyStageReviews', ['process.stage_reviews']));
    if (reviews === 'none' || reviews === 'quarterly' || none) steps.push(step('reviewConversion', {}, ['process.stage_reviews']));

    const acc = p.forecast_accuracy_pct;
    if (acc !== undefined && method !== 'none' && acc < bar) {
      findings.push(finding('forecastOff', ['process.forecast_accuracy_pct'], { accuracy: acc, forecastAccuracyPct: bar }, { thresholds: ['forecastAccuracyPct'], gap: 1 - accuracyScore(acc) }));
      steps.push(step('forecastReview', {}, ['process.forecast_accuracy_pct']));
    }
    const cov = p.pipeline_coverage;
    // On what is known: the motion's bar, or the lower of the two while the motion is unknown (a sure shortfall).
    const knownBar = motion !== undefined ? barOf(motion) : Math.min(barOf(hard), barOf(easy));
    if (cov !== undefined && cov < knownBar) {
      const tx = motion === 'transactional' || (motion === undefined && easy === 'transactional');
      const forMotion = motion === undefined ? '' : tx ? ' for transactional selling' : ' for relationship or solution selling';
      const paths = ['process.pipeline_coverage', ...(motion !== undefined ? ['company.sales_motion'] : [])];
      findings.push(
        finding(
          'thinPipeline',
          paths,
          { coverage: cov, pipelineCoverage: knownBar, forMotion },
          { thresholds: [tx ? 'pipelineCoverageTransactional' : 'pipelineCoverage'], gap: 1 - coverageScore(cov, knownBar) },
        ),
      );
      steps.push(step('buildPipeline', { pipelineCoverage: knownBar }, ['process.pipeline_coverage']));
    }
    const win = p.win_rate_pct;
    if (win !== undefined && win < options.winRatePct) {
      findings.push(finding('lowWinRate', ['process.win_rate_pct'], { winRate: win, winRatePct: options.winRatePct }, { thresholds: ['winRatePct'], gap: 1 - winScore(win) }));
      steps.push(step('qualify', {}, ['process.win_rate_pct']));
    }
    return { checks, findings, steps };
  },
});
