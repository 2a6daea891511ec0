// Jackson, mistake 4: no key performance indicators, no metrics that drive
// outcomes, and a team left out of defining them.
import { defineRule, saysNone, unknownCheck } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

// The weight of each check, as the share of a score of 1 it carries.
const TRACKED = 0.05; // KPIs are tracked at all
const LEADING = 0.25; // a leading indicator among them
const TARGETS = 0.2; // each KPI has a target (split across the KPIs)
const OWNERS = 0.1; // each KPI has an owner (split across the KPIs)
const REVIEW = 0.2; // reviewed with the team weekly or monthly (half for quarterly)
const TEAM = 0.2; // the reps helped define them

type Tri = boolean | undefined;
type Review = 'regular' | 'quarterly' | 'none';
const REVIEW_SCORE: Record<Review, number> = { regular: 1, quarterly: 0.5, none: 0 };

type Pick = <V>(path: string, value: V | undefined, worst: V, best: V) => V;

/**
 * A score with every unknown fact at its worst and at its best (the check earns
 * the worst: an unknown earns nothing), and the unknown facts that move it.
 */
function settle(run: (pick: Pick) => number): { score: [number, number]; unknown: string[] } {
  const seen: string[] = [];
  const at = (bestOf: (path: string) => boolean) =>
    run((path, value, w, b) => {
      if (value !== undefined) return value;
      if (!seen.includes(path)) seen.push(path);
      return bestOf(path) ? b : w;
    });
  const lo = at(() => false);
  const hi = at(() => true);
  return { score: [lo, hi], unknown: hi > lo ? seen.filter((f) => at((x) => x === f) > lo || at((x) => x !== f) < hi) : [] };
}

export default defineRule({
  id: 'metrics-accountability',
  title: 'Measured, owned, agreed metrics',
  source: 'Jackson, mistake 4',
  category: 'process',
  severity: 'high',
  reads: ['metrics.kpis', 'metrics.kpis[].name', 'metrics.kpis[].kind', 'metrics.kpis[].target', 'metrics.kpis[].owner', 'metrics.review_cadence', 'metrics.team_involved'],
  docs: {
    description:
      'Checks that sales has key performance indicators, that they include leading (activity) indicators and not only results, that each has a target and an owner, that they are reviewed with the team on a regular cadence, and that the reps helped define them.',
    rationale:
      'Measuring the right things is what makes them manageable: indicators that reps can act on week by week make results more predictable and show early where to step in, and reps who helped choose them treat them as their own rather than as surveillance. Scores: 0 without KPIs; from 1, 0.25 off for results-only KPIs, up to 0.2 for missing targets and 0.1 for missing owners (by share of KPIs), 0.2 for no review (0.1 for quarterly) and 0.2 when the team was left out. A KPI\u2019s target or owner left out is unknown and earns nothing; a target of 0 or an owner "none" is a known absence.',
  },
  messages: {
    noKpis: 'No sales KPIs are tracked.',
    outcomeOnly: 'Every KPI is a result (lagging) measure: there is no leading indicator the reps can act on during the period.',
    noTarget: 'The KPI "{kpi}" has no target.',
    noOwner: 'The KPI "{kpi}" has no owner.',
    noReview: 'The metrics are not reviewed with the team on any fixed cadence.',
    quarterlyReview: 'The metrics are reviewed with the team only quarterly.',
    teamNotInvolved: 'The reps had no part in defining the metrics.',
  },
  steps: {
    defineKpis: { action: 'Choose a short list of sales KPIs: the results that matter plus the leading activities that produce them, each with a target and an owner.', owner: 'Sales manager', effort: 'medium' },
    addLeading: { action: 'Add leading indicators (meetings held, proposals sent, pipeline added) beside the result measures.', owner: 'Sales manager', effort: 'low' },
    setTarget: { action: 'Set a target for the KPI "{kpi}".', owner: 'Sales manager', effort: 'low' },
    setOwner: { action: 'Name an owner for the KPI "{kpi}".', owner: 'Sales manager', effort: 'low' },
    setReview: { action: 'Review the metrics with the team on a fixed weekly or monthly cadence.', owner: 'Sales manager', effort: 'low' },
    workshop: { action: 'Run a workshop with the reps to agree the metrics and their targets together.', owner: 'Sales manager', effort: 'low' },
  },
  check({ org, finding, step, isUnknown }) {
    const m = org.metrics ?? {};
    const kpis = m.kpis;
    const at = (i: number, k: string) => `metrics.kpis[${i}].${k}`;
    const review: Review | undefined =
      m.review_cadence === undefined ? undefined : m.review_cadence === 'weekly' || m.review_cadence === 'monthly' ? 'regular' : m.review_cadence === 'quarterly' ? 'quarterly' : 'none';
    const team: Tri = m.team_involved;
    const reviewStep = () => step('setReview', {}, ['metrics.review_cadence']);
    const workshopStep = () => step('workshop', {}, ['metrics.team_involved']);

    if (kpis !== undefined && !kpis.length) {
      const steps = [step('defineKpis', {}, ['metrics.kpis'])];
      if (review !== 'regular') steps.push(reviewStep());
      if (team !== true) steps.push(workshopStep());
      return { score: 0, findings: [finding('noKpis', ['metrics.kpis'])], steps };
    }

    // A key left out is unknown; a target of 0 or an owner "none" is a known absence.
    const target: Tri[] = (kpis ?? []).map((k, i) => (isUnknown(at(i, 'target')) || k.target === undefined ? undefined : k.target !== 0));
    const owner: Tri[] = (kpis ?? []).map((k, i) => (isUnknown(at(i, 'owner')) || k.owner === undefined ? undefined : !saysNone(k.owner)));
    const leading: Tri = kpis === undefined ? undefined : kpis.some((k) => k.kind === 'activity') ? true : kpis.some((k) => k.kind === undefined) ? undefined : false;
    // Without KPIs there is nothing to review or agree on: those checks earn
    // nothing while whether KPIs are tracked is unknown.
    const gated = (score: (pick: Pick) => number) => settle((pick) => (pick('metrics.kpis', kpis === undefined ? undefined : true, false, true) ? score(pick) : 0));
    const checks: CheckOut[] = [
      { id: 'metrics:review', weight: REVIEW, ...(gated((pick) => REVIEW_SCORE[pick('metrics.review_cadence', review, 'none', 'regular')])) },
      { id: 'metrics:team', weight: TEAM, ...(gated((pick) => (pick('metrics.team_involved', team, false, true) ? 1 : 0))) },
    ];
    if (kpis === undefined) checks.unshift(unknownCheck('metrics:kpis', ['metrics.kpis'], TRACKED + LEADING + TARGETS + OWNERS));
    else {
      checks.unshift(
        { id: 'metrics:kpis', weight: TRACKED, score: 1 },
        {
          id: 'metrics:leading',
          weight: LEADING,
          ...(settle((pick) => (kpis.some((k, i) => pick(at(i, 'kind'), k.kind, 'outcome', 'activity') === 'activity') ? 1 : 0))),
        },
        ...kpis.map((k, i) => ({
          id: `kpi:${k.name ?? `metrics.kpis[${i}]`}`,
          weight: (TARGETS + OWNERS) / kpis.length,
          ...(settle((pick) => (TARGETS * Number(pick(at(i, 'target'), target[i], false, true)) + OWNERS * Number(pick(at(i, 'owner'), owner[i], false, true))) / (TARGETS + OWNERS))),
        })),
      );
    }
    const upTo = checks.reduce((a, c) => a + (c.weight ?? 1) * (typeof c.score === 'number' ? c.score : (c.score?.[1] ?? 1)), 0);

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    if (leading === false) {
      findings.push(finding('outcomeOnly', (kpis ?? []).map((_, i) => at(i, 'kind'))));
      steps.push(step('addLeading', {}, ['metrics.kpis']));
    }
    for (const [i, k] of (kpis ?? []).entries()) {
      const kpi = k.name ?? `metrics.kpis[${i}]`;
      if (target[i] === false) {
        findings.push(finding('noTarget', [at(i, 'target')], { kpi }));
        steps.push(step('setTarget', { kpi }, [at(i, 'target')]));
      }
      if (owner[i] === false) {
        findings.push(finding('noOwner', [at(i, 'owner')], { kpi }));
        steps.push(step('setOwner', { kpi }, [at(i, 'owner')]));
      }
    }
    if (review === 'none' || review === 'quarterly') {
      findings.push(finding(review === 'none' ? 'noReview' : 'quarterlyReview', ['metrics.review_cadence']));
      steps.push(reviewStep());
    }
    if (team === false) {
      findings.push(finding('teamNotInvolved', ['metrics.team_involved']));
      steps.push(workshopStep());
    }
    return { checks, findings, steps: upTo >= 1 - 1e-9 ? [] : steps };
  },
});
