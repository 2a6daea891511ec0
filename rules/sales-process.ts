// Jackson, mistake 3: no sales process tied to the buyer's cycle, hence no
// realistic forecast and no view of where reps need help.
import { defineRule } from '../src/engine/define-rule';

// Maturity levels in the manner of the CSO Insights sales process levels
// (random, informal, formal, dynamic), and what each is worth.
const INFORMAL = 0.3; // stages exist, not all with exit criteria...
const INFORMAL_SPAN = 0.15; // ...plus this much times the share of stages that have them
const FORMAL = 0.7; // exit criteria on every stage and a forecast built on stage evidence
const DYNAMIC_QUARTERLY = 0.85; // formal, with stage conversion reviewed only quarterly
const DYNAMIC = 1; // formal, with stage conversion reviewed weekly or monthly
const NOT_MAPPED = 0.15; // off any level above random when the buyer's cycle is not mapped
const GUT_CAP = INFORMAL + INFORMAL_SPAN; // a gut-feel (or no) forecast never rises above informal

type Tri = boolean | undefined;
type Reviews = 'regular' | 'quarterly' | 'none';
type Level = 'random' | 'informal' | 'formal' | 'dynamic';

function assess(exits: boolean[], stageForecast: boolean, reviews: Reviews, mapped: boolean): { level: Level; score: number } {
  if (!exits.length) return { level: 'random', score: 0 };
  const share = exits.filter(Boolean).length / exits.length;
  let level: Level;
  let score: number;
  if (share < 1 || !stageForecast) {
    level = 'informal';
    score = INFORMAL + INFORMAL_SPAN * share;
  } else if (reviews === 'none') {
    level = 'formal';
    score = FORMAL;
  } else {
    level = 'dynamic';
    score = reviews === 'regular' ? DYNAMIC : DYNAMIC_QUARTERLY;
  }
  if (!mapped) score -= NOT_MAPPED;
  if (!stageForecast) score = Math.min(score, GUT_CAP);
  return { level, score: Math.max(0, score) };
}

type Pick = <V>(path: string, value: V | undefined, worst: V, best: V) => V;

/**
 * Runs a maturity assessment with every unknown fact at its worst and at its
 * best (the check earns the worst: an unknown earns nothing), and names the
 * unknown facts that move it (each one alone, from the worst case).
 */
function settle(run: (pick: Pick) => { level: Level; score: number }): { worst: { level: Level; score: number }; best: { level: Level; score: number }; unknown: string[] } {
  const seen: string[] = [];
  const at = (bestOf: (path: string) => boolean) =>
    run((path, value, w, b) => {
      if (value !== undefined) return value;
      if (!seen.includes(path)) seen.push(path);
      return bestOf(path) ? b : w;
    });
  const worst = at(() => false);
  const best = at(() => true);
  const unknown = best.score > worst.score ? seen.filter((f) => at((x) => x === f).score > worst.score || at((x) => x !== f).score < best.score) : [];
  return { worst, best, unknown };
}

export default defineRule({
  id: 'sales-process',
  title: "A defined sales process tied to the buyer's cycle",
  source: 'Jackson, mistake 3',
  category: 'process',
  severity: 'critical',
  reads: ['process.stages', 'process.stages[].name', 'process.stages[].buyer_activity', 'process.stages[].exit_criteria', 'process.buyer_journey_mapped', 'process.forecast_method', 'process.stage_reviews'],
  docs: {
    description:
      "Places the sales process on four maturity levels in the manner of CSO Insights (random, informal, formal, dynamic): stages at all, exit criteria on every stage, a forecast built on stage evidence, and regular review of conversion from stage to stage. Checks that the stages follow the buyer's own buying cycle.",
    rationale:
      "Stages that mirror how the customer buys, each closed by a milestone the buyer has reached, make it possible to see which activities work, to nudge the buyer along and to spot where a rep needs help; they are also what a believable forecast is built on. Scores: random (no stages) 0; informal 0.3 to 0.45 by the share of stages with exit criteria; formal 0.7; dynamic 1 (0.85 when conversion is reviewed only quarterly); 0.15 off when the buyer's cycle is not mapped. A gut-feel or missing forecast caps the score at 0.45.",
  },
  messages: {
    maturity: 'On the four-level maturity scale (random, informal, formal, dynamic), the sales process is {level}.',
    noStages: 'The sales process has no defined stages.',
    noExitCriteria: 'The "{stage}" stage has no exit criteria (milestones the buyer must reach to leave it).',
    gutForecast: 'The forecast rests on gut feel rather than on evidence from each stage.',
    noForecast: 'There is no sales forecast.',
    noStageReviews: 'Conversion from stage to stage is never reviewed, so nobody sees where deals stall.',
    quarterlyStageReviews: 'Conversion from stage to stage is reviewed only quarterly.',
    journeyNotMapped: "The customer's buying cycle has not been mapped, so the stages may not follow how buyers actually buy.",
  },
  steps: {
    mapJourney: { action: "Map how your customers buy, step by step, and align the sales stages to it.", owner: 'Sales manager', effort: 'medium' },
    defineStages: { action: 'Define the stages of the sales process, each closed by exit criteria the buyer must meet.', owner: 'Sales manager', effort: 'high' },
    addExitCriteria: { action: 'Write exit criteria for the "{stage}" stage: what the buyer must have done or confirmed to move on.', owner: 'Sales manager', effort: 'low' },
    stageForecast: { action: 'Build the forecast from stage evidence (stage-weighted, or on the milestones each deal has reached) instead of gut feel.', owner: 'Sales manager', effort: 'medium' },
    reviewConversion: { action: 'Review stage-to-stage conversion every month to find where deals stall and which reps need support.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, finding, step }) {
    const p = org.process ?? {};
    const stages = p.stages;
    const stageName = (i: number) => stages?.[i]?.name ?? `process.stages[${i}]`;

    // Tri-state facts: undefined is unknown (a key left out); [] and "none" are known absences.
    const exits: Tri[] = (stages ?? []).map((s) => (s.exit_criteria === undefined ? undefined : s.exit_criteria.length > 0));
    const method = p.forecast_method;
    const stageForecast: Tri = method === undefined ? undefined : method === 'stage_weighted' || method === 'evidence_based';
    const reviews: Reviews | undefined =
      p.stage_reviews === undefined ? undefined : p.stage_reviews === 'weekly' || p.stage_reviews === 'monthly' ? 'regular' : p.stage_reviews === 'quarterly' ? 'quarterly' : 'none';
    const allActivities = !!stages?.length && stages.every((s) => s.buyer_activity !== undefined);
    const mapped: Tri = p.buyer_journey_mapped === true || allActivities ? true : p.buyer_journey_mapped;

    // One check, the process's maturity: an unknown fact earns nothing (it is
    // taken at its worst), and could reach its best once known.
    const s = settle((pick) =>
      assess(
        stages === undefined ? pick('process.stages', undefined, [], [true]) : exits.map((x, i) => pick(`process.stages[${i}].exit_criteria`, x, false, true)),
        pick('process.forecast_method', stageForecast, false, true),
        pick('process.stage_reviews', reviews, 'none' as Reviews, 'regular' as Reviews),
        pick('process.buyer_journey_mapped', mapped, false, true),
      ),
    );
    const { worst, best } = s;
    const level = worst.level === best.level ? worst.level : `${worst.level} (up to ${best.level} once the unknown facts are known)`;

    const findings: ReturnType<typeof finding>[] = [finding('maturity', ['process.stages'], { level }, { note: true })];
    const steps: ReturnType<typeof step>[] = [];
    if (stages !== undefined && !stages.length) {
      findings.push(finding('noStages', ['process.stages']));
      if (mapped !== true) steps.push(step('mapJourney', {}, ['process.buyer_journey_mapped']));
      steps.push(step('defineStages', {}, ['process.stages']));
    } else if (stages !== undefined) {
      if (mapped === false) {
        findings.push(finding('journeyNotMapped', ['process.buyer_journey_mapped']));
        steps.push(step('mapJourney', {}, ['process.buyer_journey_mapped']));
      }
      for (const [i, x] of exits.entries()) {
        if (x !== false) continue;
        findings.push(finding('noExitCriteria', [`process.stages[${i}].exit_criteria`], { stage: stageName(i) }));
        steps.push(step('addExitCriteria', { stage: stageName(i) }, [`process.stages[${i}].exit_criteria`]));
      }
    }
    const none = stages !== undefined && !stages.length;
    if (method === 'gut' || method === 'none') findings.push(finding(method === 'gut' ? 'gutForecast' : 'noForecast', ['process.forecast_method']));
    if (stageForecast === false || (none && stageForecast !== true)) steps.push(step('stageForecast', {}, ['process.forecast_method']));
    if (stages?.length && reviews === 'none') findings.push(finding('noStageReviews', ['process.stage_reviews']));
    if (stages?.length && reviews === 'quarterly') findings.push(finding('quarterlyStageReviews', ['process.stage_reviews']));
    if (reviews === 'none' || reviews === 'quarterly' || none) steps.push(step('reviewConversion', {}, ['process.stage_reviews']));
    return {
      checks: [{ id: 'process:maturity', score: [worst.score, best.score], unknown: s.unknown }],
      findings,
      steps: best.score >= 1 ? [] : steps,
    };
  },
});
